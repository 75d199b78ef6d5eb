import { type Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/journey.paths';
import sample from '../../../nodes/ingest.sample';
import stageNode from '../../../nodes/journey.stage';
import { NodeError } from '../../../src/core/contract/errors';
import type { FunnelChart } from '../../../src/core/contract/chart';
import type { JsonValue } from '../../../src/core/contract/node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const def = node;
const T = (d: number) => `2026-03-0${d}T10:00:00`;
// Input deliberately out of order; b has two rows at the same time (purchase listed first).
const data = [
  ['a', T(4), 'purchase'],
  ['b', T(1), 'purchase'],
  ['a', T(1), 'awareness'],
  ['b', T(1), 'consideration'],
  ['c', T(2), 'experience'],
  ['a', T(2), 'consideration'],
  ['c', T(1), 'none'],
  ['a', T(3), 'consideration'],
  ['b', T(5), 'churn'],
  ['c', T(3), 'advocacy'],
  ['d', T(1), 'none'],
  ['c', 'garbage', 'awareness'],
  ['e', T(1), 'Purchase '],
  ['f', T(1), 'bogus'],
];
const table = tableFromArrays({ user_id: data.map((r) => r[0]), timestamp: data.map((r) => r[1]), journey_stage: data.map((r) => r[2]) });

describe('journey.paths', () => {
  it("orders each person's stages by time (ties by funnel order), collapses repeats and counts transitions", async () => {
    const { outputs, warnings } = await runNode(def, { in: table });
    expect(rows(outputs.out as Table)).toEqual([
      { from: 'awareness', to: 'consideration', users: 1, transitions: 1, share: 1 },
      { from: 'consideration', to: 'purchase', users: 2, transitions: 2, share: 1 },
      { from: 'purchase', to: 'churn', users: 1, transitions: 1, share: 1 },
      { from: 'experience', to: 'advocacy', users: 1, transitions: 1, share: 1 },
    ]);
    expect(warnings).toEqual([
      'Values of "journey_stage" that are not journey stages were ignored: "bogus".',
      '1 row(s) with a stage have no readable time in "timestamp" and were left out.',
    ]);
  });

  it('computes the funnel: reach (furthest stage at or after), conversion from the previous stage, churn apart', async () => {
    const { outputs } = await runNode(def, { in: table });
    const f = rows(outputs.funnel as Table);
    expect(f.map((r) => [r.stage, r.users, r.seen])).toEqual([
      ['awareness', 4, 1],
      ['consideration', 4, 2],
      ['purchase', 4, 3],
      ['experience', 1, 1],
      ['advocacy', 1, 1],
      ['churn', 1, 1],
    ]);
    expect(f.map((r) => r.conversion)).toEqual([1, 1, 1, 0.25, 1, null]);
    expect(f.map((r) => r.share_of_users)).toEqual([1, 1, 1, 0.25, 0.25, 0.25]);
    const chart = outputs.funnel_chart as FunnelChart;
    expect(chart.chart).toBe('funnel');
    expect((chart.stages as { name: string; value: number }[]).map((s) => [s.name, s.value])).toEqual([
      ['awareness', 4],
      ['consideration', 4],
      ['purchase', 4],
      ['experience', 1],
      ['advocacy', 1],
    ]);
  });

  it('builds a cycle-free Sankey of the first steps (one node per step and stage)', async () => {
    const { outputs } = await runNode(def, { in: table });
    const s = outputs.sankey as JsonValue & {
      nodes: { name: string; value: number }[];
      links: { source: string; target: string; value: number }[];
    };
    expect(s.chart).toBe('sankey');
    expect(s.nodes.map((x) => `${x.name}=${x.value}`)).toEqual([
      '1. awareness=1',
      '1. consideration=1',
      '1. purchase=1',
      '1. experience=1',
      '2. consideration=1',
      '2. purchase=1',
      '2. advocacy=1',
      '3. purchase=1',
      '3. churn=1',
    ]);
    expect(s.links.map((l) => `${l.source}>${l.target}=${l.value}`)).toEqual([
      '1. awareness>2. consideration=1',
      '1. consideration>2. purchase=1',
      '1. experience>2. advocacy=1',
      '2. consideration>3. purchase=1',
      '2. purchase>3. churn=1',
    ]);
  });

  it('keeps repeats as self-transitions when collapse is off', async () => {
    const { outputs } = await runNode(def, { in: table }, { collapse: false });
    const out = rows(outputs.out as Table);
    expect(out.slice(0, 3)).toEqual([
      { from: 'awareness', to: 'consideration', users: 1, transitions: 1, share: 1 },
      { from: 'consideration', to: 'purchase', users: 2, transitions: 2, share: 2 / 3 },
      { from: 'consideration', to: 'consideration', users: 1, transitions: 1, share: 1 / 3 },
    ]);
  });

  it('reads epoch-millisecond times and numeric user ids; counts a user once per transition', async () => {
    const t = tableFromArrays({
      uid: Float64Array.from([7, 7, 7, 7, 8]),
      ts: Float64Array.from([4000, 1000, 3000, 2000, 1000]),
      st: ['consideration', 'consideration', 'consideration', 'purchase', 'purchase'],
    });
    const { outputs } = await runNode(def, { in: t }, { user: 'uid', time: 'ts', stage: 'st' });
    // 7: C P C C → collapsed C P C
    expect(rows(outputs.out as Table)).toEqual([
      { from: 'consideration', to: 'purchase', users: 1, transitions: 1, share: 1 },
      { from: 'purchase', to: 'consideration', users: 1, transitions: 1, share: 1 },
    ]);
    expect(rows(outputs.funnel as Table)[2]).toMatchObject({ stage: 'purchase', users: 2, seen: 2 });
    expectIpcRoundTrip(outputs.out as Table);
    expectIpcRoundTrip(outputs.funnel as Table);
  });

  it('runs on the staged sample audience with a consistent funnel and Sankey', async () => {
    const interactions = (await runNode(sample, {}, { size: 4000, seed: 3 })).outputs.out as Table;
    const staged = (await runNode(stageNode, { in: interactions })).outputs.out as Table;
    const { outputs } = await runNode(def, { in: staged });
    const f = rows(outputs.funnel as Table);
    for (let i = 1; i < 5; i++) expect(f[i].users as number).toBeLessThanOrEqual(f[i - 1].users as number);
    expect(f[0].users as number).toBeGreaterThan(50);
    const s = outputs.sankey as unknown as { nodes: { name: string; value: number }[]; links: { source: string; value: number }[] };
    for (const n of s.nodes) {
      const out = s.links.filter((l) => l.source === n.name).reduce((a, l) => a + l.value, 0);
      expect(out).toBeLessThanOrEqual(n.value);
    }
  });

  it('names a missing column in both languages', async () => {
    const err = await runNode(def, { in: table }, { time: 'when' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NodeError);
    expect((err as NodeError).message).toContain('The column "when" is not in the table');
    expect((err as NodeError).vi).toContain('Bảng không có cột "when"');
  });
});
