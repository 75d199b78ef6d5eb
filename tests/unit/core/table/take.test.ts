import { Bool, DateMillisecond, Dictionary, Float64, Int32, Int64, Table, Utf8, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { filterRows, takeRows, toFloat64 } from '../../../../src/core/table/table';
import { expectIpcRoundTrip, rows } from '../../../helpers/tables';

function sample(): Table {
  return new Table({
    i: vectorFromArray([1, null, 3, 4, 5], new Int32()),
    big: vectorFromArray([1n, 2n, null, 4n, 5n], new Int64()),
    f: vectorFromArray([0.5, 1.5, null, 3.5, NaN], new Float64()),
    s: vectorFromArray(['an', null, 'Bình', '', 'a much longer piece of text, more than thirty-two bytes'], new Utf8()),
    cat: vectorFromArray(['x', 'y', null, 'x', 'z'], new Dictionary(new Utf8(), new Int32())),
    b: vectorFromArray([true, false, null, true, false], new Bool()),
    d: vectorFromArray([new Date(0), new Date(86400000), null, new Date(3 * 86400000), new Date(4 * 86400000)], new DateMillisecond()),
  });
}

const naive = (t: Table, idx: number[]) => idx.map((i) => t.get(i)!.toJSON());

describe('takeRows', () => {
  it('takes rows of every column type, keeping types and missing values', () => {
    const t = sample();
    const idx = [4, 0, 2, 2, 3, 1];
    const out = takeRows(t, Int32Array.from(idx));
    expect(out.schema.fields.map((f) => String(f.type))).toEqual(t.schema.fields.map((f) => String(f.type)));
    expect(rows(out)).toEqual(naive(t, idx));
    expectIpcRoundTrip(out);
  });

  it('works on sliced tables and tables of several chunks', () => {
    const t = sample();
    const sliced = t.slice(1, 5);
    expect(rows(takeRows(sliced, Int32Array.from([3, 0, 1])))).toEqual(naive(sliced, [3, 0, 1]));
    expect(Array.from(toFloat64(sliced.getChild('f')!))).toEqual([1.5, NaN, 3.5, NaN]);
    const chunked = t.concat(t.slice(2));
    expect(chunked.batches.length).toBeGreaterThan(1);
    const idx = [7, 0, 6, 4, 5, 2];
    expect(rows(takeRows(chunked, Int32Array.from(idx)))).toEqual(naive(chunked, idx));
  });

  it('filters by mask and handles no rows', () => {
    const t = tableFromArrays({ a: Float64Array.from([1, 2, 3]), s: ['p', 'q', 'r'] });
    expect(rows(filterRows(t, Uint8Array.from([1, 0, 1])))).toEqual([
      { a: 1, s: 'p' },
      { a: 3, s: 'r' },
    ]);
    expect(takeRows(t, new Int32Array(0)).numRows).toBe(0);
  });
});
