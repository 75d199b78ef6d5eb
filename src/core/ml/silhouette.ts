/**
 * Silhouette of a partition (Rousseeuw 1987) on a flat row-major Float64Array (n × d), with
 * Euclidean distances as scikit-learn's `silhouette_score`: for row i, a = mean distance to the
 * other rows of its segment, b = smallest mean distance to the rows of another segment,
 * s = (b − a) / max(a, b), and s = 0 for a row alone in its segment. Every pair is visited once.
 */
import { compileLoop } from './codegen';
import type { Random } from '../contract/random';

/** Rows above which the mean silhouette is estimated on a seeded sample (as Orange does). */
export const SILHOUETTE_SAMPLE = 5000;

/** Silhouette of every row. `labels` are 0..k-1. O(n² d) time, O(n k) memory. */
export async function silhouetteSamples(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
  progress?: (fraction: number) => Promise<void> | void,
): Promise<Float64Array> {
  const sums = new Float64Array(n * k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const step = Math.max(1, Math.floor(n / 20));
  const fast = pairKernel(d);
  for (let i0 = 0; i0 < n; i0 += step) {
    const i1 = Math.min(n, i0 + step);
    if (fast) fast(data, labels, n, k, i0, i1, sums);
    else pairSums(data, labels, n, d, k, i0, i1, sums);
    // Pairs per row shrink with i: report by the share of pairs done.
    if (progress) await progress(1 - ((n - i1) * (n - i1)) / (n * n));
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    if (sizes[li] <= 1) {
      out[i] = 0;
      continue;
    }
    const a = sums[i * k + li] / (sizes[li] - 1);
    let b = Infinity;
    for (let j = 0; j < k; j++) if (j !== li && sizes[j] > 0) b = Math.min(b, sums[i * k + j] / sizes[j]);
    const m = Math.max(a, b);
    out[i] = b === Infinity || m === 0 ? 0 : (b - a) / m;
  }
  return out;
}

/**
 * Adds, for rows i in [i0, i1) and every j > i, the distance between i and j to i's sum for j's
 * segment and to j's sum for i's segment. Two running sums (even and odd columns), as the
 * generated kernel does, so both give the same numbers.
 */
export function pairSums(
  data: Float64Array,
  labels: Int32Array,
  n: number,
  d: number,
  k: number,
  i0: number,
  i1: number,
  sums: Float64Array,
): void {
  for (let i = i0; i < i1; i++) {
    const li = labels[i],
      bi = i * d,
      si = i * k;
    for (let j = i + 1; j < n; j++) {
      const bj = j * d;
      let s0 = 0,
        s1 = 0;
      let c = 0;
      for (; c + 1 < d; c += 2) {
        const t0 = data[bi + c] - data[bj + c],
          t1 = data[bi + c + 1] - data[bj + c + 1];
        s0 += t0 * t0;
        s1 += t1 * t1;
      }
      if (c < d) {
        const t = data[bi + c] - data[bj + c];
        s0 += t * t;
      }
      const dist = Math.sqrt(s0 + s1);
      sums[si + labels[j]] += dist;
      sums[j * k + li] += dist;
    }
  }
}

type PairKernel = (data: Float64Array, labels: Int32Array, n: number, k: number, i0: number, i1: number, sums: Float64Array) => void;
const pairKernels = new Map<number, PairKernel | null>();

/**
 * `pairSums` generated for d columns (up to 64): row i's values sit in locals and the loop over j
 * is unrolled over the columns, about twice as fast in V8, with the same operations in the same order.
 */
export function pairKernel(d: number): PairKernel | null {
  if (!pairKernels.has(d)) {
    if (d < 1 || d > 64) pairKernels.set(d, null);
    else {
      const cols = Array.from({ length: d }, (_, c) => c);
      const body = `
for (let i = i0; i < i1; i++) {
  const li = labels[i], bi = i * ${d}, si = i * k;
  ${cols.map((c) => `const x${c} = data[bi + ${c}];`).join(' ')}
  for (let j = i + 1, bj = (i + 1) * ${d}; j < n; j++, bj += ${d}) {
    let s0 = 0, s1 = 0, t;
    ${cols.map((c) => `t = x${c} - data[bj + ${c}]; s${c % 2 === 1 && c < d - (d % 2) ? 1 : 0} += t * t;`).join('\n    ')}
    const dist = Math.sqrt(s0 + s1);
    sums[si + labels[j]] += dist;
    sums[j * k + li] += dist;
  }
}`;
      pairKernels.set(d, compileLoop<PairKernel>(['data', 'labels', 'n', 'k', 'i0', 'i1', 'sums'], body));
    }
  }
  return pairKernels.get(d)!;
}

/** `count` distinct row indices out of n, seeded (partial Fisher–Yates), in ascending order. */
export function sampleRows(n: number, count: number, random: Random): Int32Array {
  if (count >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, count).sort();
}

export interface SilhouetteOptions {
  /** Above this many rows, use a seeded sample of this size (default 5000). */
  sampleSize?: number;
  random?: Random;
  progress?: (fraction: number) => Promise<void> | void;
}

/** Mean silhouette (exact up to `sampleSize` rows, else on a seeded sample of rows). */
export async function meanSilhouette(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
  options: SilhouetteOptions = {},
): Promise<{ score: number; sampled: number }> {
  const limit = options.sampleSize ?? SILHOUETTE_SAMPLE;
  let x = data,
    l = labels,
    m = n;
  if (n > limit) {
    const rows = sampleRows(n, limit, options.random ?? Math.random);
    m = rows.length;
    x = new Float64Array(m * d);
    l = new Int32Array(m);
    for (let r = 0; r < m; r++) {
      x.set(data.subarray(rows[r] * d, rows[r] * d + d), r * d);
      l[r] = labels[rows[r]];
    }
  }
  const s = await silhouetteSamples(x, m, d, l, k, options.progress);
  let sum = 0;
  for (let i = 0; i < m; i++) sum += s[i];
  return { score: m ? sum / m : 0, sampled: n > limit ? m : 0 };
}
