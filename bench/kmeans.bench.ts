/**
 * k-means, 1M × 16 seeded Gaussian blobs, k = 8, k-means++ start to convergence: ours vs
 * scikit-learn vs ml-kmeans. The reference and our main row are the best of 3 runs each.
 * First, the whole cluster.kmeans node as the CLI times it (Arrow table in, segment column and
 * segments table out) against scikit-learn's KMeans on the same rows, interleaved.
 */
import { cpus } from 'node:os';
import { best, row, runCase, runPython, type BenchRow, type Outcome } from './lib';
import { D, K, N, ensureData } from './cases/kmeans-data';

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

const inertia = (o: Outcome) =>
  o.ok && typeof o.m.extra?.inertia === 'number' ? `inertia ${(o.m.extra.inertia as number).toExponential(6)}` : '';
const iters = (o: Outcome) => (o.ok && typeof o.m.extra?.iterations === 'number' ? `, ${o.m.extra.iterations as number} iterations` : '');

/** The fastest of the given outcomes (a failed one wins, to be reported). */
function fastest(outcomes: Outcome[]): Outcome {
  let i = 0;
  return best(outcomes.length, () => outcomes[i++]);
}

/** The node as users see it, against KMeans (all cores, k-means++, n_init=1) on blobs of sd 1.5. */
export function nodeVersusSklearn(threads: string): BenchRow[] {
  const std = 1.5;
  const file = ensureData(std);
  const task = `cluster.kmeans node ${N.toLocaleString('en-US')} × ${D}, k=${K}, blobs (sd ${std})`;
  const skRuns: Outcome[] = [],
    nodeRuns: Outcome[] = [];
  for (let r = 0; r < 3; r++) {
    skRuns.push(runPython(SKLEARN, [String(N), String(D), String(K), file, 'lloyd']));
    nodeRuns.push(runCase('bench/cases/kmeans.ts', ['node', String(N), String(std)]));
  }
  const sk = fastest(skRuns),
    node = fastest(nodeRuns);
  const withSilhouette = runCase('bench/cases/kmeans.ts', ['node-silhouette', String(N), String(std)]);
  const parts = (o: Outcome) => {
    const p = o.ok ? (o.m.extra?.parts as Record<string, number> | undefined) : undefined;
    return p
      ? `; ${Object.entries(p)
          .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
          .join(', ')}`
      : '';
  };
  if (!sk.ok) console.log(`scikit-learn could not be measured, so the node has no reference here: ${sk.reason}`);
  return [
    row(
      task,
      'sklearn KMeans lloyd (ref)',
      N,
      sk,
      undefined,
      `${inertia(sk)}${iters(sk)}; n_init=1, ${threads}, best of 3, interleaved with the node`,
    ),
    row(
      task,
      'cluster.kmeans (silhouette off, the default for a fixed k)',
      N,
      node,
      sk,
      `${inertia(node)}; best of 3, run() as the CLI times it${parts(node)}`,
    ),
    row(
      task,
      'cluster.kmeans, silhouette: true',
      N,
      withSilhouette,
      sk,
      `${inertia(withSilhouette)}; sampled silhouette (5,000 rows)${parts(withSilhouette)}`,
    ),
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const threads = `${cpus().length} cores`;
  out.push(...nodeVersusSklearn(threads));
  const start = runCase('bench/cases/kmeans.ts', ['start', '1000', '1']);
  for (const std of [1, 6]) {
    const file = ensureData(std);
    const shape = std === 1 ? 'separated blobs' : 'overlapping blobs';
    const task = `k-means ${N.toLocaleString('en-US')} × ${D}, k=${K}, ${shape} (sd ${std})`;
    // Best of 3 each, interleaved, so that a slow spell of the machine hits both sides.
    const skRuns: Outcome[] = [],
      ourRuns: Outcome[] = [];
    for (let r = 0; r < 3; r++) {
      skRuns.push(runPython(SKLEARN, [String(N), String(D), String(K), file, 'lloyd']));
      ourRuns.push(runCase('bench/cases/kmeans.ts', ['threads', String(N), String(std)]));
    }
    const sk = fastest(skRuns),
      ours = fastest(ourRuns);
    const skElkan = runPython(SKLEARN, [String(N), String(D), String(K), file, 'elkan']);
    const single = runCase('bench/cases/kmeans.ts', ['ours', String(N), String(std)]);
    const viaNode = runCase('bench/cases/kmeans.ts', ['node', String(N), String(std)]);
    const threadCount = ours.ok && typeof ours.m.extra?.threads === 'number' ? ours.m.extra.threads : 1;
    out.push(
      row(task, 'sklearn KMeans lloyd (ref)', N, sk, undefined, `${inertia(sk)}${iters(sk)}; n_init=1, ${threads}, best of 3`),
      row(
        task,
        `src/core/kmeans, ${threadCount} thread${threadCount === 1 ? '' : 's'}`,
        N,
        ours,
        sk,
        `${inertia(ours)}${iters(ours)}; best of 3, helper started beforehand as the engine does, data loading not timed`,
      ),
      row(task, 'sklearn KMeans elkan', N, skElkan, sk, `${inertia(skElkan)}${iters(skElkan)}`),
      row(task, 'src/core/kmeans, 1 thread', N, single, sk, `${inertia(single)}${iters(single)}`),
      row(task, 'cluster.kmeans node', N, viaNode, sk, `${inertia(viaNode)}; Arrow table in, segment + segments out`),
    );
  }
  out.push({
    ...row(
      'k-means helper thread',
      'starting one (worker_threads + tsx)',
      0,
      start,
      undefined,
      'once per CLI run or editor session, while upstream nodes run',
    ),
    alone: true,
  });
  const subset = 100_000;
  const file = ensureData(1);
  const sub = `k-means ${subset.toLocaleString('en-US')} × ${D}, k=${K}, separated blobs`;
  const skSubset = runPython(SKLEARN, [String(subset), String(D), String(K), file, 'lloyd']);
  const ml = runCase('bench/cases/kmeans.ts', ['ml-kmeans', String(subset), '1']);
  out.push(
    row(sub, 'sklearn KMeans lloyd (ref)', subset, skSubset, undefined, `${inertia(skSubset)}${iters(skSubset)}`),
    row(sub, 'ml-kmeans', subset, ml, skSubset, `${inertia(ml)}${iters(ml)}; 1M rows takes too long`),
  );
  return out;
}
