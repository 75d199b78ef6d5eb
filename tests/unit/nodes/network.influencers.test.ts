import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import graphNode from '../../../nodes/network.graph';
import node from '../../../nodes/network.influencers';
import { describeInfluencer, roleOf } from '../../../src/core/network/influencers';
import { runNode } from '../../helpers/run-node';

const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);

/** A star: ten people reply to "hub"; "hub" replies to "x"; "x" replies to "y". */
async function star(): Promise<Table> {
  const s = [...Array.from({ length: 10 }, (_, i) => `p${i}`), 'hub', 'x'];
  const t = [...Array.from({ length: 10 }, () => 'hub'), 'x', 'y'];
  const { outputs } = await runNode(graphNode, { in: tableFromArrays({ s, t }) }, { source: 's', target: 't' });
  return outputs.nodes as Table;
}

describe('network.influencers', () => {
  it('ranks by PageRank and keeps the top N with rank, role and sentences', async () => {
    const { outputs } = await runNode(node, { in: await star() }, { top: 3 });
    const rows = rowsOf(outputs.out as Table);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    const pr = rows.map((r) => r.pagerank as number);
    expect(pr[0]).toBeGreaterThanOrEqual(pr[1]);
    expect(pr[1]).toBeGreaterThanOrEqual(pr[2]);
    // "x" is reached by the hub, which ten people reach: more PageRank than the hub.
    expect(
      rows
        .map((r) => r.id)
        .slice(0, 3)
        .sort(),
    ).toEqual(['hub', 'x', 'y']);
    expect(rows[0].sentence).toMatch(/^Ranks 1st by reach \(PageRank 0\.\d+, [\d.]+× the median\);/);
    expect(rows[0].sentence_vi).toMatch(/^Xếp thứ 1 về tầm ảnh hưởng \(PageRank 0,\d+, gấp [\d,]+ lần trung vị\);/);
    expect(rows[0].role).toMatch(/high reach/);
  });

  it('ranks by in-degree, joins the people table and names negative reach, advocates and connectors', async () => {
    const people = tableFromArrays({
      user_id: ['hub', 'x', 'p0'],
      sentiment_score_mean: Float64Array.from([-0.42, 0.5, 0]),
      journey_stage: ['experience', 'advocacy', 'none'],
      segment: ['2', '1', '3'],
    });
    const { outputs, warnings } = await runNode(node, { in: await star(), people }, { score: 'degree_in', top: 3 });
    const rows = rowsOf(outputs.out as Table);
    expect(rows[0]).toMatchObject({ id: 'hub', degree_in: 10, sentiment_score_mean: -0.42, journey_stage: 'experience', segment: '2' });
    expect(rows[0].role).toBe('high reach, negative; connector');
    expect(rows[0].role_vi).toBe('ảnh hưởng rộng, tiêu cực; cầu nối');
    expect(rows[0].sentence).toBe(
      'Ranks 1st by people who reach them (10, while most people have 0); mostly negative (−0.42); journey stage: experience; segment 2; bridges communities; reach in the top 10%.',
    );
    expect(rows[1]).toMatchObject({ id: 'x' });
    expect(String(rows[1].role)).toMatch(/advocate/);
    // The third has no row in the people table.
    expect(warnings.join(' ')).toMatch(/1 of the 3 ranked people are not in the people table/);
  });

  it('explains a table that is not the people output of a network', async () => {
    await expect(runNode(node, { in: tableFromArrays({ a: [1, 2] }) }, {})).rejects.toThrow(
      /no "id", "pagerank" column.*Interaction network/,
    );
  });

  it('roles and sentences from facts', () => {
    const words = (sentiment: number) =>
      describeInfluencer({
        rank: 1,
        score: 'pagerank',
        value: 0.01,
        median: 0.001,
        highReach: true,
        connector: false,
        sentiment,
        stage: null,
        segment: null,
      }).en;
    expect(words(-0.42)).toMatch(/mostly negative \(−0\.42\)/);
    expect(words(-0.1)).toMatch(/leaning negative \(−0\.10\)/);
    expect(words(0)).toMatch(/neutral on average/);
    expect(words(0.31)).toMatch(/mostly positive/);
    expect(
      roleOf({
        rank: 1,
        score: 'pagerank',
        value: 0.01,
        median: 0.001,
        highReach: true,
        connector: false,
        sentiment: -0.1,
        stage: null,
        segment: null,
      }).en,
    ).toBe('high reach, negative');
    expect(
      roleOf({
        rank: 1,
        score: 'pagerank',
        value: 0.01,
        median: 0.001,
        highReach: false,
        connector: false,
        sentiment: 0,
        stage: 'Advocacy',
        segment: null,
      }).en,
    ).toBe('advocate');
    const base = {
      rank: 2,
      score: 'betweenness' as const,
      value: 0.12,
      median: 0.01,
      highReach: false,
      connector: true,
      sentiment: 0.1,
      stage: null,
      segment: null,
    };
    expect(roleOf(base)).toEqual({ en: 'connector', vi: 'cầu nối' });
    expect(roleOf({ ...base, connector: false })).toEqual({ en: 'active member', vi: 'thành viên tích cực' });
    expect(describeInfluencer({ ...base, median: 0 }).en).toBe(
      'Ranks 2nd by bridging groups (betweenness 0.12, while most people have 0); leaning positive (0.10); bridges communities.',
    );
    expect(describeInfluencer({ ...base, rank: 13 }).en).toMatch(/^Ranks 13th .*12× the median/);
  });
});
