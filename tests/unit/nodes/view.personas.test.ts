import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import profile from '../../../nodes/cluster.profile';
import node from '../../../nodes/view.personas';
import { runNode } from '../../helpers/run-node';

describe('view.personas', () => {
  it('turns a profile table into the same persona cards as cluster.profile', async () => {
    const n = 300;
    const seg = Int32Array.from({ length: n }, (_, i) => (i < 60 ? 1 : i < 100 ? 2 : 0));
    const table = tableFromArrays({
      share_night: Float64Array.from(seg, (s, i) => (s === 1 ? 0.6 : 0.1) + (i % 5) * 0.01),
      days_since_last: Float64Array.from(seg, (s, i) => (s === 2 ? 60 : 5) + (i % 7)),
      interactions: Float64Array.from(seg, (s, i) => (s === 1 ? 40 : 8) + (i % 9)),
      segment: seg,
    });
    const p = await runNode(profile, { in: table }, {});
    const { outputs } = await runNode(node, { in: p.outputs.out as Table }, {});
    expect(outputs.chart).toEqual(p.outputs.personas);
    const cards = (
      outputs.chart as unknown as { cards: { name: { en: string; vi: string }; sentence: { en: string }; traits: { feature: string }[] }[] }
    ).cards;
    expect(cards.length).toBe(3);
    expect(cards[2].name.en).toMatch(/lapsed/i);
    expect(cards[2].traits[0].feature).toBe('days_since_last');
    expect(cards[1].sentence.en).toMatch(/after 22:00|interact/);
    await expect(runNode(node, { in: table }, {})).rejects.toThrow(/no "persona" column/);
  });
});
