/** network.graph above 2,000 people: sampled betweenness, a capped drawing, and cancel mid-run. */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/network.graph';
import type { NetworkChart } from '../../../src/core/contract/chart';
import { createRandom } from '../../../src/core/contract/random';
import { getNode } from '../../../nodes/index';
import { emptyWorkflow, type Workflow } from '../../../src/core/flow/workflow';
import { Engine } from '../../../workers/engine';
import { memoryFiles } from '../../../workers/files';
import { runNode } from '../../helpers/run-node';

/** 2,500 people in 5 groups of 500; most links stay inside a group. */
function groups(): Table {
  const rng = createRandom(3);
  const s: string[] = [],
    t: string[] = [];
  for (let e = 0; e < 12_000; e++) {
    const a = Math.floor(rng() * 2500);
    const g = rng() < 0.9 ? Math.floor(a / 500) : Math.floor(rng() * 5);
    const b = g * 500 + Math.floor(rng() * 500);
    s.push(`u${a}`);
    t.push(`u${b}`);
  }
  return tableFromArrays({ s, t });
}

describe('network.graph on 2,500 people', () => {
  it('samples betweenness, draws the 2,000 most central and says how many were left out', async () => {
    const { outputs, warnings } = await runNode(node, { in: groups() }, { source: 's', target: 't' });
    const nodes = outputs.nodes as Table;
    expect(nodes.numRows).toBe(2500);
    expect(warnings.join(' ')).toMatch(/Betweenness is sampled: estimated from 500 of the 2,500 people/);
    const chart = outputs.graph as NetworkChart;
    expect(chart.nodes).toHaveLength(2000);
    expect(chart.leftOutNodes).toBe(500);
    const edges = (outputs.edges as Table).numRows;
    expect(chart.edges.length + chart.leftOutEdges).toBe(edges);
    expect(warnings.join(' ')).toMatch(new RegExp(`500 people and ${chart.leftOutEdges.toLocaleString('en')} links are left out`));
    // Drawn by PageRank: the least central drawn person outranks everyone left out.
    const pr = nodes.getChild('pagerank')!.toArray() as Float64Array;
    const drawnMin = Math.min(...chart.nodes.map((n) => n.pagerank));
    const sorted = Float64Array.from(pr).sort();
    expect(drawnMin).toBeGreaterThanOrEqual(sorted[499]);
    // The five planted groups are found (about 500 people each).
    const communities = (outputs.communities as Table).toArray().map((r) => r.toJSON() as { size: number });
    expect(communities.slice(0, 5).every((c) => c.size > 400 && c.size < 600)).toBe(true);
  });

  it('stops when cancelled during the layout (through the engine, as in the page)', async () => {
    const engine = new Engine(getNode, memoryFiles({}));
    const flow: Workflow = {
      ...emptyWorkflow('cancel'),
      nodes: [
        { id: 'sample', type: 'ingest.sample', label: '', params: { dataset: 'interactions', size: 20000, seed: 1 }, position: [0, 0] },
        { id: 'net', type: 'network.graph', label: '', params: { mode: 'interactions' }, position: [300, 0] },
      ],
      edges: [{ from: 'sample.out', to: 'net.in' }],
    };
    const controller = new AbortController();
    const messages: string[] = [];
    const result = await engine.run(flow, {
      signal: controller.signal,
      progressInterval: 0,
      onEvent: (e) => {
        if (e.type === 'progress' && e.node === 'net') {
          messages.push(e.message?.en ?? '');
          if (e.message?.en === 'Drawing…') controller.abort();
        }
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.nodes.find((r) => r.id === 'net')!.status).toBe('cancelled');
    // Stopped at the first round of the layout, not after the ten.
    expect(messages.filter((m) => m === 'Drawing…').length).toBeLessThanOrEqual(2);
  });
});
