import { Bool, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node, { readNumber } from '../../../nodes/clean.cast';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip } from '../../helpers/tables';

const text = (values: (string | null)[]) => vectorFromArray(values, new Utf8());
const cast = (columns: Record<string, ReturnType<typeof text>>, params: Record<string, unknown>) =>
  runNode(node, { in: new Table(columns) }, params);

describe('clean.cast', () => {
  it('reads numbers written in English and Vietnamese styles (documented rule)', () => {
    const cases: [string, number][] = [
      ['1,234.5', 1234.5],
      ['1.234,5', 1234.5],
      ['3,5', 3.5],
      ['1,234', 1234],
      ['1.234.567', 1234567],
      ['1,234,567', 1234567],
      ['2.5', 2.5],
      [' -7 ', -7],
      ['1 234', 1234],
      ['1e3', 1000],
      ['.5', 0.5],
      ['12abc', NaN],
      ['', NaN],
      ['1,2,3.4.5', NaN],
    ];
    for (const [s, want] of cases) expect(readNumber(s), s).toEqual(want);
  });

  it('turns text into numbers; unreadable values become missing with a note and an example', async () => {
    const { outputs, warnings, notes } = await cast(
      { amount: text(['1,234.5', '1.234,5', null, 'n/a', '', '42', 'abc']) },
      { columns: ['amount'] },
    );
    const out = outputs.out as Table;
    expect(String(out.getChild('amount')!.type)).toBe('Float64');
    expect(Array.from(toFloat64(out.getChild('amount')!))).toEqual([1234.5, 1234.5, NaN, NaN, NaN, 42, NaN]);
    expect(out.getChild('amount')!.nullCount).toBe(4);
    expect(warnings).toEqual(['"amount": 2 values could not be read as numbers and are now empty (for example "n/a").']);
    expect(notes[0].vi).toBe('"amount": 2 giá trị không đọc được thành số và giờ để trống (ví dụ "n/a").');
    expectIpcRoundTrip(out);
  });

  it('turns text and numbers into yes/no values, in English and Vietnamese', async () => {
    const t = new Table({
      a: text(['Yes', 'không', 'TRUE', 'Có', 'maybe', null]),
      b: vectorFromArray([0, 2, NaN, 1, -1, 0], new Float64()),
    });
    const { outputs, warnings } = await runNode(node, { in: t }, { columns: ['a', 'b'], to: 'boolean' });
    const out = outputs.out as Table;
    expect(out.getChild('a')!.toArray()).toEqual([true, false, true, true, null, null]);
    expect(Array.from(out.getChild('b')!)).toEqual([false, true, null, true, true, false]);
    expect(String(out.getChild('a')!.type)).toBe('Bool');
    expect(warnings).toEqual(['"a": 1 value could not be read as yes/no values and is now empty (for example "maybe").']);
    expectIpcRoundTrip(out);
  });

  it('turns US, day-first and ISO dates into millisecond timestamps', async () => {
    const us = await cast({ d: text(['4/22/2018 6:00', '12/31/2017 23:59', 'soon', null]) }, { columns: ['d'], to: 'date' });
    const out = us.outputs.out as Table;
    expect(String(out.getChild('d')!.type)).toBe('Timestamp<MILLISECOND>');
    expect(Array.from(out.getChild('d')!)).toEqual([Date.UTC(2018, 3, 22, 6), Date.UTC(2017, 11, 31, 23, 59), null, null]);
    expect(us.warnings).toEqual(['"d": 1 value could not be read as dates and is now empty (for example "soon").']);
    expectIpcRoundTrip(out);
    const auto = await cast({ d: text(['22/4/2018', '3/4/2018']) }, { columns: ['d'], to: 'date' });
    expect(Array.from((auto.outputs.out as Table).getChild('d')!)).toEqual([Date.UTC(2018, 3, 22), Date.UTC(2018, 3, 3)]);
    expect(auto.warnings).toEqual(['"d": dates were read as day/month/year.']);
    const dmy = await cast({ d: text(['3/4/2018', '2018-04-05T10:00:00Z']) }, { columns: ['d'], to: 'date', dateFormat: 'DMY' });
    expect(Array.from((dmy.outputs.out as Table).getChild('d')!)).toEqual([Date.UTC(2018, 3, 3), Date.UTC(2018, 3, 5, 10)]);
    const ymd = await cast({ d: text(['2018-04-05', '4/5/2018']) }, { columns: ['d'], to: 'date', dateFormat: 'YMD' });
    expect(Array.from((ymd.outputs.out as Table).getChild('d')!)).toEqual([Date.UTC(2018, 3, 5), null]);
    const epoch = await runNode(
      node,
      { in: new Table({ s: vectorFromArray([1524376800, 1524376800000], new Float64()) }) },
      { columns: ['s'], to: 'date' },
    );
    expect(Array.from((epoch.outputs.out as Table).getChild('s')!)).toEqual([1524376800000, 1524376800000]);
  });

  it('turns anything into text and leaves other columns alone', async () => {
    const t = new Table({
      n: vectorFromArray([1.5, NaN], new Float64()),
      b: vectorFromArray([true, false], new Bool()),
      k: vectorFromArray([7, 8], new Int32()),
    });
    const out = (await runNode(node, { in: t }, { columns: ['n', 'b'], to: 'text' })).outputs.out as Table;
    expect(out.getChild('n')!.toArray()).toEqual(['1.5', null]);
    expect(out.getChild('b')!.toArray()).toEqual(['true', 'false']);
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['n:Utf8', 'b:Utf8', 'k:Int32']);
  });

  it('explains what it cannot do, in both languages', async () => {
    const t = new Table({ b: vectorFromArray([true], new Bool()) });
    await expect(runNode(node, { in: t }, { columns: ['b'], to: 'date' })).rejects.toMatchObject({
      message: 'The column "b" holds yes/no values, which cannot become dates. Remove it from the columns.',
      vi: expect.stringMatching(/không thể đổi thành ngày tháng/),
    });
    await expect(runNode(node, { in: t }, {})).rejects.toMatchObject({
      message: 'Choose the columns to convert.',
      vi: 'Hãy chọn các cột cần đổi kiểu.',
    });
    await expect(runNode(node, { in: t }, { columns: ['x'] })).rejects.toThrow(/The column "x" is not in the table/);
  });
});
