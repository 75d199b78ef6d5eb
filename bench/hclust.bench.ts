/** Ward hierarchical clustering, 10k × 16 overlapping blobs: ours vs SciPy's linkage; ml-hclust on 2k for contrast. */
import { best, row, runCase, runPython, type BenchRow, type Outcome } from './lib';
import { D, ensureData } from './cases/kmeans-data';

const SCIPY = `
import sys, time, numpy as np
from scipy.cluster.hierarchy import linkage
n, d = int(sys.argv[1]), int(sys.argv[2])
X = np.fromfile(sys.argv[3], dtype=np.float64, count=n * d).reshape(n, d)
t = time.perf_counter()
Z = linkage(X, 'ward')
ms = (time.perf_counter() - t) * 1000
_RESULT = {'ms': ms, 'extra': {'top': float(Z[-1, 2])}}
`;

const top = (o: Outcome) => (o.ok && typeof o.m.extra?.top === 'number' ? `top merge height ${(o.m.extra.top as number).toFixed(4)}` : '');

export async function bench(): Promise<BenchRow[]> {
  const file = ensureData(6);
  const out: BenchRow[] = [];
  for (const n of [10_000, 2_000]) {
    const task = `Ward linkage ${n.toLocaleString('en-US')} × ${D} (overlapping blobs)`;
    // Best of 3 each (interleaved) at 10k, where the target is; one run at 2k.
    const times = n >= 10_000 ? 3 : 1;
    const spRuns: Outcome[] = [],
      ourRuns: Outcome[] = [];
    for (let r = 0; r < times; r++) {
      spRuns.push(runPython(SCIPY, [String(n), String(D), file]));
      ourRuns.push(runCase('bench/cases/hclust.ts', ['ours', String(n)]));
    }
    let a = 0,
      b = 0;
    const sp = best(times, () => spRuns[a++]),
      ours = best(times, () => ourRuns[b++]);
    const of = times > 1 ? `, best of ${times}` : '';
    out.push(
      row(task, 'scipy linkage ward (ref)', n, sp, undefined, `${top(sp)}; pdist + nn_chain, data loading not timed${of}`),
      row(task, 'src/core/hclust (NN-chain)', n, ours, sp, `${top(ours)}; condensed Float64Array, generated distance loop${of}`),
    );
    if (n <= 2_000) {
      const ml = runCase('bench/cases/hclust.ts', ['ml-hclust', String(n)]);
      out.push(row(task, 'ml-hclust agnes ward2', n, ml, sp, `${top(ml)}; 10k takes too long`));
    }
  }
  return out;
}
