import { Int32, makeData, makeVector } from 'apache-arrow';
import { z } from 'zod';
import type { LineChart } from '../src/core/chart';
import { NodeError } from '../src/core/errors';
import { kmeans, type KMeansFit } from '../src/core/kmeans';
import { defineNode, type JsonValue } from '../src/core/node';
import { createRandom, seedFrom } from '../src/core/random';
import { autoEdgeNote, chooseColumns, orderSegments, readMatrix, SEGMENT, segmentsTable, smallSegmentsNote, spreadWarning } from '../src/core/segments';
import { meanSilhouette } from '../src/core/silhouette';
import { requireTable, withColumns } from '../src/core/table';

type Fitted = { fit: KMeansFit; silhouette: number; sampled: number };

/** The line chart of inertia and silhouette per k, with the chosen k marked. */
function scoresChart(ks: number[], fits: Fitted[], chosen: number): LineChart {
  return {
    kind: 'chart', chart: 'line',
    title: { en: 'How well each number of segments fits (higher silhouette is better)', vi: 'Mức phù hợp của từng số phân khúc (silhouette càng cao càng tốt)' },
    x: ks, xLabel: 'k', mark: chosen,
    series: [
      { name: 'inertia', values: fits.map((f) => f.fit.inertia) },
      { name: 'silhouette', values: fits.map((f) => f.silhouette) },
    ],
  };
}

/** Splits rows into k segments of similar rows (k-means, k-means++ start, seeded); k may be chosen by silhouette. */
export default defineNode({
  type: 'cluster.kmeans',
  version: 4,
  usesHelpers: true,
  category: 'cluster',
  title: { en: 'K-means segments', vi: 'Phân khúc K-means' },
  description: {
    en: 'Groups rows into segments of similar values in the numeric columns (k-means). Choose the number of segments, or "auto" to try every number between the smallest and largest and keep the one whose segments are best separated (silhouette). Adds a "segment" column (0 = the largest segment) and gives a table of the segments (size, share and average of each column) and a chart of the scores per number of segments. Scale the columns first if they use very different units.',
    vi: 'Chia các dòng thành các phân khúc gồm các dòng có giá trị giống nhau ở các cột số (k-means). Chọn số phân khúc, hoặc "tự động" để thử mọi số từ nhỏ nhất đến lớn nhất và giữ số cho các phân khúc tách biệt rõ nhất (silhouette). Thêm cột "segment" (0 = phân khúc lớn nhất), cho một bảng các phân khúc (số dòng, tỷ lệ và trung bình của từng cột) và biểu đồ điểm số theo số phân khúc. Nên chuẩn hoá các cột trước nếu chúng có đơn vị rất khác nhau.',
  },
  inputs: [{ name: 'in', kind: 'table', title: { en: 'Table', vi: 'Bảng' } }],
  outputs: [
    { name: 'out', kind: 'table', title: { en: 'Table with segment', vi: 'Bảng kèm phân khúc' } },
    { name: 'segments', kind: 'table', title: { en: 'Segments', vi: 'Các phân khúc' } },
    { name: 'scores', kind: 'chart', title: { en: 'Scores per number of segments', vi: 'Điểm theo số phân khúc' } },
  ],
  params: z.object({
    columns: z.array(z.string()).default([]).meta({
      label: { en: 'Columns to group by', vi: 'Các cột dùng để phân nhóm' },
      help: { en: 'Numeric columns that describe each row. Empty uses every numeric column.', vi: 'Các cột số mô tả mỗi dòng. Để trống để dùng mọi cột số.' },
      widget: 'columns',
      columnType: 'number',
    }),
    k: z.union([z.number().int().min(2).max(50), z.literal('auto')]).default(4).meta({
      label: { en: 'Number of segments', vi: 'Số phân khúc' },
      help: { en: 'How many groups to split the rows into (2–50), or "auto" to pick the best-separated number between the smallest and largest below.', vi: 'Số nhóm cần chia các dòng (2–50), hoặc "tự động" để chọn số cho các nhóm tách biệt rõ nhất trong khoảng bên dưới.' },
      widget: 'slider',
    }),
    kMin: z.number().int().min(2).max(50).default(2).meta({
      label: { en: 'Smallest number to try (auto)', vi: 'Số nhỏ nhất để thử (tự động)' },
      help: { en: 'With "auto": the fewest segments to try.', vi: 'Khi "tự động": số phân khúc ít nhất được thử.' },
    }),
    kMax: z.number().int().min(2).max(50).default(10).meta({
      label: { en: 'Largest number to try (auto)', vi: 'Số lớn nhất để thử (tự động)' },
      help: { en: 'With "auto": the most segments to try.', vi: 'Khi "tự động": số phân khúc nhiều nhất được thử.' },
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
    const columns = chooseColumns(table, params.columns, (note) => ctx.warn(note));
    const n = table.numRows, d = columns.length;
    if (n === 0) {
      throw new NodeError({
        en: 'The table is empty, so there is nothing to group. Check the steps before this one.',
        vi: 'Bảng đang trống nên không có gì để phân nhóm. Hãy kiểm tra các bước trước.',
      });
    }
    const auto = params.k === 'auto';
    const ks: number[] = [];
    if (auto) {
      if (params.kMin > params.kMax) {
        throw new NodeError({
          en: `The smallest number of segments to try (${params.kMin}) is larger than the largest (${params.kMax}). Swap them.`,
          vi: `Số phân khúc nhỏ nhất để thử (${params.kMin}) lớn hơn số lớn nhất (${params.kMax}). Hãy đổi chỗ hai số này.`,
        });
      }
      // Silhouette needs at least one segment with two rows: k ≤ n − 1.
      for (let k = params.kMin; k <= Math.min(params.kMax, n - 1); k++) ks.push(k);
      if (!ks.length) {
        throw new NodeError({
          en: `The table has only ${n} rows: too few to compare ${params.kMin} or more segments. Use a fixed number of segments or more rows.`,
          vi: `Bảng chỉ có ${n} dòng: quá ít để so sánh từ ${params.kMin} phân khúc trở lên. Hãy chọn số phân khúc cố định hoặc thêm dòng.`,
        });
      }
    } else {
      const k = params.k as number;
      if (k > n) {
        throw new NodeError({
          en: `You asked for ${k} segments but the table has only ${n} rows. Choose at most ${n} segments.`,
          vi: `Bạn chọn ${k} phân khúc nhưng bảng chỉ có ${n} dòng. Hãy chọn tối đa ${n} phân khúc.`,
        });
      }
      ks.push(k);
    }

    const { data, stds, scaled } = readMatrix(table, columns);
    const spread = spreadWarning(columns, stds, scaled);
    if (spread) ctx.warn(spread);

    const fits: Fitted[] = [];
    for (let t = 0; t < ks.length; t++) {
      const k = ks[t], from = t / ks.length, span = 1 / ks.length;
      const fit = await kmeans(data, n, d, {
        k,
        random: createRandom(seedFrom(params.seed)),
        maxIterations: params.maxIterations,
        tolerance: params.tolerance,
        helpers: ctx.helpers,
        progress: (f, message) => ctx.progress(from + 0.8 * span * f, ks.length > 1 ? `k = ${k}: ${message}` : message),
      });
      const sil = k < n
        ? await meanSilhouette(data, n, d, fit.labels, k, {
          random: createRandom(seedFrom(params.seed, 'silhouette')),
          progress: (f) => ctx.progress(from + span * (0.8 + 0.2 * f), `k = ${k}: silhouette`),
        })
        : { score: NaN, sampled: 0 };
      fits.push({ fit, silhouette: sil.score, sampled: sil.sampled });
    }
    let best = 0;
    for (let t = 1; t < fits.length; t++) if (fits[t].silhouette > fits[best].silhouette) best = t;
    const { fit, sampled } = fits[best];
    const k = fit.k;
    if (auto) {
      ctx.warn({
        en: `Chose ${k} segments: their silhouette (${fits[best].silhouette.toFixed(3)}) is the highest between ${ks[0]} and ${ks[ks.length - 1]}${sampled ? ` (measured on a sample of ${sampled} rows)` : ''}.`,
        vi: `Đã chọn ${k} phân khúc: silhouette (${fits[best].silhouette.toFixed(3)}) cao nhất trong khoảng ${ks[0]}–${ks[ks.length - 1]}${sampled ? ` (đo trên mẫu ${sampled} dòng)` : ''}.`,
      });
      const edge = autoEdgeNote(k, ks, params.kMax);
      if (edge) ctx.warn(edge);
    }
    if (!fit.converged) {
      ctx.warn({ en: `The segments were still changing after ${fit.iterations} rounds; raise "Maximum rounds" for a settled result.`, vi: `Các phân khúc vẫn còn thay đổi sau ${fit.iterations} vòng; hãy tăng "Số vòng tối đa".` });
    }

    // Stable labels: 0 = largest segment.
    const map = orderSegments(fit.labels, fit.sizes);
    const segment = new Int32Array(n);
    for (let i = 0; i < n; i++) segment[i] = map[fit.labels[i]];
    const size = new Int32Array(k), inertia = new Float64Array(k), means = new Float64Array(k * d);
    for (let old = 0; old < k; old++) {
      const j = map[old];
      size[j] = fit.sizes[old];
      inertia[j] = fit.clusterInertia[old];
      means.set(fit.centers.subarray(old * d, old * d + d), j * d);
    }
    const small = smallSegmentsNote(size, n);
    if (small) ctx.warn(small);
    await ctx.progress(1, `${k} segments, total within-segment sum of squares ${fit.inertia.toPrecision(6)}`);
    const segmentVector = makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: segment }));
    return {
      out: withColumns(table, { [SEGMENT]: segmentVector }),
      segments: segmentsTable(columns, size, means, { inertia }),
      scores: scoresChart(ks, fits, k) as unknown as JsonValue,
    };
  },
});
