import { TimestampMillisecond, makeData, makeVector, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { isoString, parseTime, parseTimes } from '../src/core/table/parse-time';
import {
  boolVector,
  floatVector,
  kindOf,
  requireColumn,
  requireTable,
  stringVector,
  toFloat64,
  withColumns,
} from '../src/core/table/table';
import { columnsParam, inform, tableIn, tableOut } from './kit';

/**
 * A number as people type it. With both "," and ".", the last one is the decimal mark
 * ("1,234.5" and "1.234,5" are 1234.5). A separator that appears several times groups thousands
 * ("1.234.567"). A lone comma is a decimal mark ("3,5" = 3.5) unless exactly three digits follow it
 * ("1,234" = 1234). A lone dot is always the decimal mark. Spaces are ignored. NaN otherwise.
 */
export function readNumber(text: string): number {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return NaN;
  const comma = s.lastIndexOf(','),
    dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    const many = s.indexOf(',') !== comma;
    s = many || /^[+-]?\d{1,3},\d{3}$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (dot >= 0 && s.indexOf('.') !== dot) s = s.replace(/\./g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't', 'có', 'co', 'đúng', 'dung']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f', 'không', 'khong', 'sai']);

/** Milliseconds (NaN = missing) as an Arrow Timestamp(millisecond) column. */
export function timestampVector(ms: Float64Array): Vector {
  const n = ms.length;
  const data = new BigInt64Array(n);
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (ms[i] === ms[i]) {
      data[i] = BigInt(Math.round(ms[i]));
      bitmap[i >> 3] |= 1 << (i & 7);
    } else nulls++;
  }
  return makeVector(
    makeData({ type: new TimestampMillisecond(), length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, data }),
  );
}

type Target = 'number' | 'boolean' | 'date' | 'text';
interface Converted {
  vector: Vector;
  failed: number;
  example?: string;
  dayFirst?: boolean;
}

/** Converts text once per distinct value. */
async function fromText(vector: Vector, convert: (s: string) => number, onRows: (done: number) => Promise<void>) {
  const keys = await encodeKeys(vector, onRows);
  const mapped = keys.values.map((v) => (String(v).trim() === '' ? NaN : convert(String(v))));
  const out = new Float64Array(keys.codes.length);
  let failed = 0,
    example: string | undefined;
  for (let i = 0; i < out.length; i++) {
    const k = keys.codes[i];
    out[i] = k < 0 ? NaN : mapped[k];
    if (k >= 0 && mapped[k] !== mapped[k] && String(keys.values[k]).trim() !== '') {
      failed++;
      example ??= String(keys.values[k]);
    }
  }
  return { out, failed, example };
}

function refuse(name: string, from: string, to: Target): never {
  const en = { number: 'numbers', boolean: 'yes/no values', date: 'dates', text: 'text' }[to];
  const vi = { number: 'số', boolean: 'giá trị có/không', date: 'ngày tháng', text: 'văn bản' }[to];
  throw new NodeError({
    en: `The column "${name}" holds ${from === 'date' ? 'dates' : 'yes/no values'}, which cannot become ${en}. Remove it from the columns.`,
    vi: `Cột "${name}" chứa ${from === 'date' ? 'ngày tháng' : 'giá trị có/không'}, không thể đổi thành ${vi}. Hãy bỏ cột này khỏi danh sách.`,
  });
}

async function convert(
  name: string,
  vector: Vector,
  to: Target,
  dateFormat: string,
  onRows: (done: number) => Promise<void>,
): Promise<Converted> {
  const kind = kindOf(vector.type);
  if (to === 'text') {
    if (kind === 'string') return { vector, failed: 0 };
    const values =
      kind === 'date'
        ? Array.from(parseTimes(vector).ms, (t) => (t === t ? isoString(t) : null))
        : kind === 'number'
          ? Array.from(toFloat64(vector), (v) => (v === v ? String(v) : null))
          : Array.from(vector as Iterable<unknown>, (v) => (v === null || v === undefined ? null : String(v)));
    return { vector: stringVector(values), failed: 0 };
  }
  if (to === 'number') {
    if (kind === 'number') return { vector, failed: 0 };
    if (kind === 'date') return { vector: floatVector(parseTimes(vector).ms), failed: 0 };
    if (kind === 'boolean')
      return {
        vector: floatVector(Float64Array.from(vector as Iterable<unknown>, (v) => (v === null || v === undefined ? NaN : v ? 1 : 0))),
        failed: 0,
      };
    const r = await fromText(vector, readNumber, onRows);
    return { vector: floatVector(r.out), failed: r.failed, example: r.example };
  }
  if (to === 'boolean') {
    if (kind === 'boolean') return { vector, failed: 0 };
    if (kind === 'date') refuse(name, kind, to);
    if (kind === 'number') return { vector: boolVector(Array.from(toFloat64(vector), (v) => (v === v ? v !== 0 : null))), failed: 0 };
    const r = await fromText(
      vector,
      (s) => {
        const w = s.normalize('NFC').trim().toLowerCase();
        return TRUE.has(w) ? 1 : FALSE.has(w) ? 0 : NaN;
      },
      onRows,
    );
    return { vector: boolVector(Array.from(r.out, (v) => (v === v ? v === 1 : null))), failed: r.failed, example: r.example };
  }
  if (kind === 'boolean') refuse(name, kind, to);
  if (kind === 'date') return { vector: timestampVector(parseTimes(vector).ms), failed: 0 };
  if (kind === 'number') return { vector: timestampVector(toFloat64(vector).map((v) => (Math.abs(v) < 1e11 ? v * 1000 : v))), failed: 0 };
  if (dateFormat === 'auto') {
    const p = parseTimes(vector);
    return { vector: timestampVector(p.ms), failed: p.bad, example: p.example, dayFirst: p.dayFirst };
  }
  const read =
    dateFormat === 'YMD' ? (s: string) => (/^\s*\d{4}\D/.test(s) ? parseTime(s) : NaN) : (s: string) => parseTime(s, dateFormat === 'DMY');
  const r = await fromText(vector, read, onRows);
  return { vector: timestampVector(r.out), failed: r.failed, example: r.example };
}

/** Changes the type of columns: text to numbers, yes/no values or dates, and anything to text. */
export default defineNode({
  type: 'clean.cast',
  version: 1,
  category: 'clean',
  title: { en: 'Change column types', vi: 'Đổi kiểu cột' },
  description: {
    en: 'Turns columns into numbers, yes/no values, dates or text — for example a "published" column written as 4/22/2018 6:00 into real dates. Values that cannot be converted become empty, and the node says how many.',
    vi: 'Đổi các cột thành số, giá trị có/không, ngày tháng hoặc văn bản — ví dụ cột "ngày đăng" viết kiểu 4/22/2018 6:00 thành ngày tháng thật. Giá trị không đổi được sẽ để trống và nút cho biết có bao nhiêu.',
  },
  inputs: [tableIn()],
  outputs: [tableOut()],
  params: z.object({
    columns: columnsParam('any', { en: 'Columns to convert', vi: 'Các cột cần đổi' }),
    to: z
      .enum(['number', 'boolean', 'date', 'text'])
      .default('number')
      .meta({
        label: { en: 'Convert to', vi: 'Đổi thành' },
        help: {
          en: 'Numbers: with both "," and "." the last one is the decimal mark (1,234.5 and 1.234,5 are both 1234.5); a lone comma is a decimal mark (3,5) unless three digits follow it (1,234 = 1234); a repeated separator groups thousands. Yes/no: true/false, yes/no, 1/0, có/không, đúng/sai. Dates from numbers: seconds or milliseconds since 1970.',
          vi: 'Số: khi có cả "," và "." thì dấu đứng sau là dấu thập phân (1,234.5 và 1.234,5 đều là 1234.5); dấu phẩy đứng một mình là dấu thập phân (3,5) trừ khi theo sau là đúng ba chữ số (1,234 = 1234); dấu lặp lại là dấu phân cách hàng nghìn. Có/không: true/false, yes/no, 1/0, có/không, đúng/sai. Ngày từ số: số giây hoặc mili giây từ năm 1970.',
        },
        options: {
          number: { en: 'Numbers', vi: 'Số' },
          boolean: { en: 'Yes/no', vi: 'Có/không' },
          date: { en: 'Dates and times', vi: 'Ngày giờ' },
          text: { en: 'Text', vi: 'Văn bản' },
        },
      }),
    dateFormat: z
      .enum(['auto', 'MDY', 'DMY', 'YMD'])
      .default('auto')
      .meta({
        when: { param: 'to', equals: 'date' },
        label: { en: 'Date order', vi: 'Thứ tự ngày' },
        help: {
          en: 'For dates written with slashes. Automatic reads month/day/year unless the column shows day/month/year (a first part above 12).',
          vi: 'Cho ngày viết bằng dấu gạch chéo. Tự động đọc tháng/ngày/năm trừ khi cột cho thấy ngày/tháng/năm (phần đầu lớn hơn 12).',
        },
        options: {
          auto: { en: 'Automatic', vi: 'Tự động' },
          MDY: { en: 'Month/day/year (4/22/2018)', vi: 'Tháng/ngày/năm (4/22/2018)' },
          DMY: { en: 'Day/month/year (22/4/2018)', vi: 'Ngày/tháng/năm (22/4/2018)' },
          YMD: { en: 'Year-month-day (2018-04-22)', vi: 'Năm-tháng-ngày (2018-04-22)' },
        },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    if (!params.columns.length) {
      throw new NodeError({ en: 'Choose the columns to convert.', vi: 'Hãy chọn các cột cần đổi kiểu.' });
    }
    const n = table.numRows;
    const added: Record<string, Vector> = {};
    const to = params.to as Target;
    for (let c = 0; c < params.columns.length; c++) {
      const name = params.columns[c];
      const onRows = (done: number) =>
        ctx.progress((c + done / Math.max(1, n)) / params.columns.length, { en: `converting ${name}`, vi: `đang chuyển kiểu ${name}` });
      const r = await convert(name, requireColumn(table, name), to, params.dateFormat, onRows);
      added[name] = r.vector;
      if (r.failed) {
        const en = { number: 'numbers', boolean: 'yes/no values', date: 'dates', text: 'text' }[to];
        const vi = { number: 'số', boolean: 'giá trị có/không', date: 'ngày tháng', text: 'văn bản' }[to];
        ctx.warn({
          en: `"${name}": ${r.failed} value${r.failed > 1 ? 's' : ''} could not be read as ${en} and ${r.failed > 1 ? 'are' : 'is'} now empty (for example "${r.example}").`,
          vi: `"${name}": ${r.failed} giá trị không đọc được thành ${vi} và giờ để trống (ví dụ "${r.example}").`,
        });
      }
      if (r.dayFirst)
        inform(ctx, { en: `"${name}": dates were read as day/month/year.`, vi: `"${name}": ngày được đọc theo ngày/tháng/năm.` });
      await ctx.progress((c + 1) / params.columns.length, { en: `converted ${name}`, vi: `đã chuyển kiểu ${name}` });
    }
    return { out: withColumns(table, added) };
  },
  scale: 'rows',
});
