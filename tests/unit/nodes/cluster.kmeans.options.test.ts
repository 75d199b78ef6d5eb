/**
 * cluster.kmeans: the silhouette is measured for a fixed k only on request (it is the slow part on
 * large tables), and the messages for data with few different rows say what happened.
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node, { distinctRows } from '../../../nodes/cluster.kmeans';
import { kmeans } from '../../../src/core/ml/kmeans/fit';
import { createRandom } from '../../../src/core/contract/random';
import { runNode } from '../../helpers/run-node';

type Chart = { x: number[]; mark: number; title: { en: string }; series: { name: string; values: number[] }[] };

/** Three tight groups of `per` rows around (0,0), (10,0) and (0,10). */
function threeGroups(per: number): Table {
  const rnd = createRandom(3);
  const x = new Float64Array(3 * per),
    y = new Float64Array(3 * per);
  for (let i = 0; i < 3 * per; i++) {
    const g = i % 3;
    x[i] = (g === 1 ? 10 : 0) + rnd();
    y[i] = (g === 2 ? 10 : 0) + rnd();
  }
  return tableFromArrays({ x, y });
}

/** Rows that take only the given (x, y) points, repeated in turn. */
function repeated(points: [number, number][], rows: number): Table {
  return tableFromArrays({
    x: Float64Array.from({ length: rows }, (_, i) => points[i % points.length][0]),
    y: Float64Array.from({ length: rows }, (_, i) => points[i % points.length][1]),
  });
}

const sizes = (t: Table) => Array.from(t.getChild('size')!.toArray() as Int32Array);

describe('cluster.kmeans silhouette option', () => {
  it('skips the silhouette for a fixed k by default, with the same segments and inertia as when it is measured', async () => {
    const table = threeGroups(400);
    const plain = await runNode(node, { in: table }, { k: 3 });
    const measured = await runNode(node, { in: table }, { k: 3, silhouette: true });
    const a = plain.outputs.scores as unknown as Chart,
      b = measured.outputs.scores as unknown as Chart;
    expect(a.series.map((s) => s.name)).toEqual(['inertia']);
    expect(a.title.en).toMatch(/Measure separation/);
    expect(b.series.map((s) => s.name)).toEqual(['inertia', 'silhouette']);
    expect(b.series[1].values[0]).toBeGreaterThan(0.8);
    // The silhouette only reads the fit: the segments do not depend on it.
    expect(a.series[0].values).toEqual(b.series[0].values);
    expect(sizes(plain.outputs.segments as Table)).toEqual(sizes(measured.outputs.segments as Table));
    const seg = (r: typeof plain) => Array.from((r.outputs.out as Table).getChild('segment')!.toArray() as Int32Array);
    expect(seg(plain)).toEqual(seg(measured));
    // No progress step is spent on a silhouette that is not measured.
    expect(plain.progress.some((p) => /silhouette/.test(p.message ?? ''))).toBe(false);
    expect(measured.progress.some((p) => /silhouette/.test(p.message ?? ''))).toBe(true);
  });

  it('always measures it with k = "auto", where it picks the number of segments', async () => {
    const { outputs, warnings } = await runNode(node, { in: threeGroups(200) }, { k: 'auto', kMin: 2, kMax: 5 });
    const chart = outputs.scores as unknown as Chart;
    expect(chart.series.map((s) => s.name)).toEqual(['inertia', 'silhouette']);
    expect(chart.mark).toBe(3);
    expect(warnings.join(' ')).toMatch(/Chose 3 segments/);
  });

  it('has a different version from the one that always measured it (cached results are not reused)', () => {
    expect(node.version).toBeGreaterThanOrEqual(4);
  });
});

describe('cluster.kmeans with few different rows', () => {
  it('counts different rows up to a limit', () => {
    const data = Float64Array.from([1, 2, 1, 2, 3, 4, 1, 2, 5, 6, 3, 4]);
    expect(distinctRows(data, 6, 2, 10)).toBe(3);
    expect(distinctRows(data, 6, 2, 2)).toBe(2);
    expect(distinctRows(new Float64Array(8).fill(7), 4, 2, 10)).toBe(1);
    // Rows that differ only in their last column are different.
    expect(distinctRows(Float64Array.from([1, 1, 1, 2]), 2, 2, 10)).toBe(2);
  });

  it('narrows "auto" to the number of different rows and says so', async () => {
    const table = repeated(
      [
        [0, 0],
        [10, 0],
        [0, 10],
        [10, 10],
      ],
      200,
    );
    const { outputs, warnings, notes } = await runNode(node, { in: table }, { k: 'auto', kMin: 2, kMax: 10 });
    const chart = outputs.scores as unknown as Chart;
    expect(chart.x).toEqual([2, 3, 4]);
    expect(chart.mark).toBe(4);
    expect(sizes(outputs.segments as Table)).toEqual([50, 50, 50, 50]);
    const note = warnings.find((w) => /Tried 2 to 4 segments instead of 2 to 10/.test(w));
    expect(note).toMatch(/only 4 different combinations of values/);
    expect(notes.find((n) => n.en === note)!.vi).toMatch(
      /Đã thử từ 2 đến 4 phân khúc thay vì từ 2 đến 10: các cột đã chọn chỉ có 4 tổ hợp/,
    );
  });

  it('narrows the smallest number too when even it is above the number of different rows', async () => {
    const table = repeated(
      [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
      90,
    );
    const { outputs, warnings } = await runNode(node, { in: table }, { k: 'auto', kMin: 5, kMax: 8 });
    expect((outputs.scores as unknown as Chart).x).toEqual([3]);
    expect(warnings.join(' ')).toMatch(/Tried 3 to 3 segments instead of 5 to 8: the chosen columns have only 3 different/);
  });

  it('says when the table has too few rows rather than too few different rows', async () => {
    const table = tableFromArrays({ x: Float64Array.from([1, 2, 3, 4]) });
    const { outputs, warnings } = await runNode(node, { in: table }, { k: 'auto', kMin: 2, kMax: 6 });
    expect((outputs.scores as unknown as Chart).x).toEqual([2, 3]);
    expect(warnings.join(' ')).toMatch(/Tried 2 to 3 segments instead of 2 to 6: the table has only 4 rows/);
  });

  it('says plainly that constant data has nothing to segment (fixed k and "auto")', async () => {
    const table = repeated([[5, 5]], 1000);
    for (const k of [4, 'auto'] as const) {
      // Chosen by hand: the columns are used, and the message says the rows are all the same.
      const run = runNode(node, { in: table }, { k, columns: ['x', 'y'] });
      await expect(run).rejects.toThrow(/All 1,000 rows are identical in the chosen columns \("x", "y"\), so there is nothing to segment/);
      await expect(run).rejects.not.toThrow(/or fewer/);
      // By default, columns that never change are left out, and the message says why.
      await expect(runNode(node, { in: table }, { k })).rejects.toThrow(/"x", "y" look like ids or never change/);
    }
    // Straight k-means on constant rows gives the same plain words.
    await expect(kmeans(new Float64Array(20).fill(1), 10, 2, { k: 3, random: createRandom(1) })).rejects.toThrow(
      /All rows are identical in the chosen columns/,
    );
  });

  it('still asks to lower a fixed k above the number of different rows', async () => {
    const table = repeated(
      [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
      60,
    );
    await expect(runNode(node, { in: table }, { k: 5 })).rejects.toThrow(
      /only 3 different combinations.*Lower the number of segments to 3 or fewer/,
    );
  });
});
