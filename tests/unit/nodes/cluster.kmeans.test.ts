import { tableFromArrays, type Table } from 'apache-arrow';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/cluster.kmeans';
import { createRandom } from '../../../src/core/contract/random';
import { runNode } from '../../helpers/run-node';
import { sse } from '../../helpers/mall';

/** Well-separated Gaussian blobs with known membership. */
function blobs(perBlob: number[], d: number, seed: number): { table: Table; truth: Int32Array } {
  const rnd = createRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const n = perBlob.reduce((a, b) => a + b, 0);
  const cols = Array.from({ length: d }, () => new Float64Array(n));
  const truth = new Int32Array(n);
  const centers = perBlob.map((_, b) => Array.from({ length: d }, (_, c) => (c === b % d ? 50 : 0) + b * 20));
  // Interleave rows so that blobs are not in file order.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * 7919) % n) - ((b * 7919) % n));
  let r = 0;
  perBlob.forEach((count, b) => {
    for (let m = 0; m < count; m++, r++) {
      const i = order[r];
      truth[i] = b;
      for (let c = 0; c < d; c++) cols[c][i] = centers[b][c] + gauss();
    }
  });
  const table = tableFromArrays(Object.fromEntries(cols.map((col, c) => [`x${c}`, col])) as Record<string, Float64Array>);
  return { table, truth };
}

describe('cluster.kmeans', () => {
  it('recovers well-separated blobs exactly and labels segments by size', async () => {
    const { table, truth } = blobs([400, 300, 200, 100], 3, 7);
    const { outputs } = await runNode(node, { in: table }, { k: 4, seed: 3 });
    const seg = (outputs.out as Table).getChild('segment')!.toArray() as Int32Array;
    // Blob b is the b-th largest, so segment numbers equal blob numbers.
    expect(Array.from(seg)).toEqual(Array.from(truth));
    const segments = outputs.segments as Table;
    expect(Array.from(segments.getChild('share')!.toArray() as Float64Array)).toEqual([0.4, 0.3, 0.2, 0.1]);
  });

  it('agrees with ml-kmeans on blobs', async () => {
    const { table } = blobs([150, 150, 150], 4, 11);
    const { outputs } = await runNode(node, { in: table }, { k: 3 });
    const seg = Array.from((outputs.out as Table).getChild('segment')!.toArray() as Int32Array);
    const points = Array.from({ length: table.numRows }, (_, i) => [0, 1, 2, 3].map((c) => table.getChild(`x${c}`)!.get(i) as number));
    const oracle = mlKmeans(points, 3, { seed: 1 }).clusters;
    // Same partition up to renaming.
    const pairs = new Set(seg.map((s, i) => `${s}:${oracle[i]}`));
    expect(pairs.size).toBe(3);
    expect(sse(points, seg, 3)).toBeCloseTo(sse(points, oracle, 3), 6);
  });

  it('uses every numeric column when none are chosen, but not an old segment column', async () => {
    const t = tableFromArrays({
      a: Float64Array.from([0, 0.1, 10, 10.1]),
      name: ['p', 'q', 'r', 's'],
      segment: Int32Array.from([9, 9, 9, 9]),
    });
    const { outputs } = await runNode(node, { in: t }, { k: 2 });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => f.name)).toEqual(['a', 'name', 'segment']);
    expect(Array.from(out.getChild('segment')!.toArray() as Int32Array)).toEqual([0, 0, 1, 1]);
    expect((outputs.segments as Table).schema.fields.map((f) => f.name)).toEqual(['segment', 'size', 'share', 'inertia', 'a']);
  });

  it('explains every problem in plain words', async () => {
    const t = tableFromArrays({ a: Float64Array.from([1, NaN, 3, NaN]), b: Float64Array.from([1, 2, NaN, 4]), name: ['p', 'q', 'r', 's'] });
    await expect(runNode(node, { in: t }, { k: 2 })).rejects.toThrow(
      /3 of 4 rows have a missing value.*"a" \(2\), "b" \(1\).*Fill missing values/,
    );
    await expect(runNode(node, { in: t }, { columns: ['a', 'name'], k: 2 })).rejects.toThrow(/"name" holds text.*One-hot encode/);
    await expect(runNode(node, { in: t }, { columns: ['zzz'], k: 2 })).rejects.toThrow(/"zzz" is not in the table/);
    await expect(runNode(node, { in: tableFromArrays({ name: ['x', 'y'] }) }, { k: 2 })).rejects.toThrow(/no columns of numbers/);
    await expect(runNode(node, { in: tableFromArrays({ a: Float64Array.from([1, 2, 3]) }) }, { k: 5 })).rejects.toThrow(
      /5 segments but the table has only 3 rows/,
    );
    await expect(runNode(node, { in: tableFromArrays({ a: new Float64Array(0) }) }, { k: 2 })).rejects.toThrow(/table is empty/);
    await expect(runNode(node, { in: tableFromArrays({ a: Float64Array.from([1, 1, 2, 2]) }) }, { k: 3 })).rejects.toThrow(
      /only 2 different combinations/,
    );
    await expect(runNode(node, {}, {})).rejects.toThrow(/Nothing is connected/);
  });

  it('warns when columns have very different spreads', async () => {
    const t = tableFromArrays({ small: Float64Array.from([0, 1, 0, 1, 5, 6]), big: Float64Array.from([0, 1000, 50000, 100000, 3, 9]) });
    const { warnings } = await runNode(node, { in: t }, { k: 2 });
    expect(warnings.join(' ')).toMatch(/"big".*Scale features/);
  });

  it('stops when cancelled', async () => {
    const { table } = blobs([2000, 2000], 2, 1);
    const controller = new AbortController();
    controller.abort();
    await expect(runNode(node, { in: table }, { k: 2 }, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
