import type { Vector } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { DAY_MS, hourOf, parseTimes } from '../src/core/table/parse-time';
import { floatVector, requireColumn, requireTable, withColumns } from '../src/core/table/table';
import { ident, sqlColumn } from '../src/core/sql/quote';
import { columnParam, DONE, inform, tableIn, tableOut } from './kit';

const PARTS = ['hour', 'weekday', 'month', 'year', 'recency_days'] as const;
type Part = (typeof PARTS)[number];

/** Calendar features of a date/time column: hour, weekday, month, year and days before the latest time. */
export default defineNode({
  type: 'feature.time',
  version: 2,
  category: 'feature',
  title: { en: 'Time features', vi: 'Đặc trưng thời gian' },
  description: {
    en: 'Splits a date/time column into numbers that describe when something happened: hour of the day, day of the week, month, year, and how many days before the latest date in the column. Text dates (2018-04-22 06:00, 4/22/2018 6:00) are read automatically.',
    vi: 'Tách một cột ngày giờ thành các số mô tả thời điểm: giờ trong ngày, thứ trong tuần, tháng, năm, và số ngày trước ngày gần nhất trong cột. Ngày dạng văn bản (2018-04-22 06:00, 4/22/2018 6:00) được đọc tự động.',
  },
  inputs: [tableIn()],
  outputs: [tableOut()],
  params: z.object({
    column: columnParam('date', { en: 'Date/time column', vi: 'Cột ngày giờ' }),
    parts: z
      .array(z.enum(PARTS))
      .default(['hour', 'weekday', 'month', 'recency_days'])
      .meta({
        label: { en: 'Features', vi: 'Đặc trưng' },
        help: {
          en: 'New columns <column>_hour (0–23), _weekday (1 = Monday … 7 = Sunday), _month (1–12), _year, _recency_days (days before the latest time in the column, with fractions). Times are read as written (no time-zone shift).',
          vi: 'Cột mới <cột>_hour (0–23), _weekday (1 = thứ Hai … 7 = Chủ nhật), _month (1–12), _year, _recency_days (số ngày trước thời điểm gần nhất trong cột, có phần lẻ). Giờ được đọc như đã ghi (không đổi múi giờ).',
        },
        options: {
          hour: { en: 'Hour', vi: 'Giờ' },
          weekday: { en: 'Day of the week', vi: 'Thứ' },
          month: { en: 'Month', vi: 'Tháng' },
          year: { en: 'Year', vi: 'Năm' },
          recency_days: { en: 'Days ago', vi: 'Số ngày trước' },
        },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    if (!params.column) throw new NodeError({ en: 'Choose the date/time column.', vi: 'Hãy chọn cột ngày giờ.' });
    if (!params.parts.length)
      throw new NodeError({ en: 'Choose at least one feature to compute.', vi: 'Hãy chọn ít nhất một đặc trưng cần tính.' });
    const name = params.column;
    const parsed = parseTimes(requireColumn(table, name));
    const ms = parsed.ms,
      n = ms.length;
    let max = -Infinity;
    for (let i = 0; i < n; i++) if (ms[i] > max) max = ms[i];
    if (n && max === -Infinity) {
      throw new NodeError({
        en: `No value in "${name}" could be read as a date or time${parsed.example ? ` (for example "${parsed.example}")` : ''}. Choose a date column, or write dates like 2026-06-30 14:05.`,
        vi: `Không giá trị nào trong "${name}" đọc được thành ngày giờ${parsed.example ? ` (ví dụ "${parsed.example}")` : ''}. Hãy chọn một cột ngày, hoặc viết ngày như 2026-06-30 14:05.`,
      });
    }
    if (parsed.bad)
      ctx.warn({
        en: `${parsed.bad} value${parsed.bad > 1 ? 's' : ''} in "${name}" could not be read as dates (for example "${parsed.example}"); their features are empty.`,
        vi: `${parsed.bad} giá trị trong "${name}" không đọc được thành ngày (ví dụ "${parsed.example}"); các đặc trưng của chúng để trống.`,
      });
    if (parsed.dayFirst)
      inform(ctx, { en: `Dates in "${name}" were read as day/month/year.`, vi: `Ngày trong "${name}" được đọc theo ngày/tháng/năm.` });
    const parts = PARTS.filter((p) => params.parts.includes(p));
    const out: Record<Part, Float64Array> = Object.fromEntries(parts.map((p) => [p, new Float64Array(n)])) as Record<Part, Float64Array>;
    const d = new Date(0);
    for (let i = 0; i < n; i++) {
      if ((i & 65535) === 0 && i) await ctx.progress(i / n, { en: 'computing time features', vi: 'đang tính đặc trưng thời gian' });
      const t = ms[i];
      if (t !== t) {
        for (const p of parts) out[p][i] = NaN;
        continue;
      }
      d.setTime(t);
      if (out.hour) out.hour[i] = hourOf(t);
      if (out.weekday) out.weekday[i] = ((d.getUTCDay() + 6) % 7) + 1;
      if (out.month) out.month[i] = d.getUTCMonth() + 1;
      if (out.year) out.year[i] = d.getUTCFullYear();
      if (out.recency_days) out.recency_days[i] = (max - t) / DAY_MS;
    }
    const added: Record<string, Vector> = {};
    for (const p of parts) added[`${name}_${p}`] = floatVector(out[p]);
    await ctx.progress(1, DONE);
    return { out: withColumns(table, added) };
  },
  // Only for a date/time column: text dates go through our own reader (day/month detection…).
  sql: {
    build(params, ctx) {
      const input = ctx.inputs.in;
      if (!input || !params.column || !params.parts.length) return null;
      const column = sqlColumn(input, params.column);
      if (column.kind !== 'date') return null;
      const t = `CAST(${ident(column.name)} AS TIMESTAMP)`;
      const expr: Record<Part, string> = {
        hour: `CAST(hour(${t}) AS DOUBLE)`,
        weekday: `CAST(isodow(${t}) AS DOUBLE)`,
        month: `CAST(month(${t}) AS DOUBLE)`,
        year: `CAST(year(${t}) AS DOUBLE)`,
        recency_days: `(max(epoch_ms(${t})) OVER () - epoch_ms(${t})) / 86400000.0`,
      };
      const added = new Map(PARTS.filter((p) => params.parts.includes(p)).map((p) => [`${params.column}_${p}`, expr[p]]));
      const kept = input.columns.map((c) => (added.has(c.name) ? `${added.get(c.name)} AS ${ident(c.name)}` : ident(c.name)));
      const have = new Set(input.columns.map((c) => c.name));
      const extra = [...added].filter(([name]) => !have.has(name)).map(([name, e]) => `${e} AS ${ident(name)}`);
      return `SELECT ${[...kept, ...extra].join(', ')} FROM ${input.relation}`;
    },
  },
  // The days before the latest time need the latest time of all rows: one max, combined.
  scale: 'reduce',
});
