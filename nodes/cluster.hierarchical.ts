import { Int32, makeData, makeVector } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import type { DendrogramChart } from '../src/core/contract/chart';
import { clustersAtHeight, cutTree, hclust, LINKAGES } from '../src/core/ml/hclust';
import type { Text } from '../src/core/contract/i18n';
import { defineNode } from '../src/core/contract/node';
import { createRandom, seedFrom } from '../src/core/contract/random';
import {
  chooseColumns,
  readMatrix,
  SEGMENT,
  segmentMeans,
  segmentsTable,
  smallSegmentsNote,
  spreadWarning,
  stableLabels,
} from '../src/core/ml/segments';
import { sampleRows } from '../src/core/ml/silhouette';
import { requireTable, withColumns } from '../src/core/table/table';
import { groupColumnsParam, inform, seedParam, segmentOutputs, tableIn } from './kit';
import { say } from '../src/core/contract/format';

const TOP = 60;
/** The largest "Most rows clustered exactly" (the maximum of that setting). */
const MAX_EXACT_ROWS = 20_000;

/** The dendrogram chart: the top merges of Z, leaves numbered 0..L-1, merge j making node L + j. */
function dendrogram(
  Z: Float64Array,
  n: number,
  rows: Int32Array | null,
  segment: Int32Array,
  cut: number,
  linkage: string,
): DendrogramChart {
  const m = Math.min(TOP, n - 1),
    from = n - 1 - m;
  const leafOf = new Map<number, number>();
  const leaves: number[] = [];
  const id = (c: number) => {
    if (c >= n + from) return -1;
    if (!leafOf.has(c)) {
      leafOf.set(c, leaves.length);
      leaves.push(c);
    }
    return leafOf.get(c)!;
  };
  const refs: [number, number, number, number][] = [];
  for (let r = from; r < n - 1; r++) refs.push([Z[r * 4], Z[r * 4 + 1], Z[r * 4 + 2], Z[r * 4 + 3]]);
  refs.forEach(([a, b]) => {
    id(a);
    id(b);
  });
  const L = leaves.length;
  const ref = (c: number) => (c >= n + from ? L + (c - n - from) : leafOf.get(c)!);
  const firstRow = (c: number) => {
    while (c >= n) c = Z[(c - n) * 4];
    return c;
  };
  const sizeOf = (c: number) => (c < n ? 1 : Z[(c - n) * 4 + 3]);
  return {
    kind: 'chart',
    chart: 'dendrogram',
    title: { en: `How the segments merge (${linkage} linkage)`, vi: `Cách các phân khúc gộp lại (liên kết ${linkage})` },
    merges: refs.map(([a, b, h, s]) => [ref(a), ref(b), h, s]),
    labels: leaves.map((c) => (c < n ? `#${rows ? rows[c] : c}` : `(${sizeOf(c)})`)),
    leafSegment: leaves.map((c) => segment[rows ? rows[firstRow(c)] : firstRow(c)]),
    cut,
  };
}

/** Hierarchical (agglomerative) segments: Ward, complete, average or single linkage, cut by k or height. */
export default defineNode({
  type: 'cluster.hierarchical',
  version: 2,
  category: 'cluster',
  title: { en: 'Hierarchical segments', vi: 'Phân khúc phân cấp' },
  description: {
    en: 'Builds a tree of segments by merging the two closest groups again and again (hierarchical clustering), then cuts it into a number of segments or at a height. Adds a "segment" column (0 = the largest), a table of the segments and a dendrogram of the last merges. Exact up to "Most rows"; above it, a random sample is clustered and the other rows join the nearest segment.',
    vi: 'Xây cây phân khúc bằng cách liên tục gộp hai nhóm gần nhau nhất (phân cụm phân cấp), rồi cắt cây thành số phân khúc đã chọn hoặc tại một độ cao. Thêm cột "segment" (0 = lớn nhất), bảng các phân khúc và biểu đồ cây (dendrogram) của các lần gộp cuối. Chính xác đến "Số dòng tối đa"; vượt quá thì phân cụm một mẫu ngẫu nhiên và gán các dòng còn lại vào phân khúc gần nhất.',
  },
  inputs: [tableIn()],
  outputs: segmentOutputs({ en: 'Dendrogram', vi: 'Biểu đồ cây' }, 'dendrogram'),
  params: z.object({
    columns: groupColumnsParam(),
    linkage: z
      .enum(LINKAGES)
      .default('ward')
      .meta({
        label: { en: 'How to measure group distance', vi: 'Cách đo khoảng cách giữa nhóm' },
        help: {
          en: 'Ward makes compact segments of similar size (usual choice); complete, average and single use the farthest, average or closest pair of rows.',
          vi: 'Ward cho các phân khúc gọn, cỡ tương đương (lựa chọn thông dụng); complete, average và single dùng cặp dòng xa nhất, trung bình hoặc gần nhất.',
        },
        options: {
          ward: { en: 'Ward (compact)', vi: 'Ward (gọn)' },
          complete: { en: 'Complete (farthest)', vi: 'Complete (xa nhất)' },
          average: { en: 'Average', vi: 'Trung bình' },
          single: { en: 'Single (closest)', vi: 'Single (gần nhất)' },
        },
      }),
    k: z
      .number()
      .int()
      .min(2)
      .max(50)
      .default(4)
      .meta({
        when: { param: 'height', equals: 0 },
        label: { en: 'Number of segments', vi: 'Số phân khúc' },
        help: { en: 'Where to cut the tree, unless a height is given.', vi: 'Cắt cây thành chừng này phân khúc, trừ khi có độ cao.' },
        widget: 'slider',
      }),
    height: z
      .number()
      .min(0)
      .default(0)
      .meta({
        label: { en: 'Cut height (0 = use the number)', vi: 'Độ cao cắt (0 = dùng số phân khúc)' },
        help: {
          en: 'Cut the tree at this merge distance instead of a number of segments.',
          vi: 'Cắt cây tại khoảng cách gộp này thay vì theo số phân khúc.',
        },
      }),
    maxRows: z
      .number()
      .int()
      .min(100)
      .max(MAX_EXACT_ROWS)
      .default(10_000)
      .meta({
        label: { en: 'Most rows clustered exactly', vi: 'Số dòng tối đa phân cụm chính xác' },
        help: {
          en: 'Memory grows with the square of the rows (10 000 rows ≈ 400 MB). Above this, a sample is used.',
          vi: 'Bộ nhớ tăng theo bình phương số dòng (10 000 dòng ≈ 400 MB). Vượt quá thì dùng một mẫu.',
        },
      }),
    seed: seedParam({
      en: 'Chooses the sample when the table is larger than the limit.',
      vi: 'Dùng để chọn mẫu khi bảng lớn hơn giới hạn.',
    }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const columns = chooseColumns(table, params.columns, (note) => inform(ctx, note));
    const n = table.numRows,
      d = columns.length;
    if (n < 2) {
      throw new NodeError({
        en: `The table has ${n} row(s): at least 2 are needed to form segments. Check the steps before this one.`,
        vi: `Bảng có ${n} dòng: cần ít nhất 2 dòng để tạo phân khúc. Hãy kiểm tra các bước trước.`,
      });
    }
    if (params.height === 0 && params.k > n) {
      throw new NodeError({
        en: `You asked for ${params.k} segments but the table has only ${n} rows. Choose at most ${n} segments.`,
        vi: `Bạn chọn ${params.k} phân khúc nhưng bảng chỉ có ${n} dòng. Hãy chọn tối đa ${n} phân khúc.`,
      });
    }
    const { data, stds, scaled } = readMatrix(table, columns);
    const spread = spreadWarning(columns, stds, scaled);
    if (spread) ctx.warn(spread);

    // Above maxRows: a seeded sample is clustered exactly.
    const rows = n > params.maxRows ? sampleRows(n, params.maxRows, createRandom(seedFrom(params.seed, 'hclust'))) : null;
    const m = rows ? rows.length : n;
    let x = data;
    if (rows) {
      x = new Float64Array(m * d);
      for (let r = 0; r < m; r++) x.set(data.subarray(rows[r] * d, rows[r] * d + d), r * d);
      inform(ctx, sampleNote(n, params.maxRows, m));
    }
    if (params.height === 0) {
      // Identical rows always merge first (at distance 0): with fewer different rows than segments,
      // cutting into k would split identical rows apart. Refused, as k-means does.
      const found = distinctRows(x, m, d, params.k);
      if (found < params.k) {
        const where = rows ? { en: ` (in the sample of ${m} rows)`, vi: ` (trong mẫu ${m} dòng)` } : { en: '', vi: '' };
        throw new NodeError({
          en: `The chosen columns have only ${found} different combinations of values${where.en}, so they cannot be split into ${params.k} segments. Lower the number of segments to ${found} or fewer, or choose more columns.`,
          vi: `Các cột đã chọn chỉ có ${found} tổ hợp giá trị khác nhau${where.vi}, nên không thể chia thành ${params.k} phân khúc. Hãy giảm số phân khúc xuống ${found} hoặc ít hơn, hoặc chọn thêm cột.`,
        });
      }
    }
    const Z = await hclust(x, m, d, params.linkage, (f, msg) => ctx.progress(0.95 * f, msg));
    const k = params.height > 0 ? clustersAtHeight(Z, m, params.height) : params.k;
    if (params.height > 0 && (k < 2 || k > 50)) {
      inform(ctx, {
        en: `Cutting at height ${params.height} gives ${k} segment(s).`,
        vi: `Cắt ở độ cao ${params.height} cho ${k} phân khúc.`,
      });
    }
    const sampleLabels = cutTree(Z, m, k);
    let labels = sampleLabels;
    if (rows) {
      // Every row joins the segment whose sample mean is nearest; sampled rows keep their own segment.
      const centres = segmentMeans(x, m, d, sampleLabels, k);
      labels = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let best = 0,
          bestD = Infinity;
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let c = 0; c < d; c++) {
            const t = data[i * d + c] - centres[j * d + c];
            s += t * t;
          }
          if (s < bestD) {
            bestD = s;
            best = j;
          }
        }
        labels[i] = best;
      }
      for (let r = 0; r < m; r++) labels[rows[r]] = sampleLabels[r];
    }
    const stable = stableLabels(labels, k);
    const means = segmentMeans(data, n, d, stable.labels, k);
    const cut = k > 1 && k < m ? (Z[(m - k - 1) * 4 + 2] + Z[(m - k) * 4 + 2]) / 2 : params.height;
    const small = smallSegmentsNote(stable.sizes, n);
    if (small) ctx.warn(small);
    await ctx.progress(
      1,
      say(
        (f) => `${f.count(k, 'segment', 'segments')}`,
        (f) => `${f.int(k)} phân khúc`,
      ),
    );
    return {
      out: withColumns(table, { [SEGMENT]: makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: stable.labels })) }),
      segments: segmentsTable(columns, stable.sizes, means),
      dendrogram: dendrogram(Z, m, rows, stable.labels, cut, params.linkage),
    };
  },
  scale: 'whole',
});

/** The number of different rows of an m × d matrix, counting no further than `enough`. */
function distinctRows(x: Float64Array, m: number, d: number, enough: number): number {
  const seen = new Set<string>();
  for (let r = 0; r < m && seen.size < enough; r++) {
    let key = '';
    for (let c = 0; c < d; c++) key += (c ? ',' : '') + x[r * d + c];
    seen.add(key);
  }
  return seen.size;
}

/** The note when a sample of `m` of the `n` rows was clustered exactly (`maxRows` the setting). */
export function sampleNote(n: number, maxRows: number, m: number): Text {
  const atMost = maxRows >= MAX_EXACT_ROWS;
  return {
    en: `The table has ${n} rows, more than ${maxRows}: a random sample of ${m} rows was clustered exactly and every other row joined the segment with the nearest average. ${
      atMost
        ? `${MAX_EXACT_ROWS.toLocaleString('en-US')} rows is the most an exact tree can hold here (memory grows with the square of the rows). To place every row by its own distances, use "K-means segments" instead.`
        : 'Raise "Most rows clustered exactly" for an exact tree (memory grows with the square of the rows).'
    }`,
    vi: `Bảng có ${n} dòng, nhiều hơn ${maxRows}: đã phân cụm chính xác một mẫu ngẫu nhiên ${m} dòng, các dòng khác được gán vào phân khúc có trung bình gần nhất. ${
      atMost
        ? `${MAX_EXACT_ROWS.toLocaleString('vi-VN')} dòng là mức tối đa một cây chính xác chứa được ở đây (bộ nhớ tăng theo bình phương số dòng). Để xếp mọi dòng theo khoảng cách của chính nó, hãy dùng "Phân khúc K-means".`
        : 'Tăng "Số dòng tối đa phân cụm chính xác" để có cây chính xác (bộ nhớ tăng theo bình phương số dòng).'
    }`,
  };
}
