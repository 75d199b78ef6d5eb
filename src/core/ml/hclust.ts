/**
 * Agglomerative hierarchical clustering, exact, as SciPy's `linkage`: a condensed Float64Array of
 * pairwise Euclidean distances (n(n−1)/2 entries), the nearest-neighbour chain algorithm (O(n²)
 * time; Murtagh 1983) and Lance–Williams updates for Ward, complete, average and single linkage.
 * Ward works on squared distances internally (no square roots in the loop) and reports
 * √ heights, as SciPy. The result is SciPy's linkage matrix Z: rows (a, b, height, size), sorted
 * by height, where cluster n + i is the one made by row i.
 */

import { compileLoop } from './codegen';
import type { Text } from '../contract/i18n';

export type Linkage = 'ward' | 'complete' | 'average' | 'single';
export const LINKAGES: Linkage[] = ['ward', 'complete', 'average', 'single'];

type Progress = (fraction: number, message: Text) => Promise<void> | void;

/**
 * Condensed pairwise distances of the rows of `data` (n × d); squared when `squared`. For up to 64
 * columns the loop is generated with row i's values in locals (about 1.6× faster); otherwise
 * four rows j per pass over row i. Both add the squares in column order, so they agree exactly.
 */
export async function condensedDistances(
  data: Float64Array,
  n: number,
  d: number,
  squared: boolean,
  progress?: Progress,
): Promise<Float64Array> {
  const out = new Float64Array((n * (n - 1)) / 2);
  const step = Math.max(1, Math.floor(n / 10));
  const fast = distanceKernel(d, squared);
  for (let i0 = 0; i0 < n; i0 += step) {
    const i1 = Math.min(n, i0 + step);
    if (fast) fast(data, n, i0, i1, out);
    else distanceRows(data, n, d, squared, i0, i1, out);
    if (progress) await progress(1 - ((n - i1) * (n - i1)) / (n * n), { en: 'distances', vi: 'khoảng cách' });
  }
  return out;
}

/** Index in the condensed matrix of the pair (i, i + 1). */
const rowStart = (n: number, i: number) => n * i - (i * (i + 1)) / 2;

/** Rows [i0, i1) of the condensed distances, four rows j per pass over row i (each coordinate of i loaded once for four sums). */
export function distanceRows(data: Float64Array, n: number, d: number, squared: boolean, i0: number, i1: number, out: Float64Array): void {
  let p = rowStart(n, i0);
  for (let i = i0; i < i1; i++) {
    const bi = i * d;
    let j = i + 1;
    for (; j + 3 < n; j += 4, p += 4) {
      const b0 = j * d,
        b1 = b0 + d,
        b2 = b1 + d,
        b3 = b2 + d;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let c = 0; c < d; c++) {
        const v = data[bi + c];
        const t0 = v - data[b0 + c],
          t1 = v - data[b1 + c],
          t2 = v - data[b2 + c],
          t3 = v - data[b3 + c];
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      if (squared) {
        out[p] = s0;
        out[p + 1] = s1;
        out[p + 2] = s2;
        out[p + 3] = s3;
      } else {
        out[p] = Math.sqrt(s0);
        out[p + 1] = Math.sqrt(s1);
        out[p + 2] = Math.sqrt(s2);
        out[p + 3] = Math.sqrt(s3);
      }
    }
    for (; j < n; j++, p++) {
      const bj = j * d;
      let s = 0;
      for (let c = 0; c < d; c++) {
        const t = data[bi + c] - data[bj + c];
        s += t * t;
      }
      out[p] = squared ? s : Math.sqrt(s);
    }
  }
}

type DistanceKernel = (data: Float64Array, n: number, i0: number, i1: number, out: Float64Array) => void;
const distanceKernels = new Map<string, DistanceKernel | null>();

/** `distanceRows` generated for d columns (null above 64). */
export function distanceKernel(d: number, squared: boolean): DistanceKernel | null {
  const key = `${d}:${squared}`;
  if (!distanceKernels.has(key)) {
    if (d < 1 || d > 64) distanceKernels.set(key, null);
    else {
      const cols = Array.from({ length: d }, (_, c) => c);
      const body = `
let p = n * i0 - (i0 * (i0 + 1)) / 2;
for (let i = i0; i < i1; i++) {
  const bi = i * ${d};
  ${cols.map((c) => `const x${c} = data[bi + ${c}];`).join(' ')}
  for (let bj = bi + ${d}, end = n * ${d}; bj < end; bj += ${d}, p++) {
    let s = 0, t;
    ${cols.map((c) => `t = x${c} - data[bj + ${c}]; s += t * t;`).join(' ')}
    out[p] = ${squared ? 's' : 'Math.sqrt(s)'};
  }
}`;
      distanceKernels.set(key, compileLoop<DistanceKernel>(['data', 'n', 'i0', 'i1', 'out'], body));
    }
  }
  return distanceKernels.get(key)!;
}

/** SciPy's linkage matrix Z ((n−1) × 4, row-major) of the rows of `data`. */
export async function hclust(data: Float64Array, n: number, d: number, linkage: Linkage, progress?: Progress): Promise<Float64Array> {
  if (n < 2) return new Float64Array(0);
  const ward = linkage === 'ward';
  const D = await condensedDistances(data, n, d, ward, progress ? (f, m) => progress(0.3 * f, m) : undefined);
  const raw = await nnChain(D, n, linkage, progress ? (f, m) => progress(0.3 + 0.7 * f, m) : undefined);
  if (ward) for (let r = 0; r < n - 1; r++) raw[r * 4 + 2] = Math.sqrt(Math.max(0, raw[r * 4 + 2]));
  return relabel(raw, n);
}

/** The nearest-neighbour chain on condensed distances D (overwritten). Returns merges (x, y, height, size) in slot numbers. */
export async function nnChain(D: Float64Array, n: number, linkage: Linkage, progress?: Progress): Promise<Float64Array> {
  const size = new Float64Array(n).fill(1);
  const chain = new Int32Array(n);
  const out = new Float64Array((n - 1) * 4);
  let len = 0;
  const step = Math.max(1, Math.floor(n / 50));
  // Row offset: D(i, j) for i < j is at base[i] + j.
  const base = new Int32Array(n);
  for (let i = 0; i < n; i++) base[i] = n * i - (i * (i + 1)) / 2 - i - 1;
  // The active clusters, ascending: scans and updates visit only these (half the work of all n on average).
  const active = Int32Array.from({ length: n }, (_, i) => i);
  let count = n;
  for (let m = 0; m < n - 1; m++) {
    if (len === 0) chain[len++] = active[0];
    let x = 0,
      y = 0,
      best = 0;
    for (;;) {
      x = chain[len - 1];
      if (len > 1) {
        y = chain[len - 2];
        best = x < y ? D[base[x] + y] : D[base[y] + x];
      } else {
        y = -1;
        best = Infinity;
      }
      // Clusters i < x: D(i, x) at base[i] + x; clusters i > x: D(x, i) at base[x] + i.
      let p = 0;
      for (; p < count; p++) {
        const i = active[p];
        if (i >= x) break;
        const v = D[base[i] + x];
        if (v < best) {
          best = v;
          y = i;
        }
      }
      const bx = base[x];
      for (p++; p < count; p++) {
        const i = active[p];
        const v = D[bx + i];
        if (v < best) {
          best = v;
          y = i;
        }
      }
      if (len > 1 && y === chain[len - 2]) break;
      chain[len++] = y;
    }
    len -= 2;
    if (x > y) {
      const t = x;
      x = y;
      y = t;
    }
    const nx = size[x],
      ny = size[y],
      nxy = nx + ny;
    out[m * 4] = x;
    out[m * 4 + 1] = y;
    out[m * 4 + 2] = best;
    out[m * 4 + 3] = nxy;
    size[x] = 0;
    size[y] = nxy;
    // Drop x from the active list (kept ascending).
    let at = 0;
    while (active[at] !== x) at++;
    active.copyWithin(at, at + 1, count);
    count--;
    // Lance–Williams: distances from every active cluster i to the merged one, stored in y's slot.
    const by = base[y],
      bx = base[x];
    if (linkage === 'ward') {
      for (let p = 0; p < count; p++) {
        const i = active[p];
        if (i === y) continue;
        const ni = size[i];
        const iy = i < y ? base[i] + y : by + i;
        const dx = D[i < x ? base[i] + x : bx + i];
        D[iy] = ((ni + nx) * dx + (ni + ny) * D[iy] - ni * best) / (ni + nxy);
      }
    } else {
      for (let p = 0; p < count; p++) {
        const i = active[p];
        if (i === y) continue;
        const iy = i < y ? base[i] + y : by + i;
        const dx = D[i < x ? base[i] + x : bx + i],
          dy = D[iy];
        D[iy] = linkage === 'complete' ? (dx > dy ? dx : dy) : linkage === 'single' ? (dx < dy ? dx : dy) : (nx * dx + ny * dy) / nxy;
      }
    }
    if (progress && m % step === 0) await progress(m / (n - 1), { en: 'merging', vi: 'đang gộp' });
  }
  return out;
}

/** Sorts merges by height (stable) and names clusters as SciPy does (row i makes cluster n + i). */
function relabel(raw: Float64Array, n: number): Float64Array {
  const m = n - 1;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => raw[a * 4 + 2] - raw[b * 4 + 2] || a - b);
  const parent = new Int32Array(2 * n - 1).map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    while (parent[i] !== r) {
      const next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const Z = new Float64Array(m * 4);
  order.forEach((o, r) => {
    const a = find(raw[o * 4]),
      b = find(raw[o * 4 + 1]);
    Z[r * 4] = Math.min(a, b);
    Z[r * 4 + 1] = Math.max(a, b);
    Z[r * 4 + 2] = raw[o * 4 + 2];
    Z[r * 4 + 3] = raw[o * 4 + 3];
    parent[a] = n + r;
    parent[b] = n + r;
  });
  return Z;
}

/** Flat clusters 0..k-1 (numbered by first row) after the first n − k merges of Z. */
export function cutTree(Z: Float64Array, n: number, k: number): Int32Array {
  const parent = new Int32Array(2 * n - 1).fill(-1);
  for (let r = 0; r < n - k; r++) {
    parent[Z[r * 4]] = n + r;
    parent[Z[r * 4 + 1]] = n + r;
  }
  const label = new Int32Array(2 * n - 1).fill(-1);
  const out = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    let r = i;
    while (parent[r] >= 0) r = parent[r];
    if (label[r] < 0) label[r] = next++;
    out[i] = label[r];
  }
  return out;
}

/** How many clusters remain when every merge up to `height` (inclusive) is made. */
export function clustersAtHeight(Z: Float64Array, n: number, height: number): number {
  let merged = 0;
  while (merged < n - 1 && Z[merged * 4 + 2] <= height) merged++;
  return n - merged;
}
