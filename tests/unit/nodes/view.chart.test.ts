import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/view.chart';
import type { SilhouetteChart } from '../../../src/core/contract/chart';
import { createRandom } from '../../../src/core/contract/random';
import { runNode } from '../../helpers/run-node';

const n = 12_000;
const table = tableFromArrays({
  x: Float64Array.from({ length: n }, (_, i) => i % 100),
  y: Float64Array.from({ length: n }, (_, i) => (i % 100) * 2 + (i % 3)),
  city: Array.from({ length: n }, (_, i) => ['Hà Nội', 'Huế', 'Đà Nẵng'][i % 3]),
  segment: Int32Array.from({ length: n }, (_, i) => i % 4),
});

describe('view.chart', () => {
  it('bars: counts per category, or the mean of a number per category and colour', async () => {
    const count = (await runNode(node, { in: table }, { chart: 'bar', x: 'city' })).outputs.chart as unknown as {
      categories: string[];
      series: { values: number[] }[];
    };
    expect(count.categories).toEqual(['Huế', 'Hà Nội', 'Đà Nẵng'].sort());
    expect(count.series[0].values).toEqual([4000, 4000, 4000]);
    const mean = (await runNode(node, { in: table }, { chart: 'bar', x: 'segment', y: 'x', color: 'city', aggregate: 'mean' })).outputs
      .chart as unknown as { categories: string[]; series: { name: string; values: number[] }[] };
    expect(mean.categories).toEqual(['0', '1', '2', '3']);
    expect(mean.series.length).toBe(3);
    const ref = (seg: number, c: number) => {
      let s = 0,
        k = 0;
      for (let i = 0; i < n; i++)
        if (i % 4 === seg && i % 3 === c) {
          s += i % 100;
          k++;
        }
      return s / k;
    };
    const huế = mean.series.find((s) => s.name === 'Huế')!;
    expect(huế.values[2]).toBeCloseTo(ref(2, 1), 10);
  });

  it('histogram: equal bins from min to max', async () => {
    const h = (await runNode(node, { in: table }, { chart: 'histogram', x: 'x', bins: 10 })).outputs.chart as unknown as {
      bins: { from: number; to: number; count: number }[];
    };
    expect(h.bins.length).toBe(10);
    expect(h.bins[0].from).toBe(0);
    expect(h.bins[9].to).toBe(99);
    expect(h.bins.reduce((a, b) => a + b.count, 0)).toBe(n);
  });

  it('scatter: at most 5 000 seeded points, grouped by colour', async () => {
    const r = await runNode(node, { in: table }, { chart: 'scatter', x: 'x', y: 'y', color: 'segment' });
    const s = r.outputs.chart as unknown as { x: number[]; y: number[]; group: number[]; groups: string[] };
    expect(s.x.length).toBe(5000);
    expect(s.groups).toEqual(['0', '1', '2', '3']);
    expect(r.warnings.join(' ')).toMatch(/sample of 5000/);
    const again = (await runNode(node, { in: table }, { chart: 'scatter', x: 'x', y: 'y', color: 'segment' })).outputs.chart as unknown as {
      x: number[];
    };
    expect(again.x).toEqual(s.x);
  });

  it('heatmap: counts or sums over two categories', async () => {
    const h = (await runNode(node, { in: table }, { chart: 'heatmap', x: 'city', y: 'segment' })).outputs.chart as unknown as {
      rows: string[];
      cols: string[];
      values: number[][];
    };
    expect(h.rows).toEqual(['0', '1', '2', '3']);
    expect(h.values.flat().reduce((a, b) => a + b, 0)).toBe(n);
    expect(h.values[0]).toEqual([1000, 1000, 1000]);
    await expect(runNode(node, { in: table }, { chart: 'heatmap', x: 'city', y: 'segment', aggregate: 'sum' })).rejects.toThrow(
      /Colour \/ value/,
    );
    await expect(runNode(node, { in: table }, { chart: 'histogram', x: 'city' })).rejects.toThrow(/must hold numbers/);
    await expect(runNode(node, { in: table }, { chart: 'histogram' })).rejects.toThrow(/Choose a numeric column/);
  });

  it('silhouette: per-row values by segment match the definition; sorted, with means', async () => {
    const rnd = createRandom(5);
    const m = 36;
    const seg = Array.from({ length: m }, (_, i) => ['b', 'a', 'c'][i % 3]);
    const f1 = Float64Array.from({ length: m }, (_, i) => (i % 3) * 2 + rnd());
    const f2 = Float64Array.from({ length: m }, (_, i) => (i % 3 === 2 ? 1.5 : 0) + rnd());
    const small = tableFromArrays({ segment: seg, f1, f2, name: seg.map((s, i) => s + i) });
    // From the definition: a = mean distance to the other rows of its segment, b = lowest mean distance to another segment.
    const dist = (i: number, j: number) => Math.hypot(f1[i] - f1[j], f2[i] - f2[j]);
    const ref = seg.map((si, i) => {
      const mean = (s: string) => {
        let t = 0,
          k = 0;
        for (let j = 0; j < m; j++)
          if (j !== i && seg[j] === s) {
            t += dist(i, j);
            k++;
          }
        return t / k;
      };
      const a = mean(si),
        b = Math.min(...['a', 'b', 'c'].filter((s) => s !== si).map(mean));
      return (b - a) / Math.max(a, b);
    });
    const r = await runNode(node, { in: small }, { chart: 'silhouette' });
    const c = r.outputs.chart as unknown as SilhouetteChart;
    expect(c).toMatchObject({ kind: 'chart', chart: 'silhouette' });
    expect(c.segments.map((g) => g.segment)).toEqual(['a', 'b', 'c']);
    for (const g of c.segments) {
      const want = ref.filter((_, i) => seg[i] === g.segment).sort((x, y) => y - x);
      expect(g.values.length).toBe(want.length);
      g.values.forEach((v, i) => expect(v).toBeCloseTo(want[i], 10));
      expect(g.mean).toBeCloseTo(want.reduce((x, y) => x + y, 0) / want.length, 10);
    }
    expect(c.mean).toBeCloseTo(ref.reduce((x, y) => x + y, 0) / m, 10);
    expect(c.title?.en).not.toMatch(/sample/);
    // Explicit columns and segment column give the same result.
    const same = (await runNode(node, { in: small }, { chart: 'silhouette', color: 'segment', columns: ['f1', 'f2'] })).outputs
      .chart as unknown as SilhouetteChart;
    expect(same.mean).toBeCloseTo(c.mean, 12);
  });

  it('silhouette: a seeded sample of at most 2 000 rows, said in the title', async () => {
    const r = await runNode(node, { in: table }, { chart: 'silhouette', columns: ['x', 'y'] });
    const c = r.outputs.chart as unknown as SilhouetteChart;
    expect(c.segments.map((g) => g.segment)).toEqual(['0', '1', '2', '3']);
    expect(c.segments.reduce((a, g) => a + g.values.length, 0)).toBe(2000);
    for (const g of c.segments) for (let i = 1; i < g.values.length; i++) expect(g.values[i]).toBeLessThanOrEqual(g.values[i - 1]);
    expect(c.title?.en).toMatch(/sample of 2000 of 12000/);
    expect(c.title?.vi).toMatch(/mẫu ngẫu nhiên 2000/);
    const again = (await runNode(node, { in: table }, { chart: 'silhouette', columns: ['x', 'y'] })).outputs
      .chart as unknown as SilhouetteChart;
    expect(again).toEqual(c);
    await expect(runNode(node, { in: table }, { chart: 'silhouette', color: 'nope' })).rejects.toThrow(/nope/);
  });
});
