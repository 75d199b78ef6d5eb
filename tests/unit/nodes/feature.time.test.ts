import { Int32, Table, TimestampMillisecond, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.time';
import { paramFields } from '../../../src/core/contract/form';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip } from '../../helpers/tables';

const col = (t: Table, name: string) => Array.from(toFloat64(t.getChild(name)!));

describe('feature.time', () => {
  it('reads text dates and adds hour, weekday (1 = Monday), month and recency (default parts)', async () => {
    // 2018-04-22 is a Sunday; 2018-04-16 a Monday.
    const t = new Table({ at: vectorFromArray(['4/22/2018 6:00', '4/16/2018 22:45', null, 'later', '4/21/2018 18:00'], new Utf8()) });
    const { outputs, warnings, notes } = await runNode(node, { in: t }, { column: 'at' });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'at:Utf8',
      'at_hour:Float64',
      'at_weekday:Float64',
      'at_month:Float64',
      'at_recency_days:Float64',
    ]);
    expect(col(out, 'at_hour')).toEqual([6, 22, NaN, NaN, 18]);
    expect(col(out, 'at_weekday')).toEqual([7, 1, NaN, NaN, 6]);
    expect(col(out, 'at_month')).toEqual([4, 4, NaN, NaN, 4]);
    expect(col(out, 'at_recency_days')).toEqual([0, 5 + 7.25 / 24, NaN, NaN, 0.5]);
    expect(warnings).toEqual(['1 value in "at" could not be read as dates (for example "later"); their features are empty.']);
    expect(notes[0].vi).toMatch(/không đọc được thành ngày \(ví dụ "later"\)/);
    expectIpcRoundTrip(out);
  });

  it('works on Arrow timestamps and computes the year on request', async () => {
    const ms = [Date.UTC(2025, 11, 31, 23), Date.UTC(2026, 0, 2, 1)];
    const t = new Table({
      id: vectorFromArray([1, 2], new Int32()),
      ts: makeVector(makeData({ type: new TimestampMillisecond(), length: 2, nullCount: 0, data: BigInt64Array.from(ms.map(BigInt)) })),
    });
    const out = (await runNode(node, { in: t }, { column: 'ts', parts: ['recency_days', 'year'] })).outputs.out as Table;
    expect(out.schema.fields.map((f) => f.name)).toEqual(['id', 'ts', 'ts_year', 'ts_recency_days']);
    expect(col(out, 'ts_year')).toEqual([2025, 2026]);
    expect(col(out, 'ts_recency_days')).toEqual([26 / 24, 0]);
  });

  it('explains problems in both languages', async () => {
    const t = new Table({ a: vectorFromArray(['x', 'yy'], new Utf8()) });
    await expect(runNode(node, { in: t }, {})).rejects.toMatchObject({
      message: 'Choose the date/time column.',
      vi: 'Hãy chọn cột ngày giờ.',
    });
    await expect(runNode(node, { in: t }, { column: 'a', parts: [] })).rejects.toMatchObject({
      message: 'Choose at least one feature to compute.',
    });
    await expect(runNode(node, { in: t }, { column: 'a' })).rejects.toMatchObject({
      message: expect.stringMatching(/No value in "a" could be read as a date/),
      vi: expect.stringMatching(/Không giá trị nào trong "a"/),
    });
    await expect(runNode(node, { in: t }, { column: 'b' })).rejects.toThrow(/The column "b" is not in the table/);
  });

  it('offers the parts as a checkbox list of named options', () => {
    const field = paramFields(node).find((f) => f.key === 'parts')!;
    expect(field.widget).toBe('choices');
    expect(field.options!.map((o) => o.value)).toEqual(['hour', 'weekday', 'month', 'year', 'recency_days']);
    expect(field.options![1].label).toEqual({ en: 'Day of the week', vi: 'Thứ' });
    expect(field.default).toEqual(['hour', 'weekday', 'month', 'recency_days']);
  });
});
