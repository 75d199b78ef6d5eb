import { Table, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { floatVector, requireColumn, requireTable } from '../src/core/table/table';
import { columnsParam, inform, tableIn, tableOut } from './kit';
import { ident, numberExpr, numbered, ROW, sqlColumn, sqlNumber, sqlString } from '../src/core/sql/quote';

/** One-hot encoding: one 0/1 column per frequent category, the rest in `<col>=other`. */
export default defineNode({
  type: 'feature.encode',
  version: 1,
  category: 'feature',
  title: { en: 'One-hot encode', vi: 'Mã hoá one-hot' },
  description: {
    en: 'Turns category columns (post type, city, channel…) into numbers that clustering can use: one column per category with 1 where the row has it and 0 elsewhere, named like "status_type=video". Rare categories share one "=other" column.',
    vi: 'Đổi các cột phân loại (loại bài đăng, thành phố, kênh…) thành số để phân cụm dùng được: mỗi loại một cột, bằng 1 ở dòng thuộc loại đó và 0 ở dòng khác, đặt tên như "status_type=video". Các loại hiếm dùng chung một cột "=other".',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'Encoded table', vi: 'Bảng đã mã hoá' })],
  params: z.object({
    columns: columnsParam('any', { en: 'Category columns', vi: 'Các cột phân loại' }),
    maxCategories: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(10)
      .meta({
        label: { en: 'Most categories per column', vi: 'Số loại tối đa mỗi cột' },
        help: {
          en: 'The most frequent categories get their own column; the others go to "<column>=other". Empty cells get 0 everywhere.',
          vi: 'Các loại hay gặp nhất có cột riêng; các loại còn lại vào "<cột>=other". Ô trống nhận 0 ở mọi cột.',
        },
      }),
    dropOriginal: z
      .boolean()
      .default(false)
      .meta({ label: { en: 'Remove the original columns', vi: 'Bỏ các cột gốc' } }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    if (!params.columns.length)
      throw new NodeError({ en: 'Choose the category columns to encode.', vi: 'Hãy chọn các cột phân loại cần mã hoá.' });
    const n = table.numRows;
    const encoded = new Map<string, [string, Vector][]>();
    const notes: string[] = [];
    for (let c = 0; c < params.columns.length; c++) {
      const name = params.columns[c];
      const keys = await encodeKeys(requireColumn(table, name), (done) =>
        ctx.progress((c + done / Math.max(1, n)) / params.columns.length, { en: `encoding ${name}`, vi: `đang mã hoá ${name}` }),
      );
      const counts = new Int32Array(keys.values.length);
      for (let i = 0; i < n; i++) if (keys.codes[i] >= 0) counts[keys.codes[i]]++;
      // Most frequent first; ties keep the order of first appearance (sort is stable).
      const order = Array.from(counts.keys()).sort((a, b) => counts[b] - counts[a]);
      const top = order.slice(0, params.maxCategories);
      const slot = new Int32Array(keys.values.length).fill(-1);
      const names = top.map((k) => `${name}=${keys.values[k]}`);
      top.forEach((k, j) => {
        slot[k] = j;
      });
      if (order.length > top.length) {
        let other = names.indexOf(`${name}=other`);
        if (other < 0) {
          other = names.length;
          names.push(`${name}=other`);
        }
        for (const k of order.slice(top.length)) slot[k] = other;
        notes.push(`"${name}" (${order.length - top.length})`);
      }
      const columns = names.map(() => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        const k = keys.codes[i];
        if (k >= 0) columns[slot[k]][i] = 1;
      }
      encoded.set(
        name,
        names.map((col, j) => [col, floatVector(columns[j])]),
      );
      await ctx.progress((c + 1) / params.columns.length, { en: `encoded ${name}`, vi: `đã mã hoá ${name}` });
    }
    if (notes.length)
      inform(ctx, {
        en: `Rare categories were grouped into "=other": ${notes.join(', ')}.`,
        vi: `Các loại hiếm được gộp vào "=other": ${notes.join(', ')}.`,
      });
    const out: Record<string, Vector> = {};
    const created = new Set([...encoded.values()].flatMap((list) => list.map(([col]) => col)));
    for (const f of table.schema.fields) {
      const list = encoded.get(f.name);
      if (!(list && params.dropOriginal) && !created.has(f.name)) out[f.name] = table.getChild(f.name)!;
      if (list) for (const [col, vector] of list) out[col] = vector;
    }
    return { out: new Table(out) };
  },
  // Text and number columns as SQL: the most frequent values (ties: first seen first) from facts,
  // then one 0/1 column each. Yes/no, dates and other values run in TypeScript.
  sql: {
    facts(params, ctx) {
      const input = ctx.inputs.in;
      if (!input || !params.columns.length) return {};
      const facts: Record<string, string> = {};
      params.columns.forEach((name, i) => {
        const c = sqlColumn(input, name);
        if (c.kind !== 'string' && c.kind !== 'number') return;
        const v = c.kind === 'number' ? numberExpr(c.name) : ident(c.name);
        const list = c.kind === 'number' ? 'DOUBLE[]' : 'VARCHAR[]';
        facts[`top${i}`] =
          `SELECT coalesce(list(v ORDER BY c DESC, f), [])::${list} FROM (SELECT v, c, f FROM (SELECT ${v} AS v, count(*) AS c, min(${ROW}) AS f FROM ${numbered(input)} GROUP BY 1) WHERE v IS NOT NULL ORDER BY c DESC, f LIMIT ${params.maxCategories})`;
        facts[`distinct${i}`] = `SELECT CAST(count(DISTINCT ${v}) AS DOUBLE) FROM ${input.relation}`;
      });
      return facts;
    },
    build(params, ctx) {
      const input = ctx.inputs.in;
      if (!input || !params.columns.length) return null;
      const encoded = new Map<string, [string, string][]>();
      for (let i = 0; i < params.columns.length; i++) {
        const name = params.columns[i];
        const c = sqlColumn(input, name);
        const top = ctx.facts[`top${i}`] as (string | number)[] | undefined,
          distinct = ctx.facts[`distinct${i}`];
        if (!Array.isArray(top) || typeof distinct !== 'number') return null;
        const v = c.kind === 'number' ? numberExpr(c.name) : ident(c.name);
        const lit = (x: string | number) => (typeof x === 'number' ? sqlNumber(x) : sqlString(x));
        const conditions = top.map((x) => `${v} = ${lit(x)}`);
        const names = top.map((x) => `${name}=${x}`);
        if (distinct > top.length) {
          const rest = `(${v} IS NOT NULL${top.length ? ` AND ${v} NOT IN (${top.map(lit).join(', ')})` : ''})`;
          const other = names.indexOf(`${name}=other`);
          if (other >= 0) conditions[other] = `(${conditions[other]} OR ${rest})`;
          else {
            names.push(`${name}=other`);
            conditions.push(rest);
          }
        }
        encoded.set(
          name,
          names.map((col, j) => [col, `CASE WHEN ${conditions[j]} THEN 1.0 ELSE 0.0 END`]),
        );
      }
      const created = [...encoded.values()].flatMap((list) => list.map(([col]) => col));
      if (new Set(created).size !== created.length) return null; // two encodings of one name: the memory engine keeps the last
      const createdSet = new Set(created);
      const out: string[] = [];
      for (const c of input.columns) {
        const list = encoded.get(c.name);
        if (!(list && params.dropOriginal) && !createdSet.has(c.name)) out.push(ident(c.name));
        if (list) for (const [col, expr] of list) out.push(`${expr} AS ${ident(col)}`);
      }
      // The memory engine builds its table from an object, which puts names like "12" first.
      if (out.length === 0 || [...input.columns.map((c) => c.name), ...created].some((n) => /^(0|[1-9][0-9]*)$/.test(n))) return null;
      return `SELECT ${out.join(', ')} FROM ${input.relation}`;
    },
  },
  scale: 'reduce',
});
