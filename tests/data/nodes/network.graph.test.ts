/**
 * network.graph against networkx on SNAP email-Eu-core (1,005 people, 25,571 emails, 42
 * departments): PageRank, betweenness and degrees must equal networkx's on the same edges, and the Louvain
 * communities must be about as modular as networkx's best of five seeds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/network.graph';
import { runNode } from '../../helpers/run-node';
import { requiredByCi, sharedData } from '../../helpers/shared-data';

const EDGES = 'snap_email_eu_core/email-Eu-core.txt';
const LABELS = 'snap_email_eu_core/email-Eu-core-department-labels.txt';
const data = sharedData(EDGES, LABELS);
const PYTHON = '/usr/bin/python3';

const hasNetworkx = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
if (!hasNetworkx) {
  const line = 'skipped: the networkx comparison needs /usr/bin/python3 with networkx (apt install python3-networkx)';
  if (requiredByCi()) throw new Error(`${line.replace('skipped: ', 'missing: ')}. CI=true requires it.`);
  console.warn(line);
}

/** The reference: networkx on the same people and the same summed, self-loop-free edges. */
const SCRIPT = String.raw`
import json, sys
import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity
d = json.load(sys.stdin)
G = nx.DiGraph()
G.add_nodes_from(d['nodes'])
G.add_weighted_edges_from(d['edges'])
pr = nx.pagerank(G, alpha=0.85)
parts = {}
for node, c in d['partition'].items():
    parts.setdefault(c, set()).add(node)
ours = modularity(G, list(parts.values()), weight='weight', resolution=d['resolution'])
best = max(modularity(G, louvain_communities(G, weight='weight', resolution=d['resolution'], seed=s), weight='weight', resolution=d['resolution']) for s in range(5))
bc = nx.betweenness_centrality(G, normalized=True)
print(json.dumps({'betweenness': bc, 'pagerank': pr, 'in': dict(G.in_degree()), 'out': dict(G.out_degree()), 'ours': ours, 'best': best}))
`;

/** Normalised mutual information (arithmetic mean of the entropies, as scikit-learn's default). */
function nmi(a: number[], b: number[]): number {
  const n = a.length;
  const count = (xs: (number | string)[]) => {
    const m = new Map<number | string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const ca = count(a),
    cb = count(b),
    cab = count(a.map((x, i) => `${x}|${b[i]}`));
  const h = (m: Map<number | string, number>) => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [key, c] of cab) {
    const [x, y] = String(key).split('|').map(Number);
    mi += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  }
  return mi / ((h(ca) + h(cb)) / 2);
}

describe.skipIf(!data.available || !hasNetworkx)('network.graph on email-Eu-core against networkx', () => {
  it('PageRank within 1e-6, degrees exact, Louvain modularity at least networkx − 0.01', async () => {
    const lines = readFileSync(data.path(EDGES), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const pairs = lines.map((l) => l.trim().split(/\s+/));
    const table = tableFromArrays({ src: pairs.map((p) => p[0]), dst: pairs.map((p) => p[1]) });
    const { outputs, warnings } = await runNode(node, { in: table }, { source: 'src', target: 'dst', seed: 42 });
    const nodes = outputs.nodes as Table;
    const ids = nodes.getChild('id')!.toArray() as string[];
    const edges = outputs.edges as Table;
    const reference = spawnSync(PYTHON, ['-c', SCRIPT], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      input: JSON.stringify({
        nodes: ids,
        edges: Array.from({ length: edges.numRows }, (_, e) => [
          edges.getChild('source')!.get(e),
          edges.getChild('target')!.get(e),
          edges.getChild('weight')!.get(e),
        ]),
        partition: Object.fromEntries(ids.map((id, i) => [id, nodes.getChild('community')!.get(i)])),
        resolution: 1,
      }),
    });
    expect(reference.status, reference.stderr).toBe(0);
    const ref = JSON.parse(reference.stdout) as {
      betweenness: Record<string, number>;
      pagerank: Record<string, number>;
      in: Record<string, number>;
      out: Record<string, number>;
      ours: number;
      best: number;
    };
    expect(ids.length).toBe(1005);
    let worst = 0,
      worstBetween = 0;
    ids.forEach((id, i) => {
      worstBetween = Math.max(worstBetween, Math.abs((nodes.getChild('betweenness')!.get(i) as number) - ref.betweenness[id]));
      worst = Math.max(worst, Math.abs((nodes.getChild('pagerank')!.get(i) as number) - ref.pagerank[id]));
      expect(nodes.getChild('degree_in')!.get(i)).toBe(ref.in[id]);
      expect(nodes.getChild('degree_out')!.get(i)).toBe(ref.out[id]);
    });
    expect(worst).toBeLessThan(1e-6);
    expect(worstBetween).toBeLessThan(1e-9);
    expect(ref.ours).toBeGreaterThanOrEqual(ref.best - 0.01);

    const department = new Map(
      readFileSync(data.path(LABELS), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => l.trim().split(/\s+/) as [string, string]),
    );
    const community = ids.map((_, i) => nodes.getChild('community')!.get(i) as number);
    const score = nmi(
      community,
      ids.map((id) => Number(department.get(id))),
    );
    expect(score).toBeGreaterThan(0.3);
    console.log(
      `email-Eu-core: ${ids.length} people, ${edges.numRows} links; PageRank max |Δ| vs networkx ${worst.toExponential(2)}; betweenness (exact, unweighted) max |Δ| ${worstBetween.toExponential(2)}; modularity ours ${ref.ours.toFixed(4)} vs networkx best of seeds 0–4 ${ref.best.toFixed(4)}; ${new Set(community).size} communities; NMI with the 42 departments ${score.toFixed(3)}; notes: ${warnings.join(' | ')}`,
    );
  });
});
