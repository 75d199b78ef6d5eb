/** k-means, 1M × 16 seeded Gaussian blobs, k = 8, k-means++ start to convergence: ours vs scikit-learn vs ml-kmeans. */
import { cpus } from 'node:os';
import { row, runCase, runPython, type BenchRow, type Outcome } from './lib';
import { D, FILE, K, N, ensureData } from './cases/kmeans-data';

const SKLEARN = `
import sys, time, json, numpy as np
from sklearn.cluster import KMeans
n, d, k = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
X = np.fromfile(sys.argv[4], dtype=np.float64, count=n * d).reshape(n, d)
t = time.perf_counter()
m = KMeans(n_clusters=k, n_init=1, init='k-means++', algorithm=sys.argv[5], random_state=42).fit(X)
ms = (time.perf_counter() - t) * 1000
_RESULT = {'ms': ms, 'extra': {'inertia': float(m.inertia_), 'iterations': int(m.n_iter_)}}
`;

const inertia = (o: Outcome) => (o.ok && typeof o.m.extra?.inertia === 'number' ? `inertia ${(o.m.extra.inertia as number).toExponential(6)}` : '');
const iters = (o: Outcome) => (o.ok && typeof o.m.extra?.iterations === 'number' ? `, ${o.m.extra.iterations as number} iterations` : '');

export async function bench(): Promise<BenchRow[]> {
  ensureData();
  const task = `k-means ${N.toLocaleString('en-US')} × ${D}, k=${K}`;
  const sk = runPython(SKLEARN, [String(N), String(D), String(K), FILE, 'lloyd']);
  const skElkan = runPython(SKLEARN, [String(N), String(D), String(K), FILE, 'elkan']);
  const ours = runCase('bench/cases/kmeans.ts', ['ours']);
  const viaNode = runCase('bench/cases/kmeans.ts', ['node']);
  const subset = 100_000;
  const ml = runCase('bench/cases/kmeans.ts', ['ml-kmeans', String(subset)]);
  const skSubset = runPython(SKLEARN, [String(subset), String(D), String(K), FILE, 'lloyd']);
  const threads = `${cpus().length} cores`;
  return [
    row(task, 'sklearn KMeans lloyd (ref)', N, sk, undefined, `${inertia(sk)}${iters(sk)}; n_init=1, ${threads}`),
    row(task, 'sklearn KMeans elkan', N, skElkan, sk, `${inertia(skElkan)}${iters(skElkan)}`),
    row(task, 'src/core/kmeans (Hamerly)', N, ours, sk, `${inertia(ours)}${iters(ours)}; single thread, data loading not timed`),
    row(task, 'cluster.kmeans node', N, viaNode, sk, `${inertia(viaNode)}; Arrow table in, segment + segments out`),
    row(`k-means ${subset.toLocaleString('en-US')} × ${D}, k=${K}`, 'sklearn KMeans lloyd (ref)', subset, skSubset, undefined, `${inertia(skSubset)}${iters(skSubset)}`),
    row(`k-means ${subset.toLocaleString('en-US')} × ${D}, k=${K}`, 'ml-kmeans', subset, ml, skSubset, `${inertia(ml)}${iters(ml)}; 1M rows takes too long`),
  ];
}
