import { Bool, Float64, Int32, Table, Utf8, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/clean.missing';
import { toFloat64 } from '../../../src/core/table/table';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

function input(): Table {
  return new Table({
    age: vectorFromArray([30, null, 50, 20, null], new Int32()),
    spend: vectorFromArray([1.5, 2.5, NaN, 4.5, 2.5], new Float64()),
    city: vectorFromArray(['HN', '', 'HCM', 'HN', null], new Utf8()),
    vip: vectorFromArray([true, null, false, true, true], new Bool()),
    note: vectorFromArray([null, null, null, null, null], new Utf8()),
  });
}

describe('clean.missing', () => {
  it('drops rows with a missing value in the chosen columns and removes empty columns', async () => {
    const { outputs, warnings, notes } = await runNode(node, { in: input() }, {});
    expect(notes.map((n) => n.vi).join('\n')).toMatch(/Đã bỏ 1 cột hoàn toàn trống: "note"/);
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['age:Int32', 'spend:Float64', 'city:Utf8', 'vip:Bool']);
    expect(rows(out)).toEqual([
      { age: 30, spend: 1.5, city: 'HN', vip: true },
      { age: 20, spend: 4.5, city: 'HN', vip: true },
    ]);
    expect(warnings.join('\n')).toMatch(/Removed 1 completely empty column: "note"/);
    expect(warnings.join('\n')).toMatch(/Removed 3 of 5 rows.*"age" \(2\), "spend" \(1\), "city" \(2\), "vip" \(1\)/);
    expectIpcRoundTrip(out);
  });

  it('drops only by the chosen columns and keeps empty columns when asked', async () => {
    const out = (await runNode(node, { in: input() }, { columns: ['spend'], dropEmptyColumns: false })).outputs.out as Table;
    expect(out.numCols).toBe(5);
    expect(Array.from(toFloat64(out.getChild('spend')!))).toEqual([1.5, 2.5, 4.5, 2.5]);
    expect(out.getChild('city')!.toArray()).toEqual(['HN', '', 'HN', null]);
  });

  it('fills with the mean (numbers) and the most frequent value (text, with a warning)', async () => {
    const { outputs, warnings, notes } = await runNode(node, { in: input() }, { strategy: 'fill' });
    const out = outputs.out as Table;
    expect(Array.from(toFloat64(out.getChild('age')!))).toEqual([30, 100 / 3, 50, 20, 100 / 3]);
    // In Vietnamese the fill values are written with a decimal comma, and nothing is left in English.
    const vi = notes.map((x) => x.vi).join('\n');
    expect(vi).toMatch(/Đã điền 6 ô trống: "age" \(2 ô bằng 33,3333\), "spend" \(1 ô bằng 2,75\)/);
    expect(vi).not.toMatch(/ with /);
    expect(String(out.getChild('age')!.type)).toBe('Float64');
    expect(Array.from(toFloat64(out.getChild('spend')!))).toEqual([1.5, 2.5, 2.75, 4.5, 2.5]);
    expect(out.getChild('city')!.toArray()).toEqual(['HN', 'HN', 'HCM', 'HN', 'HN']);
    expect(Array.from(out.getChild('vip')!)).toEqual([true, true, false, true, true]);
    const all = warnings.join('\n');
    expect(all).toMatch(/"city", "vip" are not numeric, so the most frequent value was used/);
    expect(all).toMatch(
      /Filled 6 missing cells: "age" \(2 with 33.3333\), "spend" \(1 with 2.75\), "city" \(2 with "HN"\), "vip" \(1 with true\)/,
    );
    expectIpcRoundTrip(out);
  });

  it('fills with the median, zero, mode and a constant', async () => {
    const median = (await runNode(node, { in: input() }, { strategy: 'fill', fill: 'median', columns: ['age', 'spend'] })).outputs
      .out as Table;
    expect(Array.from(median.getChild('age')!.toArray() as Int32Array)).toEqual([30, 30, 50, 20, 30]);
    expect(String(median.getChild('age')!.type)).toBe('Int32');
    expect(toFloat64(median.getChild('spend')!)[2]).toBe(2.5);
    const zero = (await runNode(node, { in: input() }, { strategy: 'fill', fill: 'zero', columns: ['spend', 'vip'] })).outputs.out as Table;
    expect(toFloat64(zero.getChild('spend')!)[2]).toBe(0);
    expect(zero.getChild('vip')!.get(1)).toBe(false);
    const mode = (await runNode(node, { in: input() }, { strategy: 'fill', fill: 'mode', columns: ['spend'] })).outputs.out as Table;
    expect(toFloat64(mode.getChild('spend')!)[2]).toBe(2.5);
    const constant = (await runNode(node, { in: input() }, { strategy: 'fill', fill: 'constant', value: 'unknown', columns: ['city'] }))
      .outputs.out as Table;
    expect(constant.getChild('city')!.toArray()).toEqual(['HN', 'unknown', 'HCM', 'HN', 'unknown']);
    await expect(runNode(node, { in: input() }, { strategy: 'fill', fill: 'constant', value: 'abc', columns: ['age'] })).rejects.toThrow(
      /"abc", is not a number, but the column "age" holds numbers/,
    );
    await expect(runNode(node, { in: input() }, { columns: ['x'] })).rejects.toThrow(/"x" is not in the table/);
  });

  it('drops rows of a large table (500k rows, a 430k-word dictionary column) without stalling', async () => {
    const n = 500_000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 10 === 0 ? NaN : i));
    const s = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : `user-${i}`));
    const t = tableFromArrays({ x, s });
    const start = performance.now();
    const out = (await runNode(node, { in: t }, {})).outputs.out as Table;
    const ms = performance.now() - start;
    let expected = 0;
    for (let i = 0; i < n; i++) if (i % 10 !== 0 && i % 7 !== 0) expected++;
    expect(out.numRows).toBe(expected);
    expect(out.getChild('s')!.get(0)).toBe('user-1');
    // A stall detector, not a benchmark (decoding the dictionary into strings once took ~2 s here).
    expect(ms).toBeLessThan(5000);
  });
});
