/**
 * One network measurement in its own process: argv `pagerank` (ours) | `pagerank-graphology` |
 * `louvain`, then the graph file.
 * The graph is built as network.graph builds it (duplicate links summed into weights, graphology
 * directed graph) before the clock starts; only the algorithm is timed, as on the networkx side.
 */
import { caseMain } from '../lib';
import { buildEdges } from '../../src/core/network/edges';
import { createRandom, seedFrom } from '../../src/core/contract/random';
import { loadGraph } from './graph-data';

const [which, file] = process.argv.slice(2);
const pairs = loadGraph(file);
const m = pairs.length / 2;
const sources = Array.from({ length: m }, (_, e) => pairs[2 * e]);
const targets = Array.from({ length: m }, (_, e) => pairs[2 * e + 1]);
const list = buildEdges(sources, targets);
const { default: Graph } = await import('graphology');
const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
for (const id of list.ids) graph.addNode(id);
for (let e = 0; e < list.source.length; e++)
  graph.addDirectedEdge(list.ids[list.source[e]], list.ids[list.target[e]], { weight: list.weight[e] });

if (which === 'pagerank') {
  const { pageRank } = await import('../../src/core/network/pagerank');
  await caseMain(() => {
    const r = pageRank(list.ids.length, list.source, list.target, list.weight);
    return { top: r.ranks.reduce((a, b) => Math.max(a, b), 0), edges: list.source.length, rounds: r.rounds };
  });
} else if (which === 'pagerank-graphology') {
  const { default: pagerank } = await import('graphology-metrics/centrality/pagerank');
  await caseMain(() => {
    const ranks = pagerank(graph, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000, tolerance: 1e-6 });
    let top = 0;
    for (const id in ranks) if (ranks[id] > top) top = ranks[id];
    return { top, edges: list.source.length };
  });
} else {
  const { default: louvain } = await import('graphology-communities-louvain');
  await caseMain(() => {
    const d = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution: 1, rng: createRandom(seedFrom(42, 'louvain')) });
    return { modularity: d.modularity, communities: d.count, edges: list.source.length };
  });
}
