import { Int32, makeData, makeVector } from 'apache-arrow';
import { z } from 'zod';
import type { LineChart } from '../src/core/contract/chart';
import { NodeError } from '../src/core/contract/errors';
import { kmeans, type KMeansFit } from '../src/core/ml/kmeans/fit';
import { defineNode } from '../src/core/contract/node';
import { createRandom, seedFrom } from '../src/core/contract/random';
import {
  autoEdgeNote,
  chooseColumns,
  orderSegments,
  readMatrix,
  SEGMENT,
  segmentsTable,
  smallSegmentsNote,
  spreadWarning,
} from '../src/core/ml/segments';
import { meanSilhouette } from '../src/core/ml/silhouette';
import { requireTable, withColumns } from '../src/core/table/table';
import { groupColumnsParam, inform, seedParam, segmentOutputs, tableIn } from './kit';
import { say } from '../src/core/contract/format';

type Fitted = { fit: KMeansFit; silhouette: number; sampled: number };

/** The line chart of inertia (and silhouette, when it was measured) per k, with the chosen k marked. */
function scoresChart(ks: number[], fits: Fitted[], chosen: number, withSilhouette: boolean): LineChart {
  return {
    kind: 'chart',
    chart: 'line',
    title: withSilhouette
      ? {
          en: 'How well each number of segments fits (higher silhouette is better)',
          vi: 'Mức phù hợp của từng số phân khúc (silhouette càng cao càng tốt)',
        }
      : {
          en: 'Within-segment sum of squares (turn on "Measure separation" to add the silhouette)',
          vi: 'Tổng bình phương trong phân khúc (bật "Đo độ tách biệt" để thêm silhouette)',
        },
    x: ks,
    xLabel: 'k',
    mark: chosen,
    series: [
      { name: 'inertia', values: fits.map((f) => f.fit.inertia) },
      ...(withSilhouette ? [{ name: 'silhouette', values: fits.map((f) => f.silhouette) }] : []),
    ],
  };
}

/**
 * How many different rows `data` (n × d) has, counting no further than `limit`: each row is
 * compared with the different rows found so far (at most `limit`), column by column.
 */
export function distinctRows(data: Float64Array, n: number, d: number, limit: number): number {
  const found: number[] = [];
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let seen = false;
    for (let f = 0; f < found.length && !seen; f++) {
      const q = found[f];
      let c = 0;
      while (c < d && data[p + c] === data[q + c]) c++;
      seen = c === d;
    }
    if (!seen) {
      found.push(p);
      if (found.length >= limit) return limit;
    }
  }
  return found.length;
}

/** Known before a run: the rows arriving can be at most `n` (e.g. a sample of that size). */
const tooFewRows = (k: number, n: number) => ({
  en: `You asked for ${k} segments but the table arriving here has at most ${n} rows. Choose at most ${n} segments.`,
  vi: `Bạn chọn ${k} phân khúc nhưng bảng đến nút này chỉ có tối đa ${n} dòng. Hãy chọn tối đa ${n} phân khúc.`,
});

/** Splits rows into k segments of similar rows (k-means, k-means++ start, seeded); k may be chosen by silhouette. */
export default defineNode({
  type: 'cluster.kmeans',
  version: 5,
  usesHelpers: true,
  category: 'cluster',
  title: { en: 'K-means segments', vi: 'Phân khúc K-means' },
  description: {
    en: 'Groups rows into segments of similar values in the numeric columns (k-means). Choose the number of segments, or "auto" to try every number between the smallest and largest and keep the one whose segments are best separated (silhouette). Adds a "segment" column (0 = the largest segment) and gives a table of the segments (size, share and average of each column) and a chart of the scores per number of segments. Scale the columns first if they use very different units.',
    vi: 'Chia các dòng thành các phân khúc gồm các dòng có giá trị giống nhau ở các cột số (k-means). Chọn số phân khúc, hoặc "tự động" để thử mọi số từ nhỏ nhất đến lớn nhất và giữ số cho các phân khúc tách biệt rõ nhất (silhouette). Thêm cột "segment" (0 = phân khúc lớn nhất), cho một bảng các phân khúc (số dòng, tỷ lệ và trung bình của từng cột) và biểu đồ điểm số theo số phân khúc. Nên chuẩn hoá các cột trước nếu chúng có đơn vị rất khác nhau.',
  },
  inputs: [tableIn()],
  outputs: segmentOutputs({ en: 'Scores per number of segments', vi: 'Điểm theo số phân khúc' }, 'scores'),
  params: z.object({
    columns: groupColumnsParam(),
    k: z
      .union([z.number().int().min(2).max(50), z.literal('auto')])
      .default(4)
      .meta({
        label: { en: 'Number of segments', vi: 'Số phân khúc' },
        help: {
          en: 'How many groups to split the rows into (2–50), or "auto" to pick the best-separated number between the smallest and largest below.',
          vi: 'Số nhóm cần chia các dòng (2–50), hoặc "tự động" để chọn số cho các nhóm tách biệt rõ nhất trong khoảng bên dưới.',
        },
        widget: 'slider',
      }),
    kMin: z
      .number()
      .int()
      .min(2)
      .max(50)
      .default(2)
      .meta({
        when: { param: 'k', equals: 'auto' },
        label: { en: 'Smallest number to try (auto)', vi: 'Số nhỏ nhất để thử (tự động)' },
        help: { en: 'With "auto": the fewest segments to try.', vi: 'Khi "tự động": số phân khúc ít nhất được thử.' },
      }),
    kMax: z
      .number()
      .int()
      .min(2)
      .max(50)
      .default(10)
      .meta({
        when: { param: 'k', equals: 'auto' },
        label: { en: 'Largest number to try (auto)', vi: 'Số lớn nhất để thử (tự động)' },
        help: { en: 'With "auto": the most segments to try.', vi: 'Khi "tự động": số phân khúc nhiều nhất được thử.' },
      }),
    seed: seedParam({
      en: 'The same seed always gives the same segments. Change it to try another starting point.',
      vi: 'Cùng một hạt giống luôn cho cùng kết quả. Đổi nó để thử điểm bắt đầu khác.',
    }),
    silhouette: z
      .boolean()
      .default(false)
      .meta({
        when: { param: 'k', notIn: ['auto'] },
        label: { en: 'Measure separation (silhouette) for a fixed number', vi: 'Đo độ tách biệt (silhouette) khi số phân khúc cố định' },
        help: {
          en: 'Adds the silhouette (how well the segments are separated, on a sample of up to 5,000 rows) to the scores chart. "auto" always measures it; on a million rows it adds about half a second.',
          vi: 'Thêm silhouette (mức tách biệt giữa các phân khúc, đo trên mẫu tối đa 5.000 dòng) vào biểu đồ điểm. Chế độ "tự động" luôn đo; với một triệu dòng, việc này tốn thêm khoảng nửa giây.',
        },
      }),
    maxIterations: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(300)
      .meta({
        label: { en: 'Maximum rounds', vi: 'Số vòng tối đa' },
        help: {
          en: 'Stops after this many rounds even if segments still move.',
          vi: 'Dừng sau chừng này vòng dù các phân khúc vẫn còn thay đổi.',
        },
      }),
    tolerance: z
      .number()
      .min(0)
      .max(1)
      .default(1e-4)
      .meta({
        label: { en: 'Stop when changes are below', vi: 'Dừng khi thay đổi nhỏ hơn' },
        help: {
          en: 'How little the segment centres may move (relative to the spread of the data) to count as settled.',
          vi: 'Mức dịch chuyển tâm phân khúc (so với độ phân tán của dữ liệu) đủ nhỏ để coi là ổn định.',
        },
      }),
  }),
  maxRows: (_p, [n]) => n ?? null,
  checkRows: (p, [n]) => (p.k !== 'auto' && n !== null && n !== undefined && p.k > n ? tooFewRows(p.k, n) : null),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const columns = chooseColumns(table, params.columns, (note) => inform(ctx, note));
    const n = table.numRows,
      d = columns.length;
    if (n === 0) {
      throw new NodeError({
        en: 'The table is empty, so there is nothing to group. Check the steps before this one.',
        vi: 'Bảng đang trống nên không có gì để phân nhóm. Hãy kiểm tra các bước trước.',
      });
    }
    const auto = params.k === 'auto';
    if (auto && params.kMin > params.kMax) {
      throw new NodeError({
        en: `The smallest number of segments to try (${params.kMin}) is larger than the largest (${params.kMax}). Swap them.`,
        vi: `Số phân khúc nhỏ nhất để thử (${params.kMin}) lớn hơn số lớn nhất (${params.kMax}). Hãy đổi chỗ hai số này.`,
      });
    }
    if (!auto && (params.k as number) > n) {
      throw new NodeError({
        en: `You asked for ${params.k} segments but the table has only ${n} rows. Choose at most ${n} segments.`,
        vi: `Bạn chọn ${params.k} phân khúc nhưng bảng chỉ có ${n} dòng. Hãy chọn tối đa ${n} phân khúc.`,
      });
    }

    const { data, stds, scaled } = readMatrix(table, columns, { shareable: !!ctx.helpers && ctx.helpers.size > 0 });
    const spread = spreadWarning(columns, stds, scaled);
    if (spread) ctx.warn(spread);
    await ctx.progress(
      0,
      say(
        (f) => `${f.count(n, 'row', 'rows')} × ${f.count(d, 'column', 'columns')} read`,
        (f) => `Đã đọc ${f.int(n)} dòng × ${f.int(d)} cột`,
      ),
    );

    // Counting stops once more different rows are found than segments are asked for.
    const wanted = auto ? params.kMax : (params.k as number);
    const distinct = distinctRows(data, n, d, wanted + 1);
    if (distinct === 1) {
      throw new NodeError({
        en: `All ${n.toLocaleString('en-US')} rows are identical in the chosen columns (${columns
          .slice(0, 6)
          .map((c) => `"${c}"`)
          .join(
            ', ',
          )}${columns.length > 6 ? ', …' : ''}), so there is nothing to segment. Choose columns whose values differ between rows, or check the steps before this one.`,
        vi: `Cả ${n.toLocaleString('vi-VN')} dòng đều giống hệt nhau ở các cột đã chọn (${columns
          .slice(0, 6)
          .map((c) => `"${c}"`)
          .join(
            ', ',
          )}${columns.length > 6 ? ', …' : ''}), nên không có gì để phân khúc. Hãy chọn các cột có giá trị khác nhau giữa các dòng, hoặc kiểm tra các bước trước.`,
      });
    }

    const ks: number[] = [];
    if (auto) {
      // Silhouette needs at least one segment with two rows (k ≤ n − 1), and k-means needs as
      // many different rows as segments (k ≤ distinct).
      const top = Math.min(params.kMax, n - 1, distinct);
      const bottom = Math.min(params.kMin, top);
      if (top < 2) {
        throw new NodeError({
          en: `The table has only ${n} rows: too few to compare numbers of segments (that needs at least 3 rows). Use a fixed number of segments or more rows.`,
          vi: `Bảng chỉ có ${n} dòng: quá ít để so sánh các số phân khúc (cần ít nhất 3 dòng). Hãy chọn số phân khúc cố định hoặc thêm dòng.`,
        });
      }
      for (let k = bottom; k <= top; k++) ks.push(k);
      if (top < params.kMax || bottom < params.kMin) {
        const why =
          distinct < Math.min(params.kMax, n - 1)
            ? {
                en: `the chosen columns have only ${distinct} different combinations of values`,
                vi: `các cột đã chọn chỉ có ${distinct} tổ hợp giá trị khác nhau`,
              }
            : { en: `the table has only ${n} rows`, vi: `bảng chỉ có ${n} dòng` };
        ctx.warn({
          en: `Tried ${bottom} to ${top} segments instead of ${params.kMin} to ${params.kMax}: ${why.en}, so there cannot be more than ${top} segments to compare.`,
          vi: `Đã thử từ ${bottom} đến ${top} phân khúc thay vì từ ${params.kMin} đến ${params.kMax}: ${why.vi}, nên không thể so sánh quá ${top} phân khúc.`,
        });
      }
    } else {
      ks.push(params.k as number);
    }

    // The silhouette costs O(sample² × d): measured for "auto" (it picks k), for a fixed k only on request.
    const measure = auto || params.silhouette;
    const fits: Fitted[] = [];
    for (let t = 0; t < ks.length; t++) {
      const k = ks[t],
        from = t / ks.length,
        span = 1 / ks.length;
      const share = measure ? 0.8 : 1;
      const fit = await kmeans(data, n, d, {
        k,
        random: createRandom(seedFrom(params.seed)),
        maxIterations: params.maxIterations,
        tolerance: params.tolerance,
        helpers: ctx.helpers,
        progress: (f, message) =>
          ctx.progress(from + share * span * f, ks.length > 1 ? { en: `k = ${k}: ${message.en}`, vi: `k = ${k}: ${message.vi}` } : message),
      });
      const sil =
        measure && k < n
          ? await meanSilhouette(data, n, d, fit.labels, k, {
              random: createRandom(seedFrom(params.seed, 'silhouette')),
              progress: (f) => ctx.progress(from + span * (0.8 + 0.2 * f), { en: `k = ${k}: silhouette`, vi: `k = ${k}: silhouette` }),
            })
          : { score: NaN, sampled: 0 };
      fits.push({ fit, silhouette: sil.score, sampled: sil.sampled });
    }
    let best = 0;
    for (let t = 1; t < fits.length; t++) if (fits[t].silhouette > fits[best].silhouette) best = t;
    const { fit, sampled } = fits[best];
    const k = fit.k;
    if (auto) {
      inform(ctx, {
        en: `Chose ${k} segments: their silhouette (${fits[best].silhouette.toFixed(3)}) is the highest between ${ks[0]} and ${ks[ks.length - 1]}${sampled ? ` (measured on a sample of ${sampled} rows)` : ''}.`,
        vi: `Đã chọn ${k} phân khúc: silhouette (${fits[best].silhouette.toFixed(3)}) cao nhất trong khoảng ${ks[0]}–${ks[ks.length - 1]}${sampled ? ` (đo trên mẫu ${sampled} dòng)` : ''}.`,
      });
      const edge = autoEdgeNote(k, ks, params.kMax);
      if (edge) ctx.warn(edge);
    }
    if (!fit.converged) {
      ctx.warn({
        en: `The segments were still changing after ${fit.iterations} rounds; raise "Maximum rounds" for a settled result.`,
        vi: `Các phân khúc vẫn còn thay đổi sau ${fit.iterations} vòng; hãy tăng "Số vòng tối đa".`,
      });
    }

    // Stable labels: 0 = largest segment.
    const map = orderSegments(fit.labels, fit.sizes);
    const segment = new Int32Array(n);
    for (let i = 0; i < n; i++) segment[i] = map[fit.labels[i]];
    const size = new Int32Array(k),
      inertia = new Float64Array(k),
      means = new Float64Array(k * d);
    for (let old = 0; old < k; old++) {
      const j = map[old];
      size[j] = fit.sizes[old];
      inertia[j] = fit.clusterInertia[old];
      means.set(fit.centers.subarray(old * d, old * d + d), j * d);
    }
    const small = smallSegmentsNote(size, n);
    if (small) ctx.warn(small);
    await ctx.progress(
      1,
      say(
        (f) => `${f.count(k, 'segment', 'segments')}, total within-segment sum of squares ${f.num(fit.inertia)}`,
        (f) => `${f.int(k)} phân khúc, tổng bình phương khoảng cách trong phân khúc ${f.num(fit.inertia)}`,
      ),
    );
    const segmentVector = makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: segment }));
    return {
      out: withColumns(table, { [SEGMENT]: segmentVector }),
      segments: segmentsTable(columns, size, means, { inertia }),
      scores: scoresChart(ks, fits, k, measure),
    };
  },
  scale: 'reduce',
});
