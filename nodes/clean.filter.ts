import type { Table, Vector } from 'apache-arrow';
import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { missingMask } from '../src/core/table/missing';
import { parseTime, parseTimes } from '../src/core/table/parse-time';
import { filterRows, kindOf, requireColumn, requireTable, toFloat64 } from '../src/core/table/table';
import type { Text } from '../src/core/contract/i18n';
import type { SqlInput } from '../src/core/contract/node';
import { ident, missingExpr, normText, numberExpr, sqlColumn, sqlNumber, sqlString } from '../src/core/sql/quote';
import { inform, tableIn, tableOut } from './kit';

const OPS = ['=', '!=', '>', '>=', '<', '<=', 'contains', 'not contains', 'starts with', 'is missing', 'is not missing', 'in'] as const;
type Op = (typeof OPS)[number];
const OP_LABELS: Record<Op, Text> = {
  '=': { en: 'equals', vi: 'bằng' },
  '!=': { en: 'does not equal', vi: 'khác' },
  '>': { en: 'greater than', vi: 'lớn hơn' },
  '>=': { en: 'at least', vi: 'lớn hơn hoặc bằng' },
  '<': { en: 'less than', vi: 'nhỏ hơn' },
  '<=': { en: 'at most', vi: 'nhỏ hơn hoặc bằng' },
  contains: { en: 'contains', vi: 'chứa' },
  'not contains': { en: 'does not contain', vi: 'không chứa' },
  'starts with': { en: 'starts with', vi: 'bắt đầu bằng' },
  'is missing': { en: 'is missing', vi: 'bị thiếu' },
  'is not missing': { en: 'is not missing', vi: 'không thiếu' },
  in: { en: 'is one of (comma list)', vi: 'là một trong (danh sách cách bởi dấu phẩy)' },
};
const COMPARE = new Set<Op>(['=', '!=', '>', '>=', '<', '<=']);

const condition = z.object({
  column: z.string(),
  op: z.enum(OPS).default('=').meta({ options: OP_LABELS }),
  value: z.string().default(''),
});
type Condition = z.output<typeof condition>;

/** Text as compared: NFC (so composed and decomposed Vietnamese accents are equal), lower case, trimmed. */
export const norm = (s: string) => s.normalize('NFC').toLowerCase().trim();
const collator = new Intl.Collator('vi', { sensitivity: 'accent', numeric: true });

/** A number typed by the analyst: "1234.5", "1,5" (decimal comma); NaN when it is not one. */
function typedNumber(text: string): number {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return NaN;
  return Number(/^[+-]?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
}

function notANumber(c: Condition, value: string, date: boolean): NodeError {
  return new NodeError(
    date
      ? {
          en: `The condition on "${c.column}" compares dates, but "${value}" is not a date. Write it like 2026-06-30 or 6/30/2026 14:05.`,
          vi: `Điều kiện trên cột "${c.column}" so sánh ngày tháng, nhưng "${value}" không phải là ngày. Hãy viết như 2026-06-30 hoặc 6/30/2026 14:05.`,
        }
      : {
          en: `The condition on "${c.column}" compares numbers, but "${value}" is not a number. Type a number such as 100 or 2.5.`,
          vi: `Điều kiện trên cột "${c.column}" so sánh số, nhưng "${value}" không phải là số. Hãy nhập một số như 100 hoặc 2.5.`,
        },
  );
}

/** Numeric comparison over a typed array (numbers, or dates as milliseconds). Missing values never match. */
function compareNumbers(x: Float64Array, c: Condition, date: boolean): Uint8Array {
  const n = x.length,
    out = new Uint8Array(n);
  const read = (s: string) => (date ? parseTime(s.trim()) : typedNumber(s));
  if (c.op === 'in') {
    const set = new Set(
      c.value
        .split(',')
        .filter((s) => s.trim() !== '')
        .map((s) => {
          const v = read(s);
          if (v !== v) throw notANumber(c, s.trim(), date);
          return v;
        }),
    );
    for (let i = 0; i < n; i++) out[i] = set.has(x[i]) ? 1 : 0;
    return out;
  }
  const v = read(c.value);
  if (v !== v) throw notANumber(c, c.value, date);
  switch (c.op) {
    case '=':
      for (let i = 0; i < n; i++) out[i] = x[i] === v ? 1 : 0;
      break;
    case '!=':
      for (let i = 0; i < n; i++) out[i] = x[i] === x[i] && x[i] !== v ? 1 : 0;
      break;
    case '>':
      for (let i = 0; i < n; i++) out[i] = x[i] > v ? 1 : 0;
      break;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = x[i] >= v ? 1 : 0;
      break;
    case '<':
      for (let i = 0; i < n; i++) out[i] = x[i] < v ? 1 : 0;
      break;
    default:
      for (let i = 0; i < n; i++) out[i] = x[i] <= v ? 1 : 0;
  }
  return out;
}

/** The test of one text value for a text condition (value already normalised). */
function textTest(op: Op, value: string): (s: string) => boolean {
  const list = value
    .split(',')
    .map(norm)
    .filter((s) => s !== '');
  switch (op) {
    case '=':
      return (s) => s === value;
    case '!=':
      return (s) => s !== value;
    case '>':
      return (s) => collator.compare(s, value) > 0;
    case '>=':
      return (s) => collator.compare(s, value) >= 0;
    case '<':
      return (s) => collator.compare(s, value) < 0;
    case '<=':
      return (s) => collator.compare(s, value) <= 0;
    case 'contains':
      return (s) => s.includes(value);
    case 'not contains':
      return (s) => !s.includes(value);
    case 'starts with':
      return (s) => s.startsWith(value);
    default:
      return (s) => list.includes(s);
  }
}

/** A text condition, evaluated once per distinct value. Missing values never match. */
async function compareText(vector: Vector, c: Condition, onRows: (done: number) => Promise<void>): Promise<Uint8Array> {
  const keys = await encodeKeys(vector, onRows);
  const test = textTest(c.op, norm(c.value));
  const hit = Uint8Array.from(keys.values, (v) => (test(norm(String(v))) ? 1 : 0));
  const out = new Uint8Array(keys.codes.length);
  for (let i = 0; i < out.length; i++) {
    const k = keys.codes[i];
    out[i] = k >= 0 ? hit[k] : 0;
  }
  return out;
}

async function evaluate(table: Table, c: Condition, onRows: (done: number) => Promise<void>): Promise<Uint8Array> {
  if (!c.column)
    throw new NodeError({
      en: 'A condition has no column. Pick a column for every condition, or remove the empty one.',
      vi: 'Có một điều kiện chưa chọn cột. Hãy chọn cột cho mọi điều kiện, hoặc xoá điều kiện trống.',
    });
  const vector = requireColumn(table, c.column);
  if (c.op === 'is missing' || c.op === 'is not missing') {
    const m = missingMask(vector);
    if (c.op === 'is not missing') for (let i = 0; i < m.length; i++) m[i] ^= 1;
    return m;
  }
  const kind = kindOf(vector.type);
  if ((COMPARE.has(c.op) || c.op === 'in') && (kind === 'number' || kind === 'date')) {
    return compareNumbers(kind === 'number' ? toFloat64(vector) : parseTimes(vector).ms, c, kind === 'date');
  }
  return compareText(vector, c, onRows);
}

const describe = (c: Condition) => `${c.column} ${c.op}${c.op.startsWith('is ') ? '' : ` "${c.value}"`}`;

/** Keeps the rows that meet conditions built in a form (all of them, or any of them). */
export default defineNode({
  type: 'clean.filter',
  version: 1,
  category: 'clean',
  title: { en: 'Filter rows', vi: 'Lọc dòng' },
  description: {
    en: 'Keeps only the rows that meet your conditions, such as "likes > 100" or "city is one of Hà Nội, Huế". Text is compared without regard to upper or lower case.',
    vi: 'Chỉ giữ các dòng thoả điều kiện của bạn, ví dụ "likes > 100" hoặc "city là một trong Hà Nội, Huế". Văn bản được so sánh không phân biệt chữ hoa, chữ thường.',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'Kept rows', vi: 'Các dòng giữ lại' })],
  params: z.object({
    conditions: z
      .array(condition)
      .default([])
      .meta({
        label: { en: 'Conditions', vi: 'Điều kiện' },
        help: {
          en: 'Numbers and dates are compared as numbers and dates; text ignores case but not accents ("Huế" ≠ "Hue"). "is one of" takes a comma list. Empty cells only match "is missing". No condition keeps every row.',
          vi: 'Số và ngày được so sánh theo giá trị; văn bản không phân biệt hoa thường nhưng có phân biệt dấu ("Huế" ≠ "Hue"). "là một trong" nhận danh sách cách bởi dấu phẩy. Ô trống chỉ khớp với "bị thiếu". Không có điều kiện thì giữ mọi dòng.',
        },
        widget: 'conditions',
      }),
    match: z
      .enum(['all', 'any'])
      .default('all')
      .meta({
        label: { en: 'Keep rows that meet', vi: 'Giữ các dòng thoả' },
        options: { all: { en: 'All conditions', vi: 'Tất cả điều kiện' }, any: { en: 'Any condition', vi: 'Ít nhất một điều kiện' } },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const n = table.numRows;
    const list = params.conditions;
    if (!list.length) {
      ctx.warn({ en: 'No conditions yet, so every row is kept.', vi: 'Chưa có điều kiện nào nên giữ mọi dòng.' });
      return { out: table };
    }
    const keep = new Uint8Array(n).fill(params.match === 'all' ? 1 : 0);
    for (let k = 0; k < list.length; k++) {
      const step = (done: number) =>
        ctx.progress((k + done / Math.max(1, n)) / list.length, { en: `condition ${k + 1}`, vi: `điều kiện ${k + 1}` });
      const hit = await evaluate(table, list[k], step);
      if (params.match === 'all') for (let i = 0; i < n; i++) keep[i] &= hit[i];
      else for (let i = 0; i < n; i++) keep[i] |= hit[i];
      await ctx.progress((k + 1) / list.length, { en: `condition ${k + 1}`, vi: `điều kiện ${k + 1}` });
    }
    let kept = 0;
    for (let i = 0; i < n; i++) kept += keep[i];
    const how = list.map(describe).join(params.match === 'all' ? ' AND ' : ' OR ');
    inform(ctx, {
      en: `Kept ${kept} of ${n} rows (${how}).`,
      vi: `Giữ ${kept} trên ${n} dòng (${how.replace(/ AND /g, ' VÀ ').replace(/ OR /g, ' HOẶC ')}).`,
    });
    return { out: kept === n ? table : filterRows(table, keep) };
  },
  // Text compared by order (>, <) uses a Vietnamese collator in the memory engine: no SQL form.
  sql: {
    build(params, ctx) {
      const input = ctx.inputs.in;
      if (!input) return null;
      if (!params.conditions.length) return `SELECT * FROM ${input.relation}`;
      const parts: string[] = [];
      for (const c of params.conditions) {
        const part = conditionSql(input, c);
        if (part === null) return null;
        parts.push(`coalesce(${part}, false)`);
      }
      return `SELECT * FROM ${input.relation} WHERE ${parts.join(params.match === 'all' ? ' AND ' : ' OR ')}`;
    },
  },
  scale: 'rows',
});

/** One condition as a SQL test equal to `evaluate`, or null when it has none. */
function conditionSql(input: SqlInput, c: Condition): string | null {
  if (!c.column)
    throw new NodeError({
      en: 'A condition has no column. Pick a column for every condition, or remove the empty one.',
      vi: 'Có một điều kiện chưa chọn cột. Hãy chọn cột cho mọi điều kiện, hoặc xoá điều kiện trống.',
    });
  const column = sqlColumn(input, c.column);
  if (c.op === 'is missing') return missingExpr(column);
  if (c.op === 'is not missing') return `NOT ${missingExpr(column)}`;
  const numeric = column.kind === 'number' || column.kind === 'date';
  if (numeric && (COMPARE.has(c.op) || c.op === 'in')) {
    const date = column.kind === 'date';
    const x = date ? `CAST(epoch_ms(CAST(${ident(column.name)} AS TIMESTAMP)) AS DOUBLE)` : numberExpr(column.name);
    const read = (s: string) => {
      const v = date ? parseTime(s.trim()) : typedNumber(s);
      if (v !== v) throw notANumber(c, s.trim(), date);
      return v;
    };
    if (c.op === 'in') {
      const list = c.value
        .split(',')
        .filter((s) => s.trim() !== '')
        .map((s) => sqlNumber(read(s)));
      return list.length ? `${x} IN (${list.join(', ')})` : 'false';
    }
    const v = sqlNumber(read(c.value));
    return `${x} ${c.op === '=' ? '=' : c.op === '!=' ? '<>' : c.op} ${v}`;
  }
  // Text tests compare String(value) in the memory engine: only text columns read the same here.
  if (column.kind !== 'string') return null;
  const x = normText(ident(column.name));
  const v = norm(c.value);
  switch (c.op) {
    case '=':
      return `${x} = ${sqlString(v)}`;
    case '!=':
      return `${x} <> ${sqlString(v)}`;
    case 'contains':
      return `contains(${x}, ${sqlString(v)})`;
    case 'not contains':
      return `NOT contains(${x}, ${sqlString(v)})`;
    case 'starts with':
      return `starts_with(${x}, ${sqlString(v)})`;
    case 'in': {
      const list = c.value
        .split(',')
        .map(norm)
        .filter((s) => s !== '');
      return list.length ? `${x} IN (${list.map(sqlString).join(', ')})` : 'false';
    }
    default:
      return null;
  }
}
