/**
 * Silhouette of a partition (Rousseeuw 1987) on a flat row-major Float64Array (n × d), with
 * Euclidean distances as scikit-learn's `silhouette_score`: for row i, a = mean distance to the
 * other rows of its segment, b = smallest mean distance to the rows of another segment,
 * s = (b − a) / max(a, b), and s = 0 for a row alone in its segment. Every pair is visited once.
 */
import type { Random } from './random';

/** Rows above which the mean silhouette is estimated on a seeded sample (as Orange does). */
export const SILHOUETTE_SAMPLE = 5000;

/** Silhouette of every row. `labels` are 0..k-1. O(n² d) time, O(n k) memory. */
export async function silhouetteSamples(
  data: Float64Array, n: number, d: number, labels: Int32Array, k: number,
  progress?: (fraction: number) => Promise<void> | void,
): Promise<Float64Array> {
  const sums = new Float64Array(n * k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const step = Math.max(1, Math.floor(n / 20));
  for (let i = 0; i < n; i++) {
    const li = labels[i], bi = i * d, si = i * k;
    for (let j = i + 1; j < n; j++) {
      const bj = j * d;
      let s0 = 0, s1 = 0;
      let c = 0;
      for (; c + 1 < d; c += 2) {
        const t0 = data[bi + c] - data[bj + c], t1 = data[bi + c + 1] - data[bj + c + 1];
        s0 += t0 * t0; s1 += t1 * t1;
      }
      if (c < d) { const t = data[bi + c] - data[bj + c]; s0 += t * t; }
      const dist = Math.sqrt(s0 + s1);
      sums[si + labels[j]] += dist;
      sums[j * k + li] += dist;
    }
    // Pairs per row shrink with i: report by the share of pairs done.
    if (progress && i % step === 0) await progress(1 - ((n - i) * (n - i)) / (n * n));
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    if (sizes[li] <= 1) { out[i] = 0; continue; }
    const a = sums[i * k + li] / (sizes[li] - 1);
    let b = Infinity;
    for (let j = 0; j < k; j++) if (j !== li && sizes[j] > 0) b = Math.min(b, sums[i * k + j] / sizes[j]);
    const m = Math.max(a, b);
    out[i] = b === Infinity || m === 0 ? 0 : (b - a) / m;
  }
  return out;
}

/** `count` distinct row indices out of n, seeded (partial Fisher–Yates), in ascending order. */
export function sampleRows(n: number, count: number, random: Random): Int32Array {
  if (count >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
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
  data: Float64Array, n: number, d: number, labels: Int32Array, k: number, options: SilhouetteOptions = {},
): Promise<{ score: number; sampled: number }> {
  const limit = options.sampleSize ?? SILHOUETTE_SAMPLE;
  let x = data, l = labels, m = n;
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
