import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/view.chart';
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
    const count = (await runNode(node, { in: table }, { chart: 'bar', x: 'city' })).outputs.chart as unknown as { categories: string[]; series: { values: number[] }[] };
    expect(count.categories).toEqual(['Huế', 'Hà Nội', 'Đà Nẵng'].sort());
    expect(count.series[0].values).toEqual([4000, 4000, 4000]);
    const mean = (await runNode(node, { in: table }, { chart: 'bar', x: 'segment', y: 'x', color: 'city', aggregate: 'mean' })).outputs.chart as unknown as { categories: string[]; series: { name: string; values: number[] }[] };
    expect(mean.categories).toEqual(['0', '1', '2', '3']);
    expect(mean.series.length).toBe(3);
    const ref = (seg: number, c: number) => { let s = 0, k = 0; for (let i = 0; i < n; i++) if (i % 4 === seg && i % 3 === c) { s += i % 100; k++; } return s / k; };
    const huế = mean.series.find((s) => s.name === 'Huế')!;
    expect(huế.values[2]).toBeCloseTo(ref(2, 1), 10);
  });

  it('histogram: equal bins from min to max', async () => {
    const h = (await runNode(node, { in: table }, { chart: 'histogram', x: 'x', bins: 10 })).outputs.chart as unknown as { bins: { from: number; to: number; count: number }[] };
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
    const again = (await runNode(node, { in: table }, { chart: 'scatter', x: 'x', y: 'y', color: 'segment' })).outputs.chart as unknown as { x: number[] };
    expect(again.x).toEqual(s.x);
  });

  it('heatmap: counts or sums over two categories', async () => {
    const h = (await runNode(node, { in: table }, { chart: 'heatmap', x: 'city', y: 'segment' })).outputs.chart as unknown as { rows: string[]; cols: string[]; values: number[][] };
    expect(h.rows).toEqual(['0', '1', '2', '3']);
    expect(h.values.flat().reduce((a, b) => a + b, 0)).toBe(n);
    expect(h.values[0]).toEqual([1000, 1000, 1000]);
    await expect(runNode(node, { in: table }, { chart: 'heatmap', x: 'city', y: 'segment', aggregate: 'sum' })).rejects.toThrow(/Colour \/ value/);
    await expect(runNode(node, { in: table }, { chart: 'histogram', x: 'city' })).rejects.toThrow(/must hold numbers/);
    await expect(runNode(node, { in: table }, { chart: 'histogram' })).rejects.toThrow(/Choose a numeric column/);
  });
});
