import { Type, Utf8, type Vector, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { combineCodes } from '../src/core/table/row-keys';
import { ColumnList, columnNames, requireTable, takeRows, takeVector } from '../src/core/table/table';
import type { SqlColumn } from '../src/core/contract/node';
import { ident, numbered, numberExpr, sqlColumn } from '../src/core/sql/quote';
import { columnsParam, DONE, tableIn, tableOut } from './kit';

/** Codes of one key column on both sides, in one shared numbering (numbers and text compared as text when the sides differ). */
async function sharedCodes(left: Vector, right: Vector): Promise<Int32Array> {
  const l = await encodeKeys(left),
    r = await encodeKeys(right);
  const asText = l.kind !== r.kind;
  const ids = new Map<string | number, number>();
  l.values.forEach((v, k) => ids.set(asText ? String(v) : v, k));
  let next = l.values.length;
  const remap = Int32Array.from(r.values, (v) => ids.get(asText ? String(v) : v) ?? next++);
  const out = new Int32Array(left.length + right.length);
  out.set(l.codes);
  for (let i = 0; i < right.length; i++) out[left.length + i] = r.codes[i] < 0 ? -1 : remap[r.codes[i]];
  return out;
}

/** Rows `index` of a column, missing where index is -1. */
function takeOrNull(vector: Vector, index: Int32Array, unmatched: number): Vector {
  const plainType = vector.type.typeId === Type.Dictionary ? new Utf8() : vector.type;
  if (vector.length === 0) return vectorFromArray(new Array(index.length).fill(null), plainType);
  if (!unmatched) return takeVector(vector, index);
  const taken = takeVector(
    vector,
    index.map((r) => (r < 0 ? 0 : r)),
  );
  if (taken.data.length !== 1)
    return vectorFromArray(
      Array.from(index, (r) => (r < 0 ? null : vector.get(r))),
      plainType,
    );
  const d = taken.data[0],
    n = index.length;
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const valid =
      index[i] >= 0 && (!d.nullBitmap || d.nullCount === 0 || (d.nullBitmap[(d.offset + i) >> 3] & (1 << ((d.offset + i) & 7))) !== 0);
    if (valid) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return makeVector(
    makeData({
      type: d.type,
      offset: d.offset,
      length: n,
      nullCount: nulls,
      nullBitmap: bitmap,
      data: d.values,
      valueOffsets: d.valueOffsets,
      dictionary: d.dictionary,
    } as never),
  );
}

/** Adds the columns of a second table to the rows of the first, matching rows by key columns. */
export default defineNode({
  type: 'feature.join',
  version: 1,
  category: 'feature',
  title: { en: 'Join tables', vi: 'Ghép bảng' },
  description: {
    en: 'Adds the columns of a second table (for example per-user features) to the rows of the first (for example users), matching rows whose key columns are equal. A right-table column whose name is already taken gets "_right" added.',
    vi: 'Thêm các cột của bảng thứ hai (ví dụ đặc trưng theo người dùng) vào các dòng của bảng thứ nhất (ví dụ danh sách người dùng), ghép các dòng có cột khoá bằng nhau. Cột của bảng phải trùng tên sẽ được thêm đuôi "_right".',
  },
  inputs: [tableIn({ en: 'Left table', vi: 'Bảng trái' }), tableIn({ en: 'Right table', vi: 'Bảng phải' }, 'right')],
  outputs: [tableOut({ en: 'Joined table', vi: 'Bảng đã ghép' })],
  params: z.object({
    on: columnsParam(
      'any',
      { en: 'Key columns', vi: 'Các cột khoá' },
      {
        help: {
          en: 'Columns with the same name in both tables. Empty keys never match.',
          vi: 'Các cột cùng tên ở cả hai bảng. Khoá trống không bao giờ khớp.',
        },
      },
    ),
    how: z
      .enum(['left', 'inner'])
      .default('left')
      .meta({
        label: { en: 'Rows to keep', vi: 'Các dòng giữ lại' },
        options: {
          left: { en: 'Every left row (empty where no match)', vi: 'Mọi dòng của bảng trái (để trống nếu không khớp)' },
          inner: { en: 'Only rows that match', vi: 'Chỉ các dòng khớp' },
        },
      }),
  }),
  async run(inputs, params, ctx) {
    const left = requireTable(inputs, 'in'),
      right = requireTable(inputs, 'right');
    if (!params.on.length)
      throw new NodeError({
        en: 'Choose the key columns that link the two tables (for example user_id).',
        vi: 'Hãy chọn các cột khoá nối hai bảng (ví dụ user_id).',
      });
    for (const [table, en, vi] of [
      [left, 'left', 'trái'],
      [right, 'right', 'phải'],
    ] as const) {
      const missing = params.on.filter((k) => !columnNames(table).includes(k));
      if (missing.length)
        throw new NodeError({
          en: `The ${en} table has no column "${missing[0]}" to join on. Its columns are: ${columnNames(table).slice(0, 12).join(', ')}.`,
          vi: `Bảng ${vi} không có cột "${missing[0]}" để ghép. Các cột của nó: ${columnNames(table).slice(0, 12).join(', ')}.`,
        });
    }
    const nl = left.numRows,
      nr = right.numRows;
    const codes: Int32Array[] = [];
    for (const k of params.on) codes.push(await sharedCodes(left.getChild(k)!, right.getChild(k)!));
    await ctx.progress(0.3, { en: 'keys read', vi: 'đã đọc các khoá' });
    const { ids, count } = await combineCodes(codes, false, (done) =>
      ctx.progress(0.3 + (0.2 * done) / (nl + nr), { en: 'matching keys', vi: 'đang khớp các khoá' }),
    );
    // Right rows grouped by key (counting sort), then each left row probes its group.
    const start = new Int32Array(count + 1);
    for (let i = 0; i < nr; i++) {
      const id = ids[nl + i];
      if (id >= 0) start[id + 1]++;
    }
    for (let k = 0; k < count; k++) start[k + 1] += start[k];
    const fill = start.slice(0, count),
      order = new Int32Array(start[count]);
    for (let i = 0; i < nr; i++) {
      const id = ids[nl + i];
      if (id >= 0) order[fill[id]++] = i;
    }
    let total = 0,
      matched = 0;
    for (let i = 0; i < nl; i++) {
      const id = ids[i],
        size = id >= 0 ? start[id + 1] - start[id] : 0;
      if (size) matched++;
      total += size || (params.how === 'left' ? 1 : 0);
    }
    const li = new Int32Array(total),
      ri = new Int32Array(total);
    let p = 0;
    for (let i = 0; i < nl; i++) {
      if ((i & 65535) === 0 && i) await ctx.progress(0.5 + (0.3 * i) / nl, { en: 'joining rows', vi: 'đang ghép các dòng' });
      const id = ids[i],
        from = id >= 0 ? start[id] : 0,
        to = id >= 0 ? start[id + 1] : 0;
      for (let j = from; j < to; j++) {
        li[p] = i;
        ri[p++] = order[j];
      }
      if (from === to && params.how === 'left') {
        li[p] = i;
        ri[p++] = -1;
      }
    }
    const unmatched = nl - matched;
    const columns = new ColumnList();
    const base = takeRows(left, li);
    for (const f of base.schema.fields) columns.set(f.name, base.getChild(f.name)!);
    const keys = new Set(params.on);
    for (const f of right.schema.fields) {
      if (keys.has(f.name)) continue;
      let name = f.name;
      if (columns.has(name)) {
        name = `${f.name}_right`;
        for (let s = 2; columns.has(name); s++) name = `${f.name}_right${s}`;
      }
      columns.set(name, takeOrNull(right.getChild(f.name)!, ri, params.how === 'left' ? unmatched : 0));
    }
    const extra = total - matched - (params.how === 'left' ? unmatched : 0);
    ctx.warn({
      en: `${matched} of ${nl} left rows found a match${unmatched ? `; ${unmatched} ${params.how === 'left' ? 'kept with empty right columns' : unmatched > 1 ? 'were left out' : 'was left out'}` : ''}.${extra > 0 ? ` Some keys appear several times in the right table, so ${extra} extra row${extra > 1 ? 's were' : ' was'} added.` : ''}`,
      vi: `${matched} trên ${nl} dòng của bảng trái tìm được dòng khớp${unmatched ? `; ${unmatched} dòng ${params.how === 'left' ? 'được giữ với các cột bảng phải để trống' : 'bị bỏ'}` : ''}.${extra > 0 ? ` Một số khoá xuất hiện nhiều lần trong bảng phải nên có thêm ${extra} dòng.` : ''}`,
    });
    await ctx.progress(1, DONE);
    return { out: columns.toTable() };
  },
  sql: {
    build(params, ctx) {
      const left = ctx.inputs.in,
        right = ctx.inputs.right;
      if (!left || !right || !params.on.length) return null;
      const pairs = params.on.map((k) => [sqlColumn(left, k), sqlColumn(right, k)] as const);
      // Keys of different kinds are compared as text in the memory engine (String(value)): no SQL form.
      if (pairs.some(([l, r]) => l.kind !== r.kind || (l.kind !== 'number' && l.kind !== 'string'))) return null;
      const key = (side: string, c: SqlColumn) =>
        c.kind === 'number' ? numberExpr(c.name).replaceAll(ident(c.name), `${side}.${ident(c.name)}`) : `${side}.${ident(c.name)}`;
      const on = pairs.map(([l, r]) => `${key('l', l)} = ${key('r', r)}`).join(' AND ');
      const names = new Set(left.columns.map((c) => c.name));
      const keys = new Set(params.on);
      const select = left.columns.map((c) => `l.${ident(c.name)}`);
      for (const c of right.columns) {
        if (keys.has(c.name)) continue;
        let name = c.name;
        if (names.has(name)) {
          name = `${c.name}_right`;
          for (let s = 2; names.has(name); s++) name = `${c.name}_right${s}`;
        }
        names.add(name);
        select.push(`r.${ident(c.name)} AS ${ident(name)}`);
      }
      const how = params.how === 'left' ? 'LEFT JOIN' : 'JOIN';
      return `SELECT ${select.join(', ')} FROM ${numbered(left, '__af_l')} AS l ${how} ${numbered(right, '__af_r')} AS r ON ${on} ORDER BY l.__af_l, r.__af_r`;
    },
  },
  scale: { key: 'on' },
});
