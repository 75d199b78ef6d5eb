/** Which columns pickers offer as dates, and epoch numbers read as seconds or milliseconds. */
import { describe, expect, it } from 'vitest';
import { describeColumns } from '../../../../src/core/table/column-hints';
import { parseTimes } from '../../../../src/core/table/parse-time';
import { floatVector, stringVector, tableOf } from '../../../../src/core/table/table';

const dates = (t: ReturnType<typeof tableOf>) =>
  describeColumns(t)
    .filter((c) => c.dates)
    .map((c) => c.name);

describe('describeColumns', () => {
  it('text dates in the forms exports write, numbers only when named like a time and in the epoch range', () => {
    const t = tableOf({
      Dt_Customer: stringVector(['04-09-2012', '08-03-2014', null, '21-08-2013']),
      iso: stringVector(['2026-06-30T14:05:09Z', '2026-07-01 08:00', '2026-07-02', '']),
      city: stringVector(['Huế', 'Hà Nội', '2026-06-30', 'Đà Nẵng']),
      time: floatVector(Float64Array.from([1082040961, 1082155839, NaN, 1082414391])),
      created_ms: floatVector(Float64Array.from([1.7e12, 1.71e12, 1.72e12, 1.73e12])),
      user_id: floatVector(Float64Array.from([1082040961, 1082155839, 3, 4])),
      date_count: floatVector(Float64Array.from([1, 2, 3, 4])),
    });
    expect(dates(t)).toEqual(['Dt_Customer', 'iso', 'time', 'created_ms']);
  });
  it('reads only the first rows: a column that turns to text later is still offered', () => {
    const v = [...Array.from({ length: 300 }, () => '2026-06-30'), ...Array.from({ length: 300 }, () => 'n/a')];
    expect(dates(tableOf({ d: stringVector(v) }))).toEqual(['d']);
    expect(dates(tableOf({ d: stringVector(v.reverse()) }))).toEqual([]);
  });
});

describe('parseTimes on numbers', () => {
  it('epoch seconds and epoch milliseconds give the same instant', () => {
    const s = parseTimes(floatVector(Float64Array.from([1082040961, NaN])));
    const ms = parseTimes(floatVector(Float64Array.from([1082040961000])));
    expect(s.ms[0]).toBe(ms.ms[0]);
    expect(new Date(s.ms[0]).toISOString()).toBe('2004-04-15T14:56:01.000Z');
    expect(s.missing).toBe(1);
  });
});
