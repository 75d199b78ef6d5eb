/**
 * k-means on a flat row-major Float64Array (n rows × d columns): greedy k-means++ seeding
 * (as scikit-learn: 2 + ⌊ln k⌋ candidates per centre, keep the one that lowers the total most)
 * and Lloyd iterations accelerated with Hamerly's bounds, so that points that cannot change
 * segment are skipped without computing any distance. No row objects, no allocation in loops.
 */
import { NodeError } from './errors';
import type { Random } from './random';

export interface KMeansOptions {
  k: number;
  /** Uniform random numbers in [0, 1) (seeded, for determinism). */
  random: Random;
  /** Most Lloyd iterations (default 300). */
  maxIterations?: number;
  /** Relative tolerance on the squared centre shift, as scikit-learn's `tol` (default 1e-4). */
  tolerance?: number;
  /** Called between steps with the fraction done; await-ed, so it may throw to cancel. */
  progress?: (fraction: number, message: string) => Promise<void> | void;
}

export interface KMeansFit {
  k: number;
  /** Segment of every row, 0..k-1. */
  labels: Int32Array;
  /** k × d centres (the means of their rows), row-major. */
  centers: Float64Array;
  sizes: Int32Array;
  /** Within-segment sum of squared distances to the centre, per segment. */
  clusterInertia: Float64Array;
  /** Sum of `clusterInertia`. */
  inertia: number;
  iterations: number;
  /** True when labels stopped changing or the centres moved less than the tolerance. */
  converged: boolean;
}

/** Squared distance between row i of `a` and row j of `b`, both with d columns. */
function sqDist(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const ai = i * d, bj = j * d;
  for (let c = 0; c < d; c++) {
    const t = a[ai + c] - b[bj + c];
    s += t * t;
  }
  return s;
}

/** Squared distance between a[ai..ai+d) and b[bj..bj+d), unrolled by four with separate sums. */
function sqDistTo(a: Float64Array, ai: number, b: Float64Array, bj: number, d: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let c = 0;
  for (; c + 3 < d; c += 4) {
    const t0 = a[ai + c] - b[bj + c];
    const t1 = a[ai + c + 1] - b[bj + c + 1];
    const t2 = a[ai + c + 2] - b[bj + c + 2];
    const t3 = a[ai + c + 3] - b[bj + c + 3];
    s0 += t0 * t0; s1 += t1 * t1; s2 += t2 * t2; s3 += t3 * t3;
  }
  for (; c < d; c++) {
    const t = a[ai + c] - b[bj + c];
    s0 += t * t;
  }
  return (s0 + s1) + (s2 + s3);
}

/**
 * Squared distances from row x[xi..xi+d) to the k centres of `ct`, stored transposed
 * (ct[q·k + j] is coordinate q of centre j), into o[0..k). Eight centres per pass over the row,
 * contiguous loads (about 1.5× faster than one by one).
 */
function distancesT(x: Float64Array, xi: number, ct: Float64Array, k: number, d: number, o: Float64Array): void {
  let j = 0;
  for (; j + 7 < k; j += 8) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let q = 0, p = j; q < d; q++, p += k) {
      const v = x[xi + q];
      const t0 = v - ct[p], t1 = v - ct[p + 1], t2 = v - ct[p + 2], t3 = v - ct[p + 3];
      const t4 = v - ct[p + 4], t5 = v - ct[p + 5], t6 = v - ct[p + 6], t7 = v - ct[p + 7];
      s0 += t0 * t0; s1 += t1 * t1; s2 += t2 * t2; s3 += t3 * t3;
      s4 += t4 * t4; s5 += t5 * t5; s6 += t6 * t6; s7 += t7 * t7;
    }
    o[j] = s0; o[j + 1] = s1; o[j + 2] = s2; o[j + 3] = s3;
    o[j + 4] = s4; o[j + 5] = s5; o[j + 6] = s6; o[j + 7] = s7;
  }
  for (; j + 3 < k; j += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let q = 0, p = j; q < d; q++, p += k) {
      const v = x[xi + q];
      const t0 = v - ct[p], t1 = v - ct[p + 1], t2 = v - ct[p + 2], t3 = v - ct[p + 3];
      s0 += t0 * t0; s1 += t1 * t1; s2 += t2 * t2; s3 += t3 * t3;
    }
    o[j] = s0; o[j + 1] = s1; o[j + 2] = s2; o[j + 3] = s3;
  }
  for (; j < k; j++) {
    let s = 0;
    for (let q = 0, p = j; q < d; q++, p += k) {
      const t = x[xi + q] - ct[p];
      s += t * t;
    }
    o[j] = s;
  }
}

/** Mean over columns of the per-column variance (scikit-learn scales `tol` by it). One pass, shifted by row 0. */
export function meanVariance(data: Float64Array, n: number, d: number): number {
  if (n === 0 || d === 0) return 0;
  const sum = new Float64Array(d), sq = new Float64Array(d);
  for (let i = 0, p = 0; i < n; i++) {
    for (let c = 0; c < d; c++, p++) {
      const t = data[p] - data[c];
      sum[c] += t;
      sq[c] += t * t;
    }
  }
  let s = 0;
  for (let c = 0; c < d; c++) s += Math.max(0, sq[c] / n - (sum[c] / n) ** 2);
  return s / d;
}

/** Too few different rows for k segments. */
function tooFewDistinct(found: number, k: number): NodeError {
  return new NodeError({
    en: `The chosen columns have only ${found} different combinations of values, so they cannot be split into ${k} segments. Lower the number of segments to ${found} or fewer, or choose more columns.`,
    vi: `Các cột đã chọn chỉ có ${found} tổ hợp giá trị khác nhau, nên không thể chia thành ${k} phân khúc. Hãy giảm số phân khúc xuống ${found} hoặc ít hơn, hoặc chọn thêm cột.`,
  });
}

export interface Seeding {
  centers: Float64Array;
  /** Index of the nearest chosen centre of every row, and the squared distance to it. */
  nearest: Int32Array;
  closest: Float64Array;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii; the greedy variant of scikit-learn): each new
 * centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ squared distance. Exact
 * triangle-inequality pruning: a row whose nearest centre is at least twice its distance away
 * from a candidate cannot get closer to that candidate, so its distance is not computed.
 */
export async function kmeansPlusPlus(
  data: Float64Array, n: number, d: number, k: number, random: Random,
  progress?: (fraction: number) => Promise<void> | void,
): Promise<Seeding> {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = Math.min(n - 1, Math.floor(random() * n));
  centers.set(data.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  const nearest = new Int32Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    const v = sqDistTo(data, i * d, centers, 0, d);
    closest[i] = v;
    pot += v;
  }
  const cumsum = new Float64Array(n);
  const mins = new Float64Array(n * trials);
  const pots = new Float64Array(trials);
  const candidateRows = new Float64Array(trials * d);
  const candidatesT = new Float64Array(trials * d); // transposed, for distancesT
  // Squared distance between centre j and candidate t, ×¼ (so the test is closest ≤ gap/4).
  const gap = new Float64Array(k * trials);
  const scratch = new Float64Array(trials);
  for (let c = 1; c < k; c++) {
    if (!(pot > 0)) throw tooFewDistinct(c, k);
    let acc = 0;
    for (let i = 0; i < n; i++) { acc += closest[i]; cumsum[i] = acc; }
    for (let t = 0; t < trials; t++) {
      const r = random() * acc;
      // first index with cumsum >= r (numpy searchsorted, side left), skipping rows already chosen
      let lo = 0, hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumsum[mid] < r) lo = mid + 1; else hi = mid;
      }
      while (lo < n - 1 && closest[lo] === 0) lo++;
      while (lo > 0 && closest[lo] === 0) lo--;
      candidateRows.set(data.subarray(lo * d, lo * d + d), t * d);
      for (let q = 0; q < d; q++) candidatesT[q * trials + t] = data[lo * d + q];
      for (let j = 0; j < c; j++) gap[j * trials + t] = 0.25 * sqDistTo(centers, j * d, candidateRows, t * d, d);
    }
    // One pass over the rows per centre, all candidates at once.
    pots.fill(0);
    for (let i = 0, bi = 0; i < n; i++, bi += trials) {
      const ci = closest[i];
      const xi = i * d;
      const gj = nearest[i] * trials;
      let need = 0;
      for (let t = 0; t < trials; t++) if (ci > gap[gj + t]) need++;
      if (need > 1) {
        distancesT(data, xi, candidatesT, trials, d, scratch);
        for (let t = 0; t < trials; t++) {
          const s = scratch[t];
          const m = s < ci ? s : ci;
          mins[bi + t] = m;
          pots[t] += m;
        }
      } else {
        for (let t = 0; t < trials; t++) {
          let m = ci;
          if (ci > gap[gj + t]) {
            const s = sqDistTo(data, xi, candidateRows, t * d, d);
            if (s < ci) m = s;
          }
          mins[bi + t] = m;
          pots[t] += m;
        }
      }
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if (pots[t] < pots[best]) best = t;
    for (let i = 0, bi = best; i < n; i++, bi += trials) {
      const m = mins[bi];
      if (m < closest[i]) { closest[i] = m; nearest[i] = c; }
    }
    pot = pots[best];
    centers.set(candidateRows.subarray(best * d, best * d + d), c * d);
    if (progress) await progress(c / k);
  }
  return { centers, nearest, closest };
}

/** k-means on `data` (n × d, row-major, no missing values). */
export async function kmeans(data: Float64Array, n: number, d: number, options: KMeansOptions): Promise<KMeansFit> {
  const { k, random } = options;
  const maxIterations = options.maxIterations ?? 300;
  const tol = (options.tolerance ?? 1e-4) * meanVariance(data, n, d);
  const report = options.progress;
  if (k > n) throw new Error(`k (${k}) is larger than the number of rows (${n})`);

  const seeding = await kmeansPlusPlus(data, n, d, k, random, report ? (f) => report(0.3 * f, 'choosing starting centres') : undefined);
  let centers: Float64Array = seeding.centers;
  let next: Float64Array = new Float64Array(k * d);
  // The seeding already knows every row's nearest centre: that is the first assignment. Its
  // lower bound starts at 0 (always valid), so rows are re-checked only when the bounds say so.
  const labels = seeding.nearest;
  const upper = seeding.closest;
  for (let i = 0; i < n; i++) upper[i] = Math.sqrt(upper[i]);
  const lower = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const moves = new Float64Array(k);
  const half = new Float64Array(k);
  const dist = new Float64Array(k);
  const transposed = new Float64Array(k * d);
  // Share of rows whose bounds failed in the last pass: when most fail, tightening the upper
  // bound first (one distance) rarely saves the other k, so go straight to all k.
  let failed = 1;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    counts[a]++;
    const base = i * d, sb = a * d;
    for (let c = 0; c < d; c++) sums[sb + c] += data[base + c];
  }

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // Move the centres to the means; an empty segment takes the row farthest from its centre.
    for (let j = 0; j < k; j++) {
      if (counts[j] === 0) relocate(j);
    }
    let shift = 0;
    for (let j = 0; j < k; j++) {
      const cb = j * d;
      let m = 0;
      for (let c = 0; c < d; c++) {
        const v = sums[cb + c] / counts[j];
        const u = v - centers[cb + c];
        m += u * u;
        next[cb + c] = v;
      }
      shift += m;
      moves[j] = Math.sqrt(m);
    }
    const swap = centers; centers = next; next = swap;
    if (shift <= tol) converged = true;

    // Half the distance from each centre to its nearest other centre.
    for (let j = 0; j < k; j++) half[j] = Infinity;
    for (let j = 0; j < k; j++) {
      for (let l = j + 1; l < k; l++) {
        const h = 0.5 * Math.sqrt(sqDist(centers, j, centers, l, d));
        if (h < half[j]) half[j] = h;
        if (h < half[l]) half[l] = h;
      }
    }
    for (let j = 0; j < k; j++) for (let q = 0; q < d; q++) transposed[q * k + j] = centers[j * d + q];
    // Bounds follow the moves: the largest move (or the second largest for its own segment).
    let r1 = 0, r2 = -1;
    for (let j = 1; j < k; j++) {
      if (moves[j] > moves[r1]) { r2 = r1; r1 = j; } else if (r2 < 0 || moves[j] > moves[r2]) r2 = j;
    }
    const m1 = moves[r1], m2 = r2 < 0 ? 0 : moves[r2];

    // Assignment with Hamerly's test: skip rows whose bounds prove their segment is unchanged.
    const tighten = failed < 0.5;
    let changed = 0, checked = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      let ua = upper[i] + moves[a];
      const lb = lower[i] - (a === r1 ? m2 : m1);
      const hb = half[a];
      const bound = hb > lb ? hb : lb;
      if (ua <= bound) { upper[i] = ua; lower[i] = lb; continue; }
      checked++;
      const base = i * d;
      if (tighten) {
        ua = Math.sqrt(sqDistTo(data, base, centers, a * d, d));
        if (ua <= bound) { upper[i] = ua; lower[i] = lb; continue; }
      }
      distancesT(data, base, transposed, k, d, dist);
      let b1 = a, d1 = dist[a], d2 = Infinity;
      for (let j = 0; j < k; j++) {
        if (j === a) continue;
        const t = dist[j];
        if (t < d1 || (t === d1 && j < b1)) { d2 = d1; d1 = t; b1 = j; } else if (t < d2) d2 = t;
      }
      lower[i] = Math.sqrt(d2);
      upper[i] = Math.sqrt(d1);
      if (b1 !== a) {
        labels[i] = b1;
        counts[a]--;
        counts[b1]++;
        const sa = a * d, sb = b1 * d;
        for (let c = 0; c < d; c++) {
          const v = data[base + c];
          sums[sa + c] -= v;
          sums[sb + c] += v;
        }
        changed++;
      }
    }
    failed = checked / n;
    if (report) await report(0.3 + 0.65 * Math.min(1, iterations / Math.min(maxIterations, 50)), `iteration ${iterations}: ${changed} rows changed segment`);
    if (changed === 0) { converged = true; break; }
    if (converged) break;
  }

  // Exact centres (means of the final segments) and within-segment sums of squares.
  const sizes = new Int32Array(k);
  sums.fill(0);
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    sizes[a]++;
    const base = i * d, sb = a * d;
    for (let c = 0; c < d; c++) sums[sb + c] += data[base + c];
  }
  for (let j = 0; j < k; j++) {
    const cb = j * d;
    for (let c = 0; c < d; c++) centers[cb + c] = sizes[j] > 0 ? sums[cb + c] / sizes[j] : centers[cb + c];
  }
  const clusterInertia = new Float64Array(k);
  for (let i = 0; i < n; i++) clusterInertia[labels[i]] += sqDist(data, i, centers, labels[i], d);
  let inertia = 0;
  for (let j = 0; j < k; j++) inertia += clusterInertia[j];
  return { k, labels, centers, sizes, clusterInertia, inertia, iterations, converged };

  /** Gives empty segment `j` the row farthest from its own centre (in a segment of 2+ rows). */
  function relocate(j: number): void {
    let far = -1, farDist = -1;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      if (counts[a] < 2) continue;
      const s = sqDist(data, i, centers, a, d);
      if (s > farDist) { farDist = s; far = i; }
    }
    if (far < 0 || farDist === 0) throw tooFewDistinct(j, k);
    const a = labels[far];
    const base = far * d, sa = a * d, sj = j * d;
    for (let c = 0; c < d; c++) {
      sums[sa + c] -= data[base + c];
      sums[sj + c] += data[base + c];
      centers[sj + c] = data[base + c];
    }
    counts[a]--;
    counts[j]++;
    labels[far] = j;
    upper[far] = 0;
    lower.fill(0); // every row re-checks its segment on the next pass
  }
}
