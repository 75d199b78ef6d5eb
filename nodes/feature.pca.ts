import { makeVector, Table, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { pca, project } from '../src/core/ml/pca';
import { chooseColumns, readMatrix } from '../src/core/ml/segments';
import { floatVector, requireTable, stringVector, withColumns } from '../src/core/table/table';
import { columnsParam, tableIn, tableOut } from './kit';
import { say } from '../src/core/contract/format';

/** Principal components: a few new columns that keep most of the spread of many numeric ones. */
export default defineNode({
  type: 'feature.pca',
  version: 2,
  category: 'feature',
  title: { en: 'Principal components (PCA)', vi: 'Thành phần chính (PCA)' },
  description: {
    en: 'Sums up many numeric columns in 2 or 3 new ones (pc1, pc2, pc3) that keep as much of their spread as possible, e.g. to draw segments on a scatter chart. Also gives a table of how much of the spread each component explains. Scale the columns first if they use different units.',
    vi: 'Tóm tắt nhiều cột số thành 2 hoặc 3 cột mới (pc1, pc2, pc3) giữ lại nhiều nhất độ phân tán của chúng, ví dụ để vẽ các phân khúc trên biểu đồ phân tán. Kèm bảng cho biết mỗi thành phần giải thích bao nhiêu phần độ phân tán. Nên chuẩn hoá các cột trước nếu chúng có đơn vị khác nhau.',
  },
  inputs: [tableIn()],
  outputs: [
    tableOut({ en: 'Table with components', vi: 'Bảng kèm thành phần' }),
    tableOut({ en: 'Explained spread', vi: 'Độ phân tán được giải thích' }, 'explained'),
  ],
  params: z.object({
    columns: columnsParam(
      'number',
      { en: 'Columns', vi: 'Các cột' },
      {
        help: {
          en: 'Numeric columns to sum up. Empty uses every numeric column except "segment".',
          vi: 'Các cột số cần tóm tắt. Để trống để dùng mọi cột số trừ "segment".',
        },
      },
    ),
    components: z
      .number()
      .int()
      .min(2)
      .max(3)
      .default(2)
      .meta({
        label: { en: 'Number of components', vi: 'Số thành phần' },
        help: { en: '2 for a flat chart, 3 for one more dimension.', vi: '2 để vẽ biểu đồ phẳng, 3 để thêm một chiều.' },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const columns = chooseColumns(table, params.columns, (note) => ctx.warn(note));
    const n = table.numRows,
      d = columns.length,
      m = params.components;
    if (d < m) {
      throw new NodeError({
        en: `${m} components need at least ${m} numeric columns, but only ${d} ${d === 1 ? 'is' : 'are'} chosen. Choose more columns or fewer components.`,
        vi: `${m} thành phần cần ít nhất ${m} cột số, nhưng mới chọn ${d} cột. Hãy chọn thêm cột hoặc giảm số thành phần.`,
      });
    }
    if (n < 2) throw new NodeError({ en: 'The table needs at least 2 rows.', vi: 'Bảng cần ít nhất 2 dòng.' });
    const { data } = readMatrix(table, columns);
    await ctx.progress(0.3, { en: 'covariance', vi: 'hiệp phương sai' });
    const fit = pca(data, n, d);
    await ctx.progress(0.7, { en: 'projecting', vi: 'đang chiếu' });
    const scores = project(fit, data, n, d, m);
    const added: Record<string, Vector> = {};
    scores.forEach((col, r) => {
      added[`pc${r + 1}`] = floatVector(col);
    });
    const total = fit.variances.reduce((a, b) => a + b, 0) || 1;
    let cum = 0;
    const share = Float64Array.from(fit.variances, (v) => v / total);
    const cumulative = Float64Array.from(share, (s) => (cum += s));
    const top = Array.from({ length: d }, (_, r) => {
      const idx = Array.from({ length: d }, (_, c) => c)
        .sort((a, b) => Math.abs(fit.loadings[r * d + b]) - Math.abs(fit.loadings[r * d + a]))
        .slice(0, 3);
      return idx
        .map((c) => `${columns[c]} ${fit.loadings[r * d + c] >= 0 ? '+' : '−'}${Math.abs(fit.loadings[r * d + c]).toFixed(2)}`)
        .join(', ');
    });
    const explained = new Table({
      component: stringVector(Array.from({ length: d }, (_, r) => `pc${r + 1}`)),
      variance: floatVector(fit.variances),
      share: floatVector(share),
      cumulative: floatVector(cumulative),
      main_columns: stringVector(top),
      kept: makeVector(Int32Array.from({ length: d }, (_, r) => (r < m ? 1 : 0))),
    });
    await ctx.progress(
      1,
      say(
        (f) => `pc1–pc${m}: ${f.pct(cumulative[m - 1])} of the spread`,
        (f) => `pc1–pc${m}: ${f.pct(cumulative[m - 1])} độ phân tán`,
      ),
    );
    return { out: withColumns(table, added), explained };
  },
  scale: 'reduce',
});
