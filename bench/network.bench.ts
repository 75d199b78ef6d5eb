/**
 * PageRank and Louvain on seeded interaction graphs (10k people / 100k links and 100k / 1M):
 * what network.graph runs (our edge-list PageRank, graphology's Louvain) and graphology's PageRank
 * (the test oracle) against networkx, measured in the same run. Building the
 * graph is not timed on either side; only the algorithm is.
 */
import { best, row, runCase, runPython, type BenchRow, type Outcome } from './lib';
import { graphFile } from './cases/graph-data';

const NETWORKX = `
import sys, time, numpy as np, networkx as nx
from networkx.algorithms.community import louvain_communities, modularity
which, file = sys.argv[1], sys.argv[2]
p = np.fromfile(file, dtype=np.int32).reshape(-1, 2)
G = nx.DiGraph()
for s, t in p.tolist():
    if G.has_edge(s, t): G[s][t]['weight'] += 1
    else: G.add_edge(s, t, weight=1)
t0 = time.perf_counter()
if which == 'pagerank':
    pr = nx.pagerank(G, alpha=0.85, weight='weight')
    extra = {'top': max(pr.values()), 'edges': G.number_of_edges()}
else:
    parts = louvain_communities(G, weight='weight', resolution=1, seed=0)
    ms_only = (time.perf_counter() - t0) * 1000
    extra = {'modularity': modularity(G, parts, weight='weight'), 'communities': len(parts), 'edges': G.number_of_edges()}
ms = (time.perf_counter() - t0) * 1000 if which == 'pagerank' else ms_only
_RESULT = {'ms': ms, 'extra': extra}
`;

const note = (o: Outcome) => {
  if (!o.ok) return '';
  const x = o.m.extra ?? {};
  return typeof x.modularity === 'number'
    ? `modularity ${(x.modularity as number).toFixed(3)}, ${x.communities} communities, ${x.edges} distinct links`
    : `top PageRank ${(x.top as number).toExponential(4)}, ${x.edges} distinct links`;
};

export async function bench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const [n, m] of [
    [10_000, 100_000],
    [100_000, 1_000_000],
  ]) {
    const file = graphFile(n, m);
    const size = `${(n / 1000).toFixed(0)}k people, ${m >= 1e6 ? `${m / 1e6}M` : `${m / 1000}k`} links`;
    // Best of 3 on the small graph; one run each on the large one (networkx takes minutes).
    const times = m < 1e6 ? 3 : 1;
    for (const algo of ['pagerank', 'louvain']) {
      const task = `${algo === 'pagerank' ? 'PageRank (alpha 0.85)' : 'Louvain (resolution 1)'}, ${size}`;
      const nx = best(times, () => runPython(NETWORKX, [algo, file]));
      const ours = best(times, () => runCase('bench/cases/network.ts', [algo, file]));
      const of = times > 1 ? `; best of ${times}` : '';
      out.push(
        row(
          task,
          `networkx 2.8 ${algo === 'pagerank' ? 'pagerank (scipy)' : 'louvain_communities'} (ref)`,
          m,
          nx,
          undefined,
          `${note(nx)}${of}`,
        ),
        row(
          task,
          algo === 'pagerank' ? 'src/core/network/pagerank (network.graph)' : 'graphology-communities-louvain (network.graph)',
          m,
          ours,
          nx,
          `${note(ours)}${of}`,
        ),
      );
      if (algo === 'pagerank') {
        const oracle = runCase('bench/cases/network.ts', ['pagerank-graphology', file]);
        out.push(row(task, 'graphology-metrics pagerank (test oracle)', m, oracle, nx, `${note(oracle)}; one run`));
      }
    }
  }
  return out;
}
