import { Type } from 'apache-arrow';
import { z } from 'zod';
import { defineNode } from '../src/core/contract/node';
import { kindOf, requireColumn, requireTable, takeRows, toFloat64 } from '../src/core/table/table';
import { columnParam, tableIn, tableOut } from './kit';

/** Shows a table in the data panel, optionally sorted by one column and limited to the first rows. */
export default defineNode({
  type: 'view.table',
  version: 1,
  category: 'view',
  title: { en: 'View table', vi: 'Xem bảng' },
  description: {
    en: 'Shows a table in the data panel, optionally sorted by one column and cut to the first rows.',
    vi: 'Hiển thị một bảng ở khung dữ liệu, có thể sắp xếp theo một cột và chỉ lấy các dòng đầu.',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'Table to view', vi: 'Bảng để xem' })],
  params: z.object({
    sort: columnParam(
      'any',
      { en: 'Sort by', vi: 'Sắp xếp theo' },
      {
        help: {
          en: 'Empty keeps the original order. Missing values go last.',
          vi: 'Để trống để giữ thứ tự ban đầu. Giá trị thiếu xếp cuối.',
        },
      },
    ),
    descending: z
      .boolean()
      .default(false)
      .meta({ when: { param: 'sort', notIn: [''] }, label: { en: 'Largest first', vi: 'Lớn nhất trước' } }),
    limit: z
      .number()
      .int()
      .min(0)
      .default(0)
      .meta({
        label: { en: 'Rows to show', vi: 'Số dòng hiển thị' },
        help: { en: '0 shows every row.', vi: '0 để hiển thị mọi dòng.' },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const n = table.numRows;
    const limit = params.limit > 0 ? Math.min(params.limit, n) : n;
    if (!params.sort) return { out: limit < n ? table.slice(0, limit) : table };
    const vector = requireColumn(table, params.sort);
    const sign = params.descending ? -1 : 1;
    const order = Array.from({ length: n }, (_, i) => i);
    const kind = kindOf(vector.type);
    if (kind === 'number' || (kind === 'date' && vector.type.typeId !== Type.Dictionary)) {
      const x =
        kind === 'number' ? toFloat64(vector) : Float64Array.from(vector as Iterable<unknown>, (v) => (v == null ? NaN : Number(v)));
      order.sort((a, b) => {
        const va = x[a],
          vb = x[b];
        if (va !== va) return vb !== vb ? a - b : 1;
        if (vb !== vb) return -1;
        return va < vb ? -sign : va > vb ? sign : a - b;
      });
    } else {
      const values = Array.from(vector as Iterable<unknown>, (v) => (v == null ? null : String(v)));
      order.sort((a, b) => {
        const va = values[a],
          vb = values[b];
        if (va === null) return vb === null ? a - b : 1;
        if (vb === null) return -1;
        return va < vb ? -sign : va > vb ? sign : a - b;
      });
    }
    await ctx.progress(0.8, { en: 'sorted', vi: 'đã sắp xếp' });
    return { out: takeRows(table, Int32Array.from(order.slice(0, limit))) };
  },
  scale: 'whole',
});
