import { Int32, Table, Type, Utf8, makeData, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import {
  columnNames,
  floatVector,
  kindOf,
  requireColumn,
  requireTable,
  tableOfNamed,
  takeRows,
  toFloat64,
  withColumns,
  type ColumnKind,
} from '../src/core/table/table';
import { missingMask } from '../src/core/table/missing';
import { ident, missingExpr, numberExpr, sqlColumn, sqlNumber, sqlString } from '../src/core/sql/quote';
import { columnsParam, inform, tableIn, tableOut } from './kit';
import { formats, say } from '../src/core/contract/format';
import type { Lang } from '../src/core/contract/i18n';

const count = (mask: Uint8Array) => {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i];
  return c;
};

/** Most frequent value (ties: the one seen first), or undefined when there is none. */
function modeOf<T>(values: ArrayLike<T>, missing: Uint8Array): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined,
    bestCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (missing[i]) continue;
    const v = values[i];
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      bestCount = c;
      best = v;
    }
  }
  // "seen first" among the tied: walk again in order
  if (best === undefined) return undefined;
  for (let i = 0; i < values.length; i++) if (!missing[i] && counts.get(values[i]) === bestCount) return values[i];
  return best;
}

function median(x: Float64Array, missing: Uint8Array, present: number): number {
  const v = new Float64Array(present);
  for (let i = 0, j = 0; i < x.length; i++) if (!missing[i]) v[j++] = x[i];
  v.sort();
  const h = present >> 1;
  return present % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

const TRUE = new Set(['true', 'yes', '1', 'y', 'có', 'đúng']);
const FALSE = new Set(['false', 'no', '0', 'n', 'không', 'sai']);
/** A fill value in a message: numbers in the language's digits (six significant), others as written. */
const show = (v: unknown, lang: Lang) => (typeof v === 'number' ? formats(lang).num(v, 6) : JSON.stringify(v));

/** Drops rows with missing values, or fills them (mean, median, zero, most frequent value, or a constant). */
export default defineNode({
  type: 'clean.missing',
  version: 2,
  category: 'clean',
  title: { en: 'Fill missing values', vi: 'Xử lý giá trị thiếu' },
  description: {
    en: 'Handles empty cells: either removes the rows that have any (in the chosen columns), or fills them with the average, the median, zero, the most frequent value or a value you type. Empty text and "NaN" count as missing. Columns that are completely empty can be removed.',
    vi: 'Xử lý các ô trống: hoặc bỏ các dòng có ô trống (ở các cột đã chọn), hoặc điền vào bằng trung bình, trung vị, số 0, giá trị hay gặp nhất hoặc một giá trị bạn nhập. Văn bản rỗng và "NaN" cũng tính là thiếu. Có thể bỏ các cột hoàn toàn trống.',
  },
  inputs: [tableIn()],
  outputs: [tableOut()],
  params: z.object({
    columns: columnsParam(
      'any',
      { en: 'Columns to check', vi: 'Các cột cần kiểm tra' },
      { help: { en: 'Empty checks every column.', vi: 'Để trống để kiểm tra mọi cột.' } },
    ),
    strategy: z
      .enum(['drop', 'fill'])
      .default('drop')
      .meta({
        label: { en: 'What to do', vi: 'Cách xử lý' },
        options: {
          drop: { en: 'Remove rows with a missing value', vi: 'Bỏ các dòng có giá trị thiếu' },
          fill: { en: 'Fill the missing values', vi: 'Điền vào giá trị thiếu' },
        },
      }),
    fill: z
      .enum(['mean', 'median', 'zero', 'mode', 'constant'])
      .default('mean')
      .meta({
        when: { param: 'strategy', equals: 'fill' },
        label: { en: 'Fill with', vi: 'Điền bằng' },
        help: {
          en: 'Used when filling. Text columns use the most frequent value instead of an average.',
          vi: 'Dùng khi điền. Cột văn bản dùng giá trị hay gặp nhất thay cho trung bình.',
        },
        options: {
          mean: { en: 'Average', vi: 'Trung bình' },
          median: { en: 'Median', vi: 'Trung vị' },
          zero: { en: 'Zero', vi: 'Số 0' },
          mode: { en: 'Most frequent value', vi: 'Giá trị hay gặp nhất' },
          constant: { en: 'A value I type', vi: 'Giá trị tự nhập' },
        },
      }),
    value: z
      .string()
      .default('')
      .meta({
        when: [
          { param: 'strategy', equals: 'fill' },
          { param: 'fill', equals: 'constant' },
        ],
        label: { en: 'Value to fill', vi: 'Giá trị để điền' },
        help: { en: 'Used with "A value I type".', vi: 'Dùng với "Giá trị tự nhập".' },
        widget: 'text',
      }),
    dropEmptyColumns: z
      .boolean()
      .default(true)
      .meta({
        label: { en: 'Remove completely empty columns', vi: 'Bỏ các cột hoàn toàn trống' },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const n = table.numRows;
    const chosen = params.columns.length ? params.columns : columnNames(table);
    for (const name of chosen) requireColumn(table, name);
    const masks = new Map<string, Uint8Array>();
    const missingCount = new Map<string, number>();
    for (const name of chosen) {
      const m = missingMask(table.getChild(name)!);
      masks.set(name, m);
      missingCount.set(name, count(m));
    }

    // Completely empty columns go first (otherwise they would drop every row).
    const removed = params.dropEmptyColumns && n > 0 ? chosen.filter((c) => missingCount.get(c) === n) : [];
    const list = (names: string[]) => names.map((c) => `"${c}"`).join(', ');
    if (removed.length)
      inform(ctx, {
        en: `Removed ${removed.length} completely empty column${removed.length > 1 ? 's' : ''}: ${list(removed)}.`,
        vi: `Đã bỏ ${removed.length} cột hoàn toàn trống: ${list(removed)}.`,
      });
    const kept = new Set(columnNames(table).filter((c) => !removed.includes(c)));
    const base: Table = removed.length
      ? tableOfNamed(
          [...kept],
          [...kept].map((c) => table.getChild(c)!),
        )
      : table;
    const targets = chosen.filter((c) => kept.has(c) && (missingCount.get(c) ?? 0) > 0);

    if (params.strategy === 'drop') {
      const any = new Uint8Array(n);
      for (const c of targets) {
        const m = masks.get(c)!;
        for (let i = 0; i < n; i++) any[i] |= m[i];
      }
      const dropped = count(any);
      if (!dropped) return { out: base };
      const keep = new Int32Array(n - dropped);
      for (let i = 0, j = 0; i < n; i++) if (!any[i]) keep[j++] = i;
      const detail = targets.map((c) => `"${c}" (${missingCount.get(c)})`).join(', ');
      inform(ctx, {
        en: `Removed ${dropped} of ${n} rows that had a missing value in: ${detail}.`,
        vi: `Đã bỏ ${dropped} trên ${n} dòng có giá trị thiếu ở: ${detail}.`,
      });
      await ctx.progress(
        1,
        say(
          (f) => `${f.count(dropped, 'row', 'rows')} removed`,
          (f) => `Đã bỏ ${f.int(dropped)} dòng`,
        ),
      );
      return { out: takeRows(base, keep) };
    }

    // Keyed by the data's column names: no prototype, so "__proto__" is a column like any other.
    const added = Object.create(null) as Record<string, Vector>;
    const usedMode: string[] = [],
      unfillable: string[] = [];
    const filled: { name: string; count: number; fill: unknown }[] = [];
    let cells = 0;
    for (let ci = 0; ci < targets.length; ci++) {
      const name = targets[ci];
      const vector = base.getChild(name)!;
      const missing = masks.get(name)!;
      const present = n - missingCount.get(name)!;
      const kind: ColumnKind = kindOf(vector.type);
      let fill: unknown;
      if (kind === 'number') {
        const x = toFloat64(vector);
        if (params.fill === 'constant') {
          fill = Number(params.value.trim().replace(',', '.'));
          if (params.value.trim() === '' || !Number.isFinite(fill)) {
            throw new NodeError({
              en: `The value to fill, "${params.value}", is not a number, but the column "${name}" holds numbers. Type a number (for example 0), or choose another way to fill.`,
              vi: `Giá trị để điền "${params.value}" không phải là số, nhưng cột "${name}" chứa số. Hãy nhập một số (ví dụ 0), hoặc chọn cách điền khác.`,
            });
          }
        } else if (params.fill === 'zero') fill = 0;
        else if (present === 0) fill = undefined;
        else if (params.fill === 'mean') {
          let s = 0;
          for (let i = 0; i < n; i++) if (!missing[i]) s += x[i];
          fill = s / present;
        } else if (params.fill === 'median') fill = median(x, missing, present);
        else fill = modeOf(x, missing);
        if (fill === undefined) {
          unfillable.push(name);
          continue;
        }
        const f = fill as number;
        const int =
          vector.type.typeId === Type.Int && (vector.type as Int32).bitWidth <= 32 && Number.isInteger(f) && Math.abs(f) < 2 ** 31;
        if (int) {
          const out = new Int32Array(n);
          for (let i = 0; i < n; i++) out[i] = missing[i] ? f : x[i];
          added[name] = makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: out }));
        } else {
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = missing[i] ? f : x[i];
          added[name] = floatVector(out);
        }
      } else {
        const values = Array.from(vector) as unknown[];
        if (kind === 'string') {
          if (params.fill === 'constant') fill = params.value;
          else {
            if (params.fill !== 'mode') usedMode.push(name);
            fill = modeOf(values, missing);
          }
        } else if (kind === 'boolean' && (params.fill === 'constant' || params.fill === 'zero')) {
          const v = params.fill === 'zero' ? 'false' : params.value.trim().toLowerCase();
          if (TRUE.has(v)) fill = true;
          else if (FALSE.has(v)) fill = false;
          else {
            throw new NodeError({
              en: `The column "${name}" holds yes/no values, so the value to fill must be "true" or "false" (it is "${params.value}").`,
              vi: `Cột "${name}" chứa giá trị có/không, nên giá trị để điền phải là "true" hoặc "false" (đang là "${params.value}").`,
            });
          }
        } else {
          if (params.fill !== 'mode') usedMode.push(name);
          fill = modeOf(values, missing);
        }
        if (fill === undefined) {
          unfillable.push(name);
          continue;
        }
        const out = values.map((v, i) => (missing[i] ? fill : v));
        added[name] = vectorFromArray(out, vector.type.typeId === Type.Dictionary ? new Utf8() : vector.type);
      }
      cells += n - present;
      filled.push({ name, count: n - present, fill });
      await ctx.progress((ci + 1) / targets.length, { en: `filled ${name}`, vi: `đã điền ${name}` });
    }
    if (usedMode.length)
      ctx.warn({
        en: `${list(usedMode)} ${usedMode.length > 1 ? 'are' : 'is'} not numeric, so the most frequent value was used instead.`,
        vi: `${list(usedMode)} không phải cột số nên đã dùng giá trị hay gặp nhất.`,
      });
    if (unfillable.length)
      ctx.warn({
        en: `${list(unfillable)} ${unfillable.length > 1 ? 'have' : 'has'} no values to compute a fill from, so ${unfillable.length > 1 ? 'they stay' : 'it stays'} empty.`,
        vi: `${list(unfillable)} không có giá trị nào để tính giá trị điền nên vẫn để trống.`,
      });
    if (cells)
      inform(ctx, {
        en: `Filled ${formats('en').count(cells, 'missing cell', 'missing cells')}: ${filled.map((x) => `"${x.name}" (${formats('en').int(x.count)} with ${show(x.fill, 'en')})`).join(', ')}.`,
        vi: `Đã điền ${formats('vi').int(cells)} ô trống: ${filled.map((x) => `"${x.name}" (${formats('vi').int(x.count)} ô bằng ${show(x.fill, 'vi')})`).join(', ')}.`,
      });
    if (!Object.keys(added).length) return { out: base };
    return { out: withColumns(base, added) };
  },
  // Drop, or fill with zero, a typed value, the mean or the median, as SQL; the most frequent value
  // (its tie rule) and the cases that end in a message run in TypeScript.
  sql: {
    facts(params, ctx) {
      const input = ctx.inputs.in;
      if (!input) return {};
      const chosen = (params.columns.length ? params.columns : input.columns.map((c) => c.name)).map((c) => sqlColumn(input, c));
      const facts: Record<string, string> = {
        missing: `SELECT list_value(CAST(count(*) AS DOUBLE)${chosen.map((c) => `, CAST(count(*) FILTER (WHERE ${missingExpr(c)}) AS DOUBLE)`).join('')}) FROM ${input.relation}`,
      };
      const stat = params.fill === 'mean' ? 'avg' : params.fill === 'median' ? 'median' : '';
      const numbers = chosen.filter((c) => c.kind === 'number');
      if (params.strategy === 'fill' && stat && numbers.length)
        facts.fills = `SELECT list_value(${numbers.map((c) => `CAST(${stat}(${numberExpr(c.name)}) AS DOUBLE)`).join(', ')}) FROM ${input.relation}`;
      return facts;
    },
    build(params, ctx) {
      const input = ctx.inputs.in;
      const counts = ctx.facts.missing as number[] | undefined;
      if (!input || !Array.isArray(counts)) return null;
      const chosen = (params.columns.length ? params.columns : input.columns.map((c) => c.name)).map((c) => sqlColumn(input, c));
      const n = counts[0],
        missing = new Map(chosen.map((c, i) => [c.name, counts[i + 1]]));
      const removed = new Set(params.dropEmptyColumns && n > 0 ? chosen.filter((c) => missing.get(c.name) === n).map((c) => c.name) : []);
      const targets = chosen.filter((c) => !removed.has(c.name) && (missing.get(c.name) ?? 0) > 0);
      const kept = input.columns.filter((c) => !removed.has(c.name));
      const select = (exprs: Map<string, string>) =>
        kept.map((c) => (exprs.has(c.name) ? `${exprs.get(c.name)} AS ${ident(c.name)}` : ident(c.name))).join(', ') || '1 AS __none';
      if (params.strategy === 'drop') {
        const where = targets.length ? ` WHERE NOT (${targets.map(missingExpr).join(' OR ')})` : '';
        return `SELECT ${select(new Map())} FROM ${input.relation}${where}`;
      }
      const numbers = chosen.filter((c) => c.kind === 'number').map((c) => c.name);
      const fills = (ctx.facts.fills ?? []) as (number | null)[];
      const exprs = new Map<string, string>();
      for (const c of targets) {
        const q = ident(c.name);
        if (c.kind === 'number') {
          let f: number | null;
          if (params.fill === 'constant') {
            f = Number(params.value.trim().replace(',', '.'));
            if (params.value.trim() === '' || !Number.isFinite(f)) return null; // the node's own message
          } else if (params.fill === 'zero') f = 0;
          else if (params.fill === 'mode') return null;
          else f = fills[numbers.indexOf(c.name)] ?? null;
          if (f === null || !Number.isFinite(f)) continue; // no values to compute a fill from: stays empty
          const int = /^(TINYINT|SMALLINT|INTEGER)$/i.test(c.sqlType) && Number.isInteger(f) && Math.abs(f) < 2 ** 31;
          exprs.set(
            c.name,
            int
              ? `CAST(CASE WHEN ${missingExpr(c)} THEN ${f} ELSE ${q} END AS INTEGER)`
              : `CASE WHEN ${missingExpr(c)} THEN ${sqlNumber(f)} ELSE CAST(${q} AS DOUBLE) END`,
          );
        } else if (c.kind === 'string' && params.fill === 'constant') {
          exprs.set(c.name, `CASE WHEN ${missingExpr(c)} THEN ${sqlString(params.value)} ELSE ${q} END`);
        } else if (c.kind === 'boolean' && (params.fill === 'constant' || params.fill === 'zero')) {
          const v = params.fill === 'zero' ? 'false' : params.value.trim().toLowerCase();
          if (!TRUE.has(v) && !FALSE.has(v)) return null; // the node's own message
          exprs.set(c.name, `coalesce(${q}, ${TRUE.has(v)})`);
        } else return null; // the most frequent value
      }
      return `SELECT ${select(exprs)} FROM ${input.relation}`;
    },
  },
  scale: 'whole',
});
