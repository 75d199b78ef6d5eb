/**
 * Betweenness centrality (Brandes, unweighted: paths counted in hops, along edge directions),
 * from all sources or from a seeded sample of them. With a sample of k of n sources the sums are
 * scaled by n / k, an unbiased estimate of the exact value. Normalised like networkx
 * (`normalized=True` on a directed graph): divided by (n − 1)(n − 2).
 */
import type { Random } from '../contract/random';

export interface Csr {
  n: number;
  /** Out-neighbours of node i: targets[starts[i] .. starts[i + 1]). */
  starts: Int32Array;
  targets: Int32Array;
}

/** Compressed out-neighbour lists of a directed edge list (distinct pairs). */
export function toCsr(n: number, source: Int32Array, target: Int32Array): Csr {
  const starts = new Int32Array(n + 1);
  for (let e = 0; e < source.length; e++) starts[source[e] + 1]++;
  for (let i = 0; i < n; i++) starts[i + 1] += starts[i];
  const fill = starts.slice(0, n);
  const targets = new Int32Array(source.length);
  for (let e = 0; e < source.length; e++) targets[fill[source[e]]++] = target[e];
  return { n, starts, targets };
}

/** Picks k distinct sources out of n with a seeded partial shuffle (all of them when k >= n). */
export function sampleSources(n: number, k: number, rng: Random): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (k >= n) return all;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const x = all[i];
    all[i] = all[j];
    all[j] = x;
  }
  return all.slice(0, k).sort();
}

export async function betweenness(g: Csr, sources: Int32Array, progress?: (f: number) => Promise<void>): Promise<Float64Array> {
  const { n, starts, targets } = g;
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n),
    delta = new Float64Array(n);
  const dist = new Int32Array(n);
  const stack = new Int32Array(n),
    queue = new Int32Array(n);
  // Predecessors on shortest paths, as a list per node in one flat array (each edge at most once).
  const predStart = new Int32Array(n),
    predCount = new Int32Array(n);
  const inDeg = new Int32Array(n);
  for (let e = 0; e < targets.length; e++) inDeg[targets[e]]++;
  for (let i = 1; i < n; i++) predStart[i] = predStart[i - 1] + inDeg[i - 1];
  const preds = new Int32Array(Math.max(1, targets.length));
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    sigma.fill(0);
    delta.fill(0);
    dist.fill(-1);
    predCount.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0,
      tail = 0,
      top = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      stack[top++] = v;
      for (let e = starts[v]; e < starts[v + 1]; e++) {
        const w = targets[e];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          preds[predStart[w] + predCount[w]++] = v;
        }
      }
    }
    while (top > 0) {
      const w = stack[--top];
      for (let p = predStart[w]; p < predStart[w] + predCount[w]; p++) {
        const v = preds[p];
        delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      if (w !== s) cb[w] += delta[w];
    }
    if (progress && si % 64 === 63) await progress((si + 1) / sources.length);
  }
  const scale = (sources.length ? n / sources.length : 0) * (n > 2 ? 1 / ((n - 1) * (n - 2)) : 0);
  for (let i = 0; i < n; i++) cb[i] *= scale;
  return cb;
}
