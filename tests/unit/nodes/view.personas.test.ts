import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import profile from '../../../nodes/cluster.profile';
import node from '../../../nodes/view.personas';
import { runNode } from '../../helpers/run-node';
import { checkConnection, type WireNode } from '../../../src/core/flow/connect';
import { getNode } from '../../../nodes/index';

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

  it('takes the "Personas" output of Segment profiles as well as its table', async () => {
    const n = 200;
    const seg = Int32Array.from({ length: n }, (_, i) => (i < 50 ? 1 : 0));
    const table = tableFromArrays({
      night: Float64Array.from(seg, (s, i) => (s === 1 ? 0.7 : 0.1) + (i % 3) * 0.01),
      visits: Float64Array.from(seg, (s, i) => (s === 1 ? 3 : 20) + (i % 4)),
      segment: seg,
    });
    const p = await runNode(profile, { in: table }, {});
    const { outputs } = await runNode(node, { personas: p.outputs.personas }, {});
    expect(outputs.chart).toEqual(p.outputs.personas);
    await expect(runNode(node, { personas: p.outputs.lift }, {})).rejects.toThrow(/not a set of persona cards/);
    await expect(runNode(node, {}, {})).rejects.toThrow(/Nothing is connected/);
  });

  it('accepts the drag from profile.personas to the persona cards, and still refuses a chart on the table input', () => {
    const nodes: WireNode[] = [
      { id: 'profile', type: 'flow', data: { type: 'cluster.profile' } },
      { id: 'cards', type: 'flow', data: { type: 'view.personas' } },
    ];
    const wire = (sourceHandle: string, targetHandle: string) => ({ source: 'profile', target: 'cards', sourceHandle, targetHandle });
    expect(checkConnection(wire('personas', 'personas'), nodes, [], getNode)).toBeNull();
    expect(checkConnection(wire('out', 'in'), nodes, [], getNode)).toBeNull();
    expect(checkConnection(wire('personas', 'in'), nodes, [], getNode)?.en).toMatch(/expects a table/);
  });
});
