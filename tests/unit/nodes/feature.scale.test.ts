import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.scale';
import { toFloat64 } from '../../../src/core/table/table';
import { expectIpcRoundTrip } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const col = (t: Table, name: string) => Array.from(toFloat64(t.getChild(name)!));
const input = () =>
  tableFromArrays({
    id: ['a', 'b', 'c', 'd', 'e'],
    x: Float64Array.from([1, 2, 3, 4, 10]),
    y: Int32Array.from([5, 5, 5, 5, 5]),
    z: Float64Array.from([2, NaN, 4, 6, 8]),
  });

describe('feature.scale', () => {
  it('z-scores in place with hand-computed values, constant columns to 0 with a warning', async () => {
    // A constant column is scaled only when chosen (the default leaves it out, see scale.defaults).
    const { outputs, warnings } = await runNode(node, { in: input() }, { columns: ['x', 'y', 'z'] });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:Dictionary<Int32, Utf8>',
      'x:Float64',
      'y:Float64',
      'z:Float64',
    ]);
    // x: mean 4, population std sqrt(10) → (x - 4) / sqrt(10)
    const s = Math.sqrt(10);
    col(out, 'x').forEach((v, i) => expect(v).toBeCloseTo([-3 / s, -2 / s, -1 / s, 0, 6 / s][i], 12));
    expect(col(out, 'y')).toEqual([0, 0, 0, 0, 0]);
    // z: values 2, 4, 6, 8 → mean 5, std sqrt(5); the missing one stays missing
    const z = col(out, 'z');
    expect(z[1]).toBeNaN();
    expect(out.getChild('z')!.get(1)).toBeNull();
    expect(z[0]).toBeCloseTo(-3 / Math.sqrt(5), 12);
    expect(warnings.join(' ')).toMatch(/"y" has the same value in every row/);
    expect(out.getChild('id')!.get(4)).toBe('e');
    expectIpcRoundTrip(out);
  });

  it('min-max and robust with hand-computed values', async () => {
    const mm = (await runNode(node, { in: input() }, { columns: ['x'], method: 'minmax' })).outputs.out as Table;
    expect(col(mm, 'x')).toEqual([0, 1 / 9, 2 / 9, 3 / 9, 1]);
    expect(col(mm, 'z')).toEqual(col(input(), 'z')); // not chosen: unchanged
    // x: median 3, q25 = 2, q75 = 4 → IQR 2
    const rb = (await runNode(node, { in: input() }, { columns: ['x'], method: 'robust' })).outputs.out as Table;
    expect(col(rb, 'x')).toEqual([-1, -0.5, 0, 0.5, 3.5]);
  });

  it('refuses text columns and unknown columns in plain words', async () => {
    await expect(runNode(node, { in: input() }, { columns: ['id'] })).rejects.toThrow(
      /"id" does not hold numbers \(it holds text\).*One-hot encode/,
    );
    await expect(runNode(node, { in: input() }, { columns: ['w'] })).rejects.toThrow(/"w" is not in the table/);
    await expect(runNode(node, { in: input() }, { method: 'log' })).rejects.toThrow(/invalid params/);
  });

  it('keeps an empty table empty and a column of only missing values missing', async () => {
    const t = tableFromArrays({ a: Float64Array.from([NaN, NaN]) });
    const { outputs, warnings } = await runNode(node, { in: t }, { columns: ['a'] });
    expect(col(outputs.out as Table, 'a').every(Number.isNaN)).toBe(true);
    expect(warnings.join(' ')).toMatch(/"a" has no values/);
    // By default an empty column is left out, and the note says so.
    expect((await runNode(node, { in: t }, {})).warnings.join(' ')).toMatch(/Left out of the default columns: "a" \(it has no values\)/);
    const e = (await runNode(node, { in: tableFromArrays({ a: new Float64Array(0) }) }, {})).outputs.out as Table;
    expect(e.numRows).toBe(0);
  });
});
