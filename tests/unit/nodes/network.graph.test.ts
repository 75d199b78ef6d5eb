import { tableFromArrays, vectorFromArray, Table, Utf8, Float64 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/network.graph';
import type { NetworkChart } from '../../../src/core/contract/chart';
import { runNode } from '../../helpers/run-node';

const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
const byId = (t: Table) => new Map(rowsOf(t).map((r) => [String(r.id), r]));

/** a→b (twice, weights 1 + 2), a→c, b→c, c→a, d→c; e→e (a self-loop); one row without a target. */
const tiny = () =>
  tableFromArrays({
    from: ['a', 'a', 'a', 'b', 'c', 'd', 'e', 'f'],
    to: ['b', 'b', 'c', 'c', 'a', 'c', 'e', null],
    w: Float64Array.from([1, 2, 1, 1, 1, 1, 1, 1]),
  });

describe('network.graph', () => {
  it('counts degrees and weights of a tiny graph by hand', async () => {
    const { outputs, warnings } = await runNode(node, { in: tiny() }, { source: 'from', target: 'to', weight: 'w' });
    const nodes = byId(outputs.nodes as Table);
    expect([...nodes.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(nodes.get('a')).toMatchObject({ degree_in: 1, degree_out: 2, weight_in: 1 });
    expect(nodes.get('b')).toMatchObject({ degree_in: 1, degree_out: 1, weight_in: 3 });
    expect(nodes.get('c')).toMatchObject({ degree_in: 3, degree_out: 1, weight_in: 3 });
    expect(nodes.get('d')).toMatchObject({ degree_in: 0, degree_out: 1 });
    expect(nodes.get('e')).toMatchObject({ degree_in: 0, degree_out: 0 });
    const pr = [...nodes.values()].map((r) => r.pagerank as number);
    expect(pr.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // c is reached by three people: the most central.
    expect(Math.max(...pr)).toBe(nodes.get('c')!.pagerank);
    const edges = rowsOf(outputs.edges as Table);
    expect(edges).toHaveLength(5);
    expect(edges.find((e) => e.source === 'a' && e.target === 'b')!.weight).toBe(3);
    expect(warnings.join(' ')).toMatch(/1 rows without a source or a target were skipped/);
    expect(warnings.join(' ')).toMatch(/1 links from a person to themselves were dropped/);
    expect(warnings.join(' ')).toMatch(/1 repeated links were added/);
    const communities = rowsOf(outputs.communities as Table);
    expect(communities.reduce((a, c) => a + (c.size as number), 0)).toBe(5);
    for (const r of nodes.values()) expect(r.community_size).toBe(communities.find((c) => c.community === r.community)!.size);
    const chart = outputs.graph as NetworkChart;
    expect(chart.chart).toBe('network');
    expect(chart.nodes).toHaveLength(5);
    expect(chart.edges).toHaveLength(5);
    expect(chart.leftOutNodes).toBe(0);
    for (const p of chart.nodes) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
  });

  it('betweenness: on a path a→b→c only b lies between (normalised like networkx)', async () => {
    const { outputs } = await runNode(node, { in: tableFromArrays({ s: ['a', 'b'], t: ['b', 'c'] }) }, { source: 's', target: 't' });
    const nodes = byId(outputs.nodes as Table);
    // One pair (a, c) goes through b, out of (n − 1)(n − 2) = 2 ordered pairs.
    expect(nodes.get('b')!.betweenness).toBeCloseTo(0.5, 12);
    expect(nodes.get('a')!.betweenness).toBe(0);
  });

  it('is deterministic for a seed', async () => {
    const a = await runNode(node, { in: tiny() }, { source: 'from', target: 'to', seed: 3 });
    const b = await runNode(node, { in: tiny() }, { source: 'from', target: 'to', seed: 3 });
    expect(rowsOf(a.outputs.nodes as Table)).toEqual(rowsOf(b.outputs.nodes as Table));
    expect(a.outputs.graph).toEqual(b.outputs.graph);
  });

  it('reads ids as text when one column holds numbers and the other text', async () => {
    const table = new Table({ s: vectorFromArray([7, 8, 9], new Float64()), t: vectorFromArray(['8', '7', '7'], new Utf8()) });
    const { outputs, warnings } = await runNode(node, { in: table }, { source: 's', target: 't' });
    const nodes = byId(outputs.nodes as Table);
    expect([...nodes.keys()].sort()).toEqual(['7', '8', '9']);
    expect(nodes.get('7')).toMatchObject({ degree_in: 2, degree_out: 1 });
    expect(warnings.join(' ')).toMatch(/read as text/);
  });

  it('explains bad input: no columns chosen, one person, no links, only self-loops', async () => {
    await expect(runNode(node, { in: tiny() }, {})).rejects.toThrow(/Choose the source column/);
    await expect(runNode(node, { in: tableFromArrays({ s: ['a', 'a'], t: ['a', 'a'] }) }, { source: 's', target: 't' })).rejects.toThrow(
      /only one person \(a\)/,
    );
    await expect(runNode(node, { in: tableFromArrays({ s: [null, 'x'], t: ['y', null] }) }, { source: 's', target: 't' })).rejects.toThrow(
      /no links: every row lacks a source or a target/,
    );
    await expect(runNode(node, { in: tableFromArrays({ s: ['a', 'b'], t: ['a', 'b'] }) }, { source: 's', target: 't' })).rejects.toThrow(
      /no links between two different people/,
    );
    await expect(runNode(node, { in: tiny() }, { mode: 'interactions' })).rejects.toThrow(
      /needs the columns "user_id", "post_id", "type", "timestamp"/,
    );
  });

  it('derives links from comment threads in the interactions mode', async () => {
    const table = tableFromArrays({
      user_id: ['u1', 'u2', 'u3', 'u2', 'u4', 'u1'],
      post_id: ['p1', 'p1', 'p1', 'p1', 'p2', 'p2'],
      type: ['comment', 'comment', 'reaction', 'comment', 'comment', 'share'],
      timestamp: [
        '2024-01-01T10:00:00',
        '2024-01-01T11:00:00',
        '2024-01-01T11:30:00',
        '2024-01-01T12:00:00',
        '2024-01-02T09:00:00',
        '2024-01-02T10:00:00',
      ],
    });
    const { outputs, warnings } = await runNode(node, { in: table }, { mode: 'interactions' });
    // p1: u2 answers u1; the reaction gives nothing; u2 again after themselves gives nothing. p2: u1 shares after u4.
    expect(
      rowsOf(outputs.edges as Table)
        .map((e) => `${e.source}>${e.target}`)
        .sort(),
    ).toEqual(['u1>u4', 'u2>u1']);
    expect(warnings.join(' ')).toMatch(/2 links from 5 comments and shares/);
  });

  it('orders comment threads by numeric times numerically (9 before 10)', async () => {
    const table = tableFromArrays({
      user_id: ['u2', 'u1', 'u3'],
      post_id: ['p1', 'p1', 'p1'],
      type: ['comment', 'comment', 'comment'],
      timestamp: Float64Array.from([10, 9, 100]),
    });
    const { outputs } = await runNode(node, { in: table }, { mode: 'interactions' });
    expect(rowsOf(outputs.edges as Table).map((e) => `${e.source}>${e.target}`)).toEqual(['u2>u1', 'u3>u2']);
  });

  it('counts empty weights as 1 and drops zero or negative ones, with a note', async () => {
    const table = tableFromArrays({ s: ['a', 'a', 'b', 'c'], t: ['b', 'c', 'c', 'a'], w: Float64Array.from([2, NaN, -1, 0.5]) });
    const { outputs, warnings } = await runNode(node, { in: table }, { source: 's', target: 't', weight: 'w' });
    expect(rowsOf(outputs.edges as Table).map((e) => `${e.source}>${e.target}:${e.weight}`)).toEqual(['a>b:2', 'a>c:1', 'c>a:0.5']);
    expect(warnings.join(' ')).toMatch(/2 weights were empty or not a number \(counted as 1\) or zero or below \(rows dropped\)/);
  });

  it('keeps the first and last time of each link (numbers compared as numbers)', async () => {
    const table = tableFromArrays({ s: ['a', 'a', 'a', 'b'], t: ['b', 'b', 'b', 'a'], at: Float64Array.from([10, 9, 100, 5]) });
    const { outputs } = await runNode(node, { in: table }, { source: 's', target: 't', time: 'at' });
    expect(rowsOf(outputs.edges as Table).map((e) => [e.source, e.first_time, e.last_time])).toEqual([
      ['a', '9', '100'],
      ['b', '5', '5'],
    ]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runNode(node, { in: tiny() }, { source: 'from', target: 'to' }, { signal: controller.signal })).rejects.toThrow();
  });
});
