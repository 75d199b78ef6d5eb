/** text.topics on small hand-made corpora: topics found, labels, groups, bad input, cancel. */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/text.topics';
import type { BarChart, HeatmapChart } from '../../../src/core/contract/chart';
import { createRandom } from '../../../src/core/contract/random';
import { runNode } from '../../helpers/run-node';

/** Three clearly separate themes, in English and Vietnamese, 60 texts. */
function corpus(): { text: string[]; theme: string[]; mood: string[] } {
  const themes: Record<string, string[]> = {
    delivery: ['giao hàng nhanh quá', 'giao hàng chậm ba ngày', 'shipper giao hàng đúng hẹn', 'phí giao hàng cao', 'giao hàng tận nơi'],
    battery: [
      'battery life is short',
      'the battery drains fast',
      'battery life lasts two days',
      'charger and battery died',
      'long battery life',
    ],
    price: [
      'price too high for this',
      'good price and discount',
      'the price dropped today',
      'discount code for a lower price',
      'price match please',
    ],
  };
  const text: string[] = [],
    theme: string[] = [],
    mood: string[] = [];
  for (let r = 0; r < 4; r++)
    for (const [name, list] of Object.entries(themes))
      for (const t of list) {
        text.push(t);
        theme.push(name);
        mood.push(name === 'price' ? 'negative' : 'positive');
      }
  return { text, theme, mood };
}

const column = (t: Table, name: string) => t.getChild(name)!.toArray() as ArrayLike<unknown>;

describe('text.topics', () => {
  it('finds the three themes, labelled by their words, each row in its own theme', async () => {
    const c = corpus();
    const { outputs, infos } = await runNode(node, { in: tableFromArrays({ text: c.text }) }, { k: 3, seed: 1 });
    const topics = outputs.topics as Table;
    expect(topics.numRows).toBe(3);
    const labels = Array.from(column(topics, 'label')) as string[];
    expect(labels.some((l) => l.includes('giao hàng'))).toBe(true);
    expect(labels.some((l) => l.includes('battery'))).toBe(true);
    expect(labels.some((l) => l.includes('price'))).toBe(true);
    // "giao hàng" stands for its syllables: they are not listed again.
    const terms = Array.from(column(topics, 'terms')) as string[];
    for (const t of terms) expect(t.split(', ')).not.toContain('giao');
    const out = outputs.out as Table;
    const topic = Array.from(column(out, 'topic')) as number[];
    // Every theme maps to one topic and every topic to one theme.
    const pairs = new Set(c.theme.map((th, i) => `${th}:${topic[i]}`));
    expect(pairs.size).toBe(3);
    const sizes = Array.from(column(topics, 'size')) as number[];
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(60);
    expect(Array.from(column(topics, 'share')) as number[]).toEqual(sizes.map((s) => s / 60));
    const w = Array.from(column(out, 'topic_weight')) as number[];
    for (const x of w) expect(x).toBeGreaterThan(0.5);
    const chart = outputs.chart as BarChart;
    expect(chart.categories).toHaveLength(3);
    expect(chart.categories[0]).toBe(`1. ${labels[0]}`);
    expect(infos.join(' ')).toMatch(/3 topics over 60 texts/);
  });

  it('"auto" tries each k, says which it chose and why, and picks the three themes', async () => {
    // Each text: 4 words drawn from its theme's 6, so a theme's words co-occur and other themes' never.
    const vocab = [
      ['giao hàng', 'shipper', 'đóng gói', 'nhanh', 'chậm', 'hẹn'],
      ['battery', 'charger', 'drains', 'hours', 'lasts', 'plug'],
      ['price', 'discount', 'voucher', 'expensive', 'cheap', 'sale'],
    ];
    const rng = createRandom(3);
    const text = Array.from({ length: 150 }, (_, i) => {
      const words = [...vocab[i % 3]].sort(() => rng() - 0.5);
      return words.slice(0, 4).join(' ');
    });
    const { outputs, infos, notes } = await runNode(node, { in: tableFromArrays({ text }) }, { k: 'auto', kMin: 2, kMax: 6, ngrams: 1 });
    const chosen = infos.find((m) => m.includes('topics chosen'))!;
    expect(chosen).toMatch(/tried 2: .*, 3: .*, 4: .*, 5: .*, 6: /);
    expect((outputs.topics as Table).numRows).toBe(Number(chosen.split(' ')[0]));
    expect((outputs.topics as Table).numRows).toBe(3);
    expect(notes.find((n) => n.en === chosen)!.vi).toMatch(/^3 chủ đề được chọn|^Chọn 3 chủ đề/);
  });

  it('is the same for the same seed', async () => {
    const c = corpus();
    const a = await runNode(node, { in: tableFromArrays({ text: c.text }) }, { k: 4, seed: 7 });
    const b = await runNode(node, { in: tableFromArrays({ text: c.text }) }, { k: 4, seed: 7 });
    expect(column(a.outputs.topics as Table, 'terms')).toEqual(column(b.outputs.topics as Table, 'terms'));
    expect(column(a.outputs.out as Table, 'topic_weight')).toEqual(column(b.outputs.out as Table, 'topic_weight'));
  });

  it('gives the share of each topic per group, and a heatmap', async () => {
    const c = corpus();
    const { outputs } = await runNode(node, { in: tableFromArrays({ text: c.text, mood: c.mood }) }, { k: 3, group: 'mood' });
    const groups = outputs.groups as Table;
    expect(groups.numRows).toBe(6);
    const g = Array.from(column(groups, 'group')) as string[];
    const share = Array.from(column(groups, 'share')) as number[];
    const label = Array.from(column(groups, 'label')) as string[];
    const negPrice = g.findIndex((x, i) => x === 'negative' && label[i].includes('price'));
    expect(share[negPrice]).toBe(1);
    const posShares = share.filter((_, i) => g[i] === 'positive');
    expect(posShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const heat = outputs.groupChart as HeatmapChart;
    expect(heat.rows).toEqual(['negative', 'positive']);
    expect(heat.values[0].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('leaves empty and emoji-only texts without a topic, and says so', async () => {
    const c = corpus();
    const text = [...c.text, '', '😀😀', null, '!!!'];
    const { outputs, warnings } = await runNode(node, { in: tableFromArrays({ text }) }, { k: 3 });
    const out = outputs.out as Table;
    const topic = out.getChild('topic')!;
    expect(topic.nullCount).toBe(4);
    expect(topic.get(60)).toBeNull();
    expect(warnings.join(' ')).toMatch(/4 rows have no topic/);
  });

  it('explains bad input instead of failing: too many topics, no words, a number column, k range', async () => {
    const c = corpus();
    await expect(runNode(node, { in: tableFromArrays({ text: c.text.slice(0, 5) }) }, { k: 8, minCount: 1 })).rejects.toThrow(
      /8 topics were asked for, but only 5 texts/,
    );
    await expect(runNode(node, { in: tableFromArrays({ text: ['', '😀', 'the and', '...'] }) }, { k: 2 })).rejects.toThrow(
      /No text in "text" has a word/,
    );
    await expect(runNode(node, { in: tableFromArrays({ text: Float64Array.from([1, 2]) }) }, { k: 2 })).rejects.toThrow(
      /does not hold text/,
    );
    await expect(runNode(node, { in: tableFromArrays({ text: c.text }) }, { k: 'auto', kMin: 6, kMax: 3 })).rejects.toThrow(/Swap them/);
  });

  it('reports progress and stops when cancelled', async () => {
    const c = corpus();
    const controller = new AbortController();
    controller.abort();
    await expect(runNode(node, { in: tableFromArrays({ text: c.text }) }, { k: 3 }, { signal: controller.signal })).rejects.toThrow(
      /cancel/i,
    );
    const { progress } = await runNode(node, { in: tableFromArrays({ text: c.text }) }, { k: 3 });
    expect(progress.at(-1)!.fraction).toBe(1);
    expect(progress.length).toBeGreaterThan(3);
  });
});
