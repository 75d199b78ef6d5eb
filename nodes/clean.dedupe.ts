import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { defineNode } from '../src/core/contract/node';
import { combineCodes } from '../src/core/table/row-keys';
import { columnNames, requireColumn, requireTable, takeRows } from '../src/core/table/table';
import { ident, numbered, numberExpr, ROW, sqlColumn } from '../src/core/sql/quote';
import { columnsParam, inform, tableIn, tableOut } from './kit';
import { say } from '../src/core/contract/format';

/** Removes repeated rows: rows with the same values in the key columns (or in every column). */
export default defineNode({
  type: 'clean.dedupe',
  version: 1,
  category: 'clean',
  title: { en: 'Remove duplicates', vi: 'Bỏ dòng trùng lặp' },
  description: {
    en: 'Removes rows that repeat: rows with the same values in the key columns you choose (for example the post id), or in every column. Keeps the first or the last copy; the rows stay in their order.',
    vi: 'Bỏ các dòng lặp lại: các dòng có cùng giá trị ở những cột khoá bạn chọn (ví dụ mã bài đăng), hoặc ở mọi cột. Giữ bản đầu tiên hoặc bản cuối cùng; thứ tự các dòng không đổi.',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'Table without duplicates', vi: 'Bảng không trùng lặp' })],
  params: z.object({
    columns: columnsParam(
      'any',
      { en: 'Key columns', vi: 'Các cột khoá' },
      {
        help: {
          en: 'Rows with the same values in these columns are duplicates. Empty compares whole rows. Empty cells count as equal to each other.',
          vi: 'Các dòng có cùng giá trị ở những cột này là trùng lặp. Để trống để so sánh cả dòng. Các ô trống được coi là bằng nhau.',
        },
      },
    ),
    keep: z
      .enum(['first', 'last'])
      .default('first')
      .meta({
        label: { en: 'Keep', vi: 'Giữ lại' },
        options: { first: { en: 'The first copy', vi: 'Bản đầu tiên' }, last: { en: 'The last copy', vi: 'Bản cuối cùng' } },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const n = table.numRows;
    const keys = params.columns.length ? params.columns : columnNames(table);
    const vectors = keys.map((name) => requireColumn(table, name));
    const codes: Int32Array[] = [];
    for (let c = 0; c < vectors.length; c++) {
      const phase = (done: number) =>
        ctx.progress((0.8 * (c + done / Math.max(1, n))) / vectors.length, { en: `reading ${keys[c]}`, vi: `đang đọc ${keys[c]}` });
      codes.push((await encodeKeys(vectors[c], phase)).codes);
    }
    const { ids, count } = await combineCodes(codes, true, (done) =>
      ctx.progress(0.8 + (0.15 * done) / Math.max(1, n), { en: 'comparing rows', vi: 'đang so sánh các dòng' }),
    );
    const removed = n - count;
    const what = params.columns.length ? keys.map((k) => `"${k}"`).join(', ') : '';
    inform(
      ctx,
      removed
        ? {
            en: `Removed ${removed} duplicate row${removed > 1 ? 's' : ''} (same ${what || 'values in every column'}); ${count} of ${n} rows remain.`,
            vi: `Đã bỏ ${removed} dòng trùng lặp (cùng ${what || 'giá trị ở mọi cột'}); còn lại ${count} trên ${n} dòng.`,
          }
        : { en: `No duplicates found: all ${n} rows are different.`, vi: `Không có dòng trùng lặp: cả ${n} dòng đều khác nhau.` },
    );
    if (!removed) return { out: table };
    const chosen = new Int32Array(count).fill(-1);
    if (params.keep === 'first') {
      for (let i = n - 1; i >= 0; i--) chosen[ids[i]] = i;
    } else {
      for (let i = 0; i < n; i++) chosen[ids[i]] = i;
    }
    const keepMask = new Uint8Array(n);
    for (let k = 0; k < count; k++) keepMask[chosen[k]] = 1;
    const rowsKept = new Int32Array(count);
    for (let i = 0, j = 0; i < n; i++) if (keepMask[i]) rowsKept[j++] = i;
    await ctx.progress(
      1,
      say(
        (f) => `${f.count(removed, 'duplicate', 'duplicates')} removed`,
        (f) => `Đã bỏ ${f.int(removed)} dòng trùng`,
      ),
    );
    return { out: takeRows(table, rowsKept) };
  },
  sql: {
    build(params, ctx) {
      const input = ctx.inputs.in;
      if (!input) return null;
      const keys = (params.columns.length ? params.columns : input.columns.map((c) => c.name)).map((name) => sqlColumn(input, name));
      // Keys compare as the memory engine's codes do: NaN and missing are one value.
      const partition = keys.map((c) => (c.kind === 'number' ? numberExpr(c.name) : ident(c.name))).join(', ');
      const order = params.keep === 'first' ? ROW : `${ROW} DESC`;
      return `SELECT * EXCLUDE (${ROW}) FROM ${numbered(input)} QUALIFY row_number() OVER (PARTITION BY ${partition || '1'} ORDER BY ${order}) = 1 ORDER BY ${ROW}`;
    },
  },
  // Copies of a row must meet: by the key columns (every column when none is chosen).
  scale: { key: 'columns' },
});
