import type { Table } from 'apache-arrow';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/cluster.kmeans';
import { toFloat64 } from '../../../src/core/table/table';
import { expectIpcRoundTrip } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';
import { mallCustomers as mall, sse } from '../../helpers/mall';

const data = sharedData('mall_customers/Mall_Customers.csv');

describe.skipIf(!data.available)('cluster.kmeans', () => {
  it('finds the textbook 5 segments of Mall Customers (income × spending) at least as well as ml-kmeans', async () => {
    const table = mall();
    const cols = ['Annual Income (k$)', 'Spending Score (1-100)'];
    const { outputs } = await runNode(node, { in: table }, { columns: cols, k: 5 });
    const segments = outputs.segments as Table;
    const sizes = Array.from(segments.getChild('size')!.toArray() as Int32Array);
    expect(sizes).toEqual([81, 39, 35, 23, 22]);
    expect(segments.schema.fields.map((f) => f.name)).toEqual(['segment', 'size', 'share', 'inertia', ...cols]);
    // The largest segment is the middle one: income ≈ 55k, spending ≈ 50.
    expect(segments.getChild(cols[0])!.get(0)).toBeCloseTo(55.3, 0);
    expect(segments.getChild(cols[1])!.get(0)).toBeCloseTo(49.5, 0);
    const ours = Array.from(toFloat64(segments.getChild('inertia')!)).reduce((a, b) => a + b, 0);

    const points = Array.from({ length: table.numRows }, (_, i) => cols.map((c) => table.getChild(c)!.get(i) as number));
    let best = Infinity;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const r = mlKmeans(points, 5, { seed, initialization: 'kmeans++' });
      best = Math.min(best, sse(points, r.clusters, 5));
    }
    expect(ours).toBeLessThanOrEqual(best * 1.01);
    expect(ours).toBeCloseTo(44448.46, 0);

    const out = outputs.out as Table;
    expect(out.numCols).toBe(table.numCols + 1);
    expect(String(out.schema.fields.at(-1)!.type)).toBe('Int32');
    const seg = out.getChild('segment')!.toArray() as Int32Array;
    const counted = new Array(5).fill(0);
    for (const s of seg) counted[s]++;
    expect(counted).toEqual(sizes);
    expectIpcRoundTrip(out);
    expectIpcRoundTrip(segments);
  });

  it('is deterministic for a seed', async () => {
    const table = mall();
    const params = { columns: ['Age', 'Annual Income (k$)', 'Spending Score (1-100)'], k: 6, seed: 5 };
    const a = await runNode(node, { in: table }, params);
    const b = await runNode(node, { in: table }, params);
    expect(Array.from((a.outputs.out as Table).getChild('segment')!.toArray() as Int32Array)).toEqual(
      Array.from((b.outputs.out as Table).getChild('segment')!.toArray() as Int32Array),
    );
    expect((a.outputs.segments as Table).getChild('inertia')!.toArray()).toEqual(
      (b.outputs.segments as Table).getChild('inertia')!.toArray(),
    );
    expect(a.progress.length).toBeGreaterThan(2);
  });
});

describe.skipIf(!data.available)('cluster.kmeans with k = "auto"', () => {
  it('picks the textbook 5 segments of Mall Customers by silhouette and charts the scores', async () => {
    const table = mall();
    const cols = ['Annual Income (k$)', 'Spending Score (1-100)'];
    const { outputs, warnings } = await runNode(node, { in: table }, { columns: cols, k: 'auto' });
    const segments = outputs.segments as Table;
    expect(segments.numRows).toBe(5);
    expect(Array.from(segments.getChild('size')!.toArray() as Int32Array)).toEqual([81, 39, 35, 23, 22]);
    const chart = outputs.scores as unknown as { chart: string; x: number[]; mark: number; series: { name: string; values: number[] }[] };
    expect(chart.chart).toBe('line');
    expect(chart.x).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(chart.mark).toBe(5);
    const sil = chart.series.find((s) => s.name === 'silhouette')!.values;
    expect(Math.max(...sil)).toBe(sil[3]);
    expect(sil[3]).toBeCloseTo(0.554, 2);
    const inertia = chart.series.find((s) => s.name === 'inertia')!.values;
    for (let i = 1; i < inertia.length; i++) expect(inertia[i]).toBeLessThan(inertia[i - 1]);
    expect(warnings.join(' ')).toMatch(/Chose 5 segments/);
    expectIpcRoundTrip(outputs.out as Table);
  });

  it('charts the single point for a fixed k and respects kMin / kMax', async () => {
    const table = mall();
    const cols = ['Annual Income (k$)', 'Spending Score (1-100)'];
    const fixed = await runNode(node, { in: table }, { columns: cols, k: 3, silhouette: true });
    const chart = fixed.outputs.scores as unknown as { x: number[]; mark: number; series: { values: number[] }[] };
    expect(chart.x).toEqual([3]);
    expect(chart.mark).toBe(3);
    expect(chart.series[1].values[0]).toBeGreaterThan(0.3);
    const ranged = await runNode(node, { in: table }, { columns: cols, k: 'auto', kMin: 2, kMax: 4 });
    expect((ranged.outputs.scores as unknown as { x: number[] }).x).toEqual([2, 3, 4]);
    await expect(runNode(node, { in: table }, { columns: cols, k: 'auto', kMin: 6, kMax: 3 })).rejects.toThrow(/larger than the largest/);
  });
});
