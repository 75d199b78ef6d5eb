/**
 * Generated, fully unrolled loops for the two hot passes of k-means (the seeding candidates and
 * the Lloyd assignment), specialised for the number of columns d and of centres k (or
 * candidates): the row's values sit in locals and every centre coordinate is read at a constant
 * offset, about 1.5× faster than the generic loops in V8. They perform exactly the same
 * floating-point operations in the same order as the generic methods of `KMeansShard`, so the
 * results are bit-identical (tests check it); above `MAX_UNROLLED` (or where run-time code is
 * forbidden) the generic loops run.
 */
import { compileLoop } from '../codegen';

/** Largest k × d (or trials × d) unrolled; beyond it the code would be too big to pay off. */
export const MAX_UNROLLED = 2048;
/** Largest d unrolled (the row's values are locals). */
export const MAX_UNROLLED_D = 64;

export type AssignKernel = (
  X: Float64Array,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  i0: number,
  i1: number,
  C: Float64Array,
  moves: Float64Array,
  half: Float64Array,
  r1: number,
  m1: number,
  m2: number,
  tighten: boolean,
  out: Float64Array,
  o: number,
  O: Float64Array,
  stats: Float64Array,
) => void;

export type SeedKernel = (
  X: Float64Array,
  closest: Float64Array,
  labels: Int32Array,
  i0: number,
  i1: number,
  R: Float64Array,
  gap: Float64Array,
  F: Float64Array,
  mins: Float64Array,
  pots: Float64Array,
  pb: number,
) => void;

/** Shrinks the seeding's lower bounds a little, so that rounding cannot make one exceed the true distance. */
export const BOUND_SHRINK = 0.999999;

/**
 * Lower bound of the squared distance from a row to a candidate it was not compared with: the
 * candidate is `apart` from the row's centre and the row √(its squared distance) = `r` from it,
 * so at least apart − r from the candidate (triangle inequality; apart ≥ 2r when skipped). Shrunk
 * by a millionth so that rounding cannot make it exceed the true distance.
 */
export function skippedBound(apart: number, r: number): number {
  const g = apart - r;
  return g * g * BOUND_SHRINK;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Loads of the row's d values into locals x0…x(d−1). */
function loadRow(d: number): string {
  return range(d)
    .map((q) => `const x${q} = X[base + ${q}];`)
    .join('\n');
}

/**
 * Squared distance from the row (locals) to `arr[off + q]`, as `sqDistTo`: four partial sums
 * over q ≡ 0..3 (mod 4), the tail added to the first, then (s0 + s1) + (s2 + s3). Sets `target`.
 */
function unrolledSqDistTo(d: number, arr: string, off: string, target: string): string {
  const lines = ['{ let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t;'];
  let q = 0;
  for (; q + 3 < d; q += 4) for (let r = 0; r < 4; r++) lines.push(`t = x${q + r} - ${arr}[${off} + ${q + r}]; s${r} += t * t;`);
  for (; q < d; q++) lines.push(`t = x${q} - ${arr}[${off} + ${q}]; s0 += t * t;`);
  lines.push(`${target} = (s0 + s1) + (s2 + s3); }`);
  return lines.join('\n');
}

/** Squared distance from the row to `arr[off..off+d)` with one running sum, as `distancesT`. */
function unrolledSingleSum(d: number, arr: string, off: number, target: string): string {
  const lines = ['{ let u = 0, t;'];
  for (let q = 0; q < d; q++) lines.push(`t = x${q} - ${arr}[${off + q}]; u += t * t;`);
  lines.push(`${target} = u; }`);
  return lines.join('\n');
}

const assignCache = new Map<string, AssignKernel | null>();
const seedCache = new Map<string, SeedKernel | null>();

/** The Lloyd assignment for one block (see `KMeansShard.assign`), or null when k × d is too big. */
export function assignKernel(k: number, d: number): AssignKernel | null {
  const key = `${k}:${d}`;
  if (!assignCache.has(key))
    assignCache.set(key, k * d <= MAX_UNROLLED && d <= MAX_UNROLLED_D && d > 0 ? warmAssign(buildAssign(k, d), k, d) : null);
  return assignCache.get(key)!;
}

/** The seeding pass over one block (see `KMeansShard.seedPass`), or null when trials × d is too big. */
export function seedKernel(trials: number, d: number): SeedKernel | null {
  const key = `${trials}:${d}`;
  if (!seedCache.has(key))
    seedCache.set(key, trials * d <= MAX_UNROLLED && d <= MAX_UNROLLED_D && d > 0 ? warmSeed(buildSeed(trials, d), trials, d) : null);
  return seedCache.get(key)!;
}

function buildAssign(k: number, d: number): AssignKernel | null {
  const body = `
let changed = 0, checked = 0;
const oc = o + ${k * d};
for (let i = i0; i < i1; i++) {
  const a = labels[i];
  let ua = upper[i] + moves[a];
  const lb = lower[i] - (a === r1 ? m2 : m1);
  const hb = half[a];
  const bound = hb > lb ? hb : lb;
  if (ua <= bound) { upper[i] = ua; lower[i] = lb; continue; }
  checked++;
  const base = i * ${d};
  ${loadRow(d)}
  if (tighten) {
    const ca = a * ${d};
    let sq;
    ${unrolledSqDistTo(d, 'C', 'ca', 'sq')}
    ua = Math.sqrt(sq);
    if (ua <= bound) { upper[i] = ua; lower[i] = lb; continue; }
  }
  ${range(k)
    .map((j) => unrolledSingleSum(d, 'C', j * d, `O[${j}]`))
    .join('\n')}
  let b1 = a, d1 = O[a], d2 = Infinity;
  for (let j = 0; j < ${k}; j++) {
    if (j === a) continue;
    const t = O[j];
    if (t < d1 || (t === d1 && j < b1)) { d2 = d1; d1 = t; b1 = j; } else if (t < d2) d2 = t;
  }
  lower[i] = Math.sqrt(d2);
  upper[i] = Math.sqrt(d1);
  if (b1 !== a) {
    labels[i] = b1;
    out[oc + a]--;
    out[oc + b1]++;
    const sa = o + a * ${d}, sb = o + b1 * ${d};
    ${range(d)
      .map((q) => `out[sa + ${q}] -= x${q}; out[sb + ${q}] += x${q};`)
      .join('\n')}
    changed++;
  }
}
stats[0] += changed;
stats[1] += checked;`;
  return compileLoop<AssignKernel>(
    ['X', 'labels', 'upper', 'lower', 'i0', 'i1', 'C', 'moves', 'half', 'r1', 'm1', 'm2', 'tighten', 'out', 'o', 'O', 'stats'],
    body,
  );
}

function buildSeed(trials: number, d: number): SeedKernel | null {
  const ts = range(trials);
  const body = `
${ts.map((t) => `let p${t} = 0;`).join(' ')}
for (let i = i0, bi = i0 * ${trials}; i < i1; i++, bi += ${trials}) {
  const ci = closest[i];
  const gj = labels[i] * ${trials};
  let need = 0;
  ${ts.map((t) => `if (ci > gap[gj + ${t}]) need++;`).join(' ')}
  const base = i * ${d};
  if (need > 1) {
    ${loadRow(d)}
    ${ts
      .map(
        (t) => `{ let s;
    ${unrolledSingleSum(d, 'R', t * d, 's')}
    mins[bi + ${t}] = s; p${t} += s < ci ? s : ci; }`,
      )
      .join('\n')}
  } else if (need === 0) {
    const r = Math.sqrt(ci);
    ${ts.map((t) => `{ const g = F[gj + ${t}] - r; mins[bi + ${t}] = g * g * ${BOUND_SHRINK}; p${t} += ci; }`).join(' ')}
  } else {
    const r = Math.sqrt(ci);
    ${loadRow(d)}
    ${ts
      .map(
        (t) => `{ let m = ci;
    if (ci > gap[gj + ${t}]) { let s;
      ${unrolledSqDistTo(d, 'R', String(t * d), 's')}
      mins[bi + ${t}] = s;
      if (s < ci) m = s; } else { const g = F[gj + ${t}] - r; mins[bi + ${t}] = g * g * ${BOUND_SHRINK}; }
    p${t} += m; }`,
      )
      .join('\n')}
  }
}
${ts.map((t) => `pots[pb + ${t}] = p${t};`).join(' ')}`;
  return compileLoop<SeedKernel>(['X', 'closest', 'labels', 'i0', 'i1', 'R', 'gap', 'F', 'mins', 'pots', 'pb'], body);
}

/*
 * Warm-ups: V8 compiles a hot function for the branches it has seen taken; a branch first taken
 * later (the tightened bound from the 8th iteration, say) throws the fast code away mid-fit and
 * costs tens of ms. A few rows that take every branch, on made-up data, avoid that; run 200
 * times (about 50,000 row iterations, a few ms) they also get the loop optimised before the
 * first real pass, which otherwise ran mostly unoptimised (measured: the first Lloyd pass on
 * 1M × 16 took 155 ms of CPU instead of 53 ms).
 */

/** Warm-up rounds (see above). */
const WARM_REPS = 200;

/** Rows that take every branch of the assignment: skipped, tightened, fully compared, moved. */
function warmAssign(kernel: AssignKernel | null, k: number, d: number): AssignKernel | null {
  if (!kernel) return null;
  const m = 8 * Math.max(2, k);
  const C = Float64Array.from({ length: k * d }, (_, i) => (i % d) + 10 * Math.floor(i / d));
  const X = new Float64Array(m * d);
  const labels = new Int32Array(m),
    upper = new Float64Array(m),
    lower = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const own = r % k,
      near = r % 2 ? (r + 1) % k : own;
    labels[r] = own;
    for (let q = 0; q < d; q++) X[r * d + q] = C[near * d + q] + 0.01 * q;
  }
  const moves = new Float64Array(k),
    half = new Float64Array(k);
  const out = new Float64Array(k * d + k),
    O = new Float64Array(k),
    stats = new Float64Array(2);
  for (let rep = 0; rep < WARM_REPS; rep++) {
    const tighten = rep % 2 === 1;
    for (let r = 0; r < m; r++) {
      // 0: bounds prove the segment; 1: only the tightened bound does; 2, 3: compare with all.
      upper[r] = r % 4 === 0 ? 0 : r % 4 === 1 ? Infinity : 1e300;
      lower[r] = r % 4 === 1 ? 1e300 : 0;
    }
    kernel(X, labels.slice(), upper, lower, 0, m, C, moves, half, 0, 0, 0, tighten, out, 0, O, stats);
  }
  return kernel;
}

/** Rows that take every branch of the seeding pass: no candidate, each single candidate, several. */
function warmSeed(kernel: SeedKernel | null, trials: number, d: number): SeedKernel | null {
  if (!kernel) return null;
  const labelsUsed = trials + 1; // label 0: no candidate can be closer; label 1 + t: only candidate t can
  const m = 3 * labelsUsed;
  const X = Float64Array.from({ length: m * d }, (_, i) => i % 7);
  const R = Float64Array.from({ length: trials * d }, (_, i) => i % 5);
  const closest = new Float64Array(m),
    labels = new Int32Array(m);
  const gap = new Float64Array(labelsUsed * trials).fill(1e300);
  for (let t = 0; t < trials; t++) gap[(1 + t) * trials + t] = 0;
  for (let r = 0; r < m; r++) {
    labels[r] = r % labelsUsed;
    const kind = Math.floor(r / labelsUsed); // 0: already on a centre; 1: far from it; 2: very close
    closest[r] = kind === 0 ? 0 : kind === 1 ? 1e6 : 1e-6;
  }
  const mins = new Float64Array(m * trials),
    pots = new Float64Array(trials);
  const none = new Float64Array(labelsUsed * trials); // every candidate must be measured
  const apart = gap.map((g) => 2 * Math.sqrt(g));
  for (let rep = 0; rep < WARM_REPS; rep++) {
    kernel(X, closest, labels, 0, m, R, gap, apart, mins, pots, 0);
    kernel(X, closest, labels, 0, m, R, none, none, mins, pots, 0);
  }
  return kernel;
}
