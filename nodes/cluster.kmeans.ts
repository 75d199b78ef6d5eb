import { Int32, makeData, makeVector, Table, type Vector } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/errors';
import { kmeans } from '../src/core/kmeans';
import { defineNode } from '../src/core/node';
import { createRandom, seedFrom } from '../src/core/random';
import { floatVector, kindOf, numericColumns, requireColumn, requireTable, toFloat64, withColumns } from '../src/core/table';

const SEGMENT = 'segment';
const RESERVED = new Set([SEGMENT, 'size', 'share', 'inertia']);

/** The columns to cluster on: the chosen ones (checked), or every numeric column except an old `segment`. */
function chooseColumns(table: Table, chosen: string[]): string[] {
  if (chosen.length) {
    for (const name of chosen) {
      const kind = kindOf(requireColumn(table, name).type);
      if (kind !== 'number') {
        const what = kind === 'string' ? { en: 'text', vi: 'văn bản' } : kind === 'boolean' ? { en: 'yes/no values', vi: 'giá trị có/không' } : { en: 'values that are not numbers', vi: 'giá trị không phải số' };
        throw new NodeError({
          en: `The column "${name}" holds ${what.en}, but segments are found from numbers. Remove it from the columns, or turn it into numbers first with "One-hot encode".`,
          vi: `Cột "${name}" chứa ${what.vi}, nhưng phân khúc được tìm từ các cột số. Hãy bỏ cột này khỏi danh sách, hoặc đổi nó thành số trước bằng nút "Mã hoá one-hot".`,
        });
      }
    }
    return chosen;
  }
  const names = numericColumns(table).filter((n) => n !== SEGMENT);
  if (!names.length) {
    throw new NodeError({
      en: 'The table has no columns of numbers to find segments from. Add numeric columns (for example with "Aggregate per user" or "One-hot encode") before this step.',
      vi: 'Bảng không có cột số nào để tìm phân khúc. Hãy tạo cột số (ví dụ bằng "Tổng hợp theo người dùng" hoặc "Mã hoá one-hot") trước bước này.',
    });
  }
  return names;
}

/** The column as Float64Array: the Arrow buffer itself when it is one Float64 chunk without missing values (read only), else a copy. */
function readFloat64(vector: Vector): Float64Array {
  const chunks = vector.data;
  if (chunks.length === 1 && chunks[0].nullCount === 0 && chunks[0].values instanceof Float64Array) return chunks[0].values.subarray(0, vector.length);
  return toFloat64(vector);
}

/** Segments by size, largest first (ties: the one whose first row comes first); returns old → new label. */
function orderSegments(labels: Int32Array, sizes: Int32Array): Int32Array {
  const k = sizes.length;
  const first = new Int32Array(k).fill(labels.length);
  for (let i = labels.length - 1; i >= 0; i--) first[labels[i]] = i;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => sizes[b] - sizes[a] || first[a] - first[b]);
  const map = new Int32Array(k);
  order.forEach((old, j) => { map[old] = j; });
  return map;
}

/** Splits rows into k segments of similar rows (k-means, k-means++ start, seeded). */
export default defineNode({
  type: 'cluster.kmeans',
  version: 1,
  category: 'cluster',
  title: { en: 'K-means segments', vi: 'Phân khúc K-means' },
  description: {
    en: 'Groups rows into a chosen number of segments of similar values in the numeric columns (k-means). Adds a "segment" column (0 = the largest segment) and gives a table of the segments: size, share and average of each column. Scale the columns first if they use very different units.',
    vi: 'Chia các dòng thành số phân khúc đã chọn, mỗi phân khúc gồm các dòng có giá trị giống nhau ở các cột số (k-means). Thêm cột "segment" (0 = phân khúc lớn nhất) và cho một bảng các phân khúc: số dòng, tỷ lệ và trung bình của từng cột. Nên chuẩn hoá các cột trước nếu chúng có đơn vị rất khác nhau.',
  },
  inputs: [{ name: 'in', kind: 'table', title: { en: 'Table', vi: 'Bảng' } }],
  outputs: [
    { name: 'out', kind: 'table', title: { en: 'Table with segment', vi: 'Bảng kèm phân khúc' } },
    { name: 'segments', kind: 'table', title: { en: 'Segments', vi: 'Các phân khúc' } },
  ],
  params: z.object({
    columns: z.array(z.string()).default([]).meta({
      label: { en: 'Columns to group by', vi: 'Các cột dùng để phân nhóm' },
      help: { en: 'Numeric columns that describe each row. Empty uses every numeric column.', vi: 'Các cột số mô tả mỗi dòng. Để trống để dùng mọi cột số.' },
      widget: 'columns',
      columnType: 'number',
    }),
    // A later version adds `"auto"` (k chosen by silhouette between kMin and kMax) as a union here.
    k: z.number().int().min(2).max(50).default(4).meta({
      label: { en: 'Number of segments', vi: 'Số phân khúc' },
      help: { en: 'How many groups to split the rows into (2–50).', vi: 'Số nhóm cần chia các dòng (2–50).' },
      widget: 'slider',
    }),
    seed: z.number().int().default(42).meta({
      label: { en: 'Random seed', vi: 'Hạt giống ngẫu nhiên' },
      help: { en: 'The same seed always gives the same segments. Change it to try another starting point.', vi: 'Cùng một hạt giống luôn cho cùng kết quả. Đổi nó để thử điểm bắt đầu khác.' },
    }),
    maxIterations: z.number().int().min(1).max(10_000).default(300).meta({
      label: { en: 'Maximum rounds', vi: 'Số vòng tối đa' },
      help: { en: 'Stops after this many rounds even if segments still move.', vi: 'Dừng sau chừng này vòng dù các phân khúc vẫn còn thay đổi.' },
    }),
    tolerance: z.number().min(0).max(1).default(1e-4).meta({
      label: { en: 'Stop when changes are below', vi: 'Dừng khi thay đổi nhỏ hơn' },
      help: { en: 'How little the segment centres may move (relative to the spread of the data) to count as settled.', vi: 'Mức dịch chuyển tâm phân khúc (so với độ phân tán của dữ liệu) đủ nhỏ để coi là ổn định.' },
    }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const columns = chooseColumns(table, params.columns);
    const n = table.numRows, d = columns.length, k = params.k;
    if (n === 0) {
      throw new NodeError({
        en: 'The table is empty, so there is nothing to group. Check the steps before this one.',
        vi: 'Bảng đang trống nên không có gì để phân nhóm. Hãy kiểm tra các bước trước.',
      });
    }
    if (k > n) {
      throw new NodeError({
        en: `You asked for ${k} segments but the table has only ${n} rows. Choose at most ${n} segments.`,
        vi: `Bạn chọn ${k} phân khúc nhưng bảng chỉ có ${n} dòng. Hãy chọn tối đa ${n} phân khúc.`,
      });
    }

    // Flat row-major matrix; refuse missing values with a pointer to the fix.
    const data = new Float64Array(n * d);
    const stds: number[] = [];
    let badRows = 0;
    const badByColumn: [string, number][] = [];
    const bad = new Uint8Array(n);
    const cols = columns.map((name) => readFloat64(requireColumn(table, name)));
    for (let c = 0; c < d; c++) {
      const col = cols[c];
      let missing = 0, sum = 0, sq = 0;
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v - v !== 0) { // NaN or ±Infinity
          missing++;
          if (!bad[i]) { bad[i] = 1; badRows++; }
        } else { sum += v; sq += v * v; }
      }
      if (missing) badByColumn.push([columns[c], missing]);
      const m = n - missing;
      stds.push(m ? Math.sqrt(Math.max(0, sq / m - (sum / m) ** 2)) : 0);
    }
    // Row-major copy, written sequentially (column by column would miss the cache on every write).
    for (let i = 0, p = 0; i < n; i++) for (let c = 0; c < d; c++, p++) data[p] = cols[c][i];
    if (badRows) {
      const list = badByColumn.map(([c, m]) => `"${c}" (${m})`).join(', ');
      throw new NodeError({
        en: `${badRows} of ${n} rows have a missing value in the chosen columns: ${list}. Add a "Fill missing values" step before this one to fill or drop them.`,
        vi: `${badRows} trên ${n} dòng bị thiếu giá trị ở các cột đã chọn: ${list}. Hãy thêm bước "Xử lý giá trị thiếu" trước bước này để điền hoặc bỏ các dòng đó.`,
      });
    }
    const positive = stds.filter((s) => s > 0);
    if (d > 1 && positive.length > 1 && Math.max(...positive) > 10 * Math.min(...positive)) {
      const wide = columns[stds.indexOf(Math.max(...positive))];
      ctx.warn({ en: `The columns have very different spreads ("${wide}" varies the most), so it decides most of the segments. Add "Scale features" before this step to give every column a similar weight.`, vi: `Các cột có độ phân tán rất khác nhau ("${wide}" lớn nhất) nên cột này quyết định phần lớn phân khúc. Hãy thêm bước "Chuẩn hoá đặc trưng" trước bước này.` });
    }

    const fit = await kmeans(data, n, d, {
      k,
      random: createRandom(seedFrom(params.seed)),
      maxIterations: params.maxIterations,
      tolerance: params.tolerance,
      progress: (f, message) => ctx.progress(f, message),
    });
    if (!fit.converged) {
      ctx.warn({ en: `The segments were still changing after ${fit.iterations} rounds; raise "Maximum rounds" for a settled result.`, vi: `Các phân khúc vẫn còn thay đổi sau ${fit.iterations} vòng; hãy tăng "Số vòng tối đa".` });
    }

    // Stable labels: 0 = largest segment.
    const map = orderSegments(fit.labels, fit.sizes);
    const segment = new Int32Array(n);
    for (let i = 0; i < n; i++) segment[i] = map[fit.labels[i]];
    const size = new Int32Array(k), share = new Float64Array(k), inertia = new Float64Array(k);
    const means = columns.map(() => new Float64Array(k));
    for (let old = 0; old < k; old++) {
      const j = map[old];
      size[j] = fit.sizes[old];
      share[j] = fit.sizes[old] / n;
      inertia[j] = fit.clusterInertia[old];
      for (let c = 0; c < d; c++) means[c][j] = fit.centers[old * d + c];
    }
    const segCols: Record<string, Vector> = {
      segment: makeVector(Int32Array.from({ length: k }, (_, j) => j)),
      size: makeVector(size),
      share: floatVector(share),
      inertia: floatVector(inertia),
    };
    columns.forEach((name, c) => {
      segCols[RESERVED.has(name) || name in segCols ? `mean_${name}` : name] = floatVector(means[c]);
    });
    await ctx.progress(1, `${k} segments, total within-segment sum of squares ${fit.inertia.toPrecision(6)}`);
    const segmentVector = makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: segment }));
    return { out: withColumns(table, { [SEGMENT]: segmentVector }), segments: new Table(segCols) };
  },
});
