/** cluster.hierarchical never splits identical rows silently, says when a column is empty, and tells the truth at its row limit. */
import { Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node, { sampleNote } from '../../../nodes/cluster.hierarchical';
import { runNode } from '../../helpers/run-node';

/** `n` rows cycling through `points` (each a pair x, y). */
const repeated = (points: [number, number][], n: number) =>
  new Table({
    x: vectorFromArray(
      Array.from({ length: n }, (_, i) => points[i % points.length][0]),
      new Float64(),
    ),
    y: vectorFromArray(
      Array.from({ length: n }, (_, i) => points[i % points.length][1]),
      new Float64(),
    ),
  });
const THREE: [number, number][] = [
  [0, 0],
  [5, 5],
  [10, 0],
];

describe('cluster.hierarchical with repeated rows', () => {
  it('refuses more segments than different rows, saying how many there are (as k-means does)', async () => {
    const err = await runNode(node, { in: repeated(THREE, 30) }, { k: 4 }).catch((e: Error & { vi: string }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(
      'The chosen columns have only 3 different combinations of values, so they cannot be split into 4 segments. Lower the number of segments to 3 or fewer, or choose more columns.',
    );
    expect((err as { vi: string }).vi).toContain('chỉ có 3 tổ hợp giá trị khác nhau');
  });

  it('with as many segments as different rows, identical rows share a segment', async () => {
    const { outputs } = await runNode(node, { in: repeated(THREE, 30) }, { k: 3 });
    const seg = Array.from((outputs.out as Table).getChild('segment')!.toArray() as Int32Array);
    for (let i = 3; i < 30; i++) expect(seg[i]).toBe(seg[i % 3]);
    expect(new Set(seg).size).toBe(3);
  });

  it('says so when the shortage is in the sample', async () => {
    const err = await runNode(
      node,
      {
        in: repeated(
          [
            [0, 0],
            [1, 1],
          ],
          300,
        ),
      },
      { k: 3, maxRows: 100 },
    ).catch((e: Error) => e);
    expect((err as Error).message).toContain('(in the sample of 100 rows)');
  });

  it('a cut height never splits identical rows, so it is not refused', async () => {
    const { outputs } = await runNode(node, { in: repeated(THREE, 30) }, { height: 1 });
    expect(new Set((outputs.out as Table).getChild('segment')!.toArray() as Int32Array).size).toBe(3);
  });
});

describe('cluster.hierarchical messages', () => {
  it('an all-empty column is called empty, not text', async () => {
    const t = new Table({ x: vectorFromArray([1, 2, 3, 4], new Float64()), blank: vectorFromArray([null, null, null, null], new Utf8()) });
    const err = await runNode(node, { in: t }, { columns: ['x', 'blank'], k: 2 }).catch((e: Error & { vi: string }) => e);
    expect((err as Error).message).toMatch(/^The column "blank" is empty: every value is missing\./);
    expect((err as Error).message).not.toContain('text');
    expect((err as { vi: string }).vi).toContain('trống');
    // A real text column is still called text.
    const words = new Table({ x: vectorFromArray([1, 2, 3, 4], new Float64()), name: vectorFromArray(['a', 'b', null, 'c'], new Utf8()) });
    const err2 = await runNode(node, { in: words }, { columns: ['x', 'name'], k: 2 }).catch((e: Error) => e);
    expect((err2 as Error).message).toContain('holds text');
  });

  it('at the largest row limit the sample note does not ask to raise it', () => {
    const below = sampleNote(50_000, 10_000, 10_000);
    expect(below.en).toContain('Raise "Most rows clustered exactly"');
    const at = sampleNote(50_000, 20_000, 20_000);
    expect(at.en).not.toContain('Raise');
    expect(at.en).toContain('20,000 rows is the most an exact tree can hold here');
    expect(at.en).toContain('K-means');
    expect(at.vi).toContain('K-means');
    expect(at.vi).not.toContain('Tăng');
  });
});
