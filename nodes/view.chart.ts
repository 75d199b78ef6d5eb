import type { Vector } from 'apache-arrow';
import { z } from 'zod';
import type { BarChart, HeatmapChart, HistogramChart, ScatterChart, SilhouetteChart } from '../src/core/contract/chart';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { sampleRows, silhouetteSamples } from '../src/core/ml/silhouette';
import { kindOf, numericColumns, requireColumn, requireTable, toFloat64, toValues } from '../src/core/table/table';
import { chartOut, columnParam, columnsParam, inform, tableIn } from './kit';

const MAX_POINTS = 5000,
  MAX_CATEGORIES = 30,
  MAX_SILHOUETTE = 2000;

/** A column as category labels (numbers printed, missing → null), without reading row objects. */
function labels(vector: Vector): (string | null)[] {
  if (kindOf(vector.type) === 'number') return Array.from(toFloat64(vector), (v) => (v === v ? String(v) : null));
  return toValues(vector).map((v) => (v === null || v === undefined ? null : String(v)));
}

/** Category → index for the most frequent categories (at most MAX_CATEGORIES; numbers in numeric order). */
function categories(values: (string | null)[]): { names: string[]; index: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let names = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!).slice(0, MAX_CATEGORIES);
  const numeric = names.every((s) => s !== '' && Number.isFinite(Number(s)));
  names = names.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names, index: new Map(names.map((s, i) => [s, i])) };
}

/** count / mean / sum of `y` (or rows) per cell. */
function aggregate(cells: number, cell: (i: number) => number, n: number, y: Float64Array | null, how: string): number[] {
  const sum = new Float64Array(cells),
    cnt = new Float64Array(cells);
  for (let i = 0; i < n; i++) {
    const c = cell(i);
    if (c < 0) continue;
    if (y && how !== 'count') {
      if (y[i] !== y[i]) continue;
      sum[c] += y[i];
    }
    cnt[c]++;
  }
  return Array.from(cnt, (k, c) => (how === 'count' || !y ? k : how === 'sum' ? sum[c] : k ? sum[c] / k : 0));
}

/** A chart of a table, computed in the worker: small summaries only (scatter: at most 5 000 sampled points). */
export default defineNode({
  type: 'view.chart',
  version: 1,
  category: 'view',
  title: { en: 'Chart', vi: 'Biểu đồ' },
  description: {
    en: 'Draws a bar chart (per category: count, mean or sum), a histogram (spread of a number), a scatter chart (two numbers, coloured by a column; at most 5 000 sampled points) a heatmap (two categories) or a silhouette plot (how well each row fits its segment; at most 2 000 sampled rows).',
    vi: 'Vẽ biểu đồ cột (theo nhóm: đếm, trung bình hoặc tổng), biểu đồ tần suất (phân bố của một cột số), biểu đồ phân tán (hai cột số, tô màu theo một cột; tối đa 5 000 điểm lấy mẫu) bản đồ nhiệt (hai cột phân loại) hoặc biểu đồ silhouette (mỗi dòng hợp với phân khúc của nó đến đâu; tối đa 2 000 dòng lấy mẫu).',
  },
  inputs: [tableIn()],
  outputs: [chartOut({ en: 'Chart', vi: 'Biểu đồ' })],
  params: z.object({
    chart: z
      .enum(['bar', 'histogram', 'scatter', 'heatmap', 'silhouette'])
      .default('bar')
      .meta({
        label: { en: 'Chart type', vi: 'Loại biểu đồ' },
        options: {
          bar: { en: 'Bars', vi: 'Cột' },
          histogram: { en: 'Histogram', vi: 'Tần suất' },
          scatter: { en: 'Scatter', vi: 'Phân tán' },
          heatmap: { en: 'Heatmap', vi: 'Bản đồ nhiệt' },
          silhouette: { en: 'Silhouette', vi: 'Silhouette' },
        },
      }),
    x: columnParam(
      'any',
      { en: 'X (horizontal)', vi: 'X (trục ngang)' },
      {
        when: { param: 'chart', notIn: ['silhouette'] },
        help: {
          en: 'Bars and heatmap: the categories; histogram and scatter: a number.',
          vi: 'Cột và bản đồ nhiệt: các nhóm; tần suất và phân tán: một cột số.',
        },
      },
    ),
    y: columnParam(
      'any',
      { en: 'Y (vertical)', vi: 'Y (trục dọc)' },
      {
        when: { param: 'chart', in: ['bar', 'scatter', 'heatmap'] },
        help: {
          en: 'Bars: the number to count, average or sum (empty counts rows); scatter: a number; heatmap: the row categories.',
          vi: 'Cột: số cần đếm, lấy trung bình hoặc cộng (để trống để đếm dòng); phân tán: một cột số; bản đồ nhiệt: nhóm theo hàng.',
        },
      },
    ),
    color: columnParam(
      'any',
      { en: 'Colour / value', vi: 'Màu / giá trị' },
      {
        when: { param: 'chart', notIn: ['histogram'] },
        help: {
          en: 'Bars and scatter: one colour per value of this column (e.g. segment); heatmap: the number to average or sum; silhouette: the segment column (empty uses "segment").',
          vi: 'Cột và phân tán: mỗi giá trị của cột này một màu (vd. segment); bản đồ nhiệt: số cần lấy trung bình hoặc cộng; silhouette: cột phân khúc (để trống để dùng "segment").',
        },
      },
    ),
    bins: z
      .number()
      .int()
      .min(2)
      .max(200)
      .default(20)
      .meta({ when: { param: 'chart', equals: 'histogram' }, label: { en: 'Histogram bins', vi: 'Số khoảng (tần suất)' } }),
    columns: columnsParam(
      'number',
      { en: 'Feature columns (silhouette)', vi: 'Các cột đặc trưng (silhouette)' },
      {
        when: { param: 'chart', equals: 'silhouette' },
        help: {
          en: 'Silhouette: the numeric columns whose distances are measured, as they are (use the columns the segments were made from, scaled the same way). Empty uses every numeric column except the segment column.',
          vi: 'Silhouette: các cột số dùng để đo khoảng cách, giữ nguyên giá trị (dùng các cột đã tạo ra phân khúc, chuẩn hoá như lúc đó). Để trống để dùng mọi cột số trừ cột phân khúc.',
        },
      },
    ),
    aggregate: z
      .enum(['count', 'mean', 'sum'])
      .default('count')
      .meta({
        when: { param: 'chart', in: ['bar', 'heatmap'] },
        label: { en: 'Combine values by', vi: 'Gộp giá trị bằng' },
        options: { count: { en: 'Count', vi: 'Đếm' }, mean: { en: 'Mean', vi: 'Trung bình' }, sum: { en: 'Sum', vi: 'Tổng' } },
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const n = table.numRows;
    const need = (name: string, what: { en: string; vi: string }) => {
      if (!name) throw new NodeError({ en: `Choose ${what.en} for this chart.`, vi: `Hãy chọn ${what.vi} cho biểu đồ này.` });
      return requireColumn(table, name);
    };
    const num = (name: string, what: { en: string; vi: string }) => {
      need(name, what);
      return toFloat64(requireColumn(table, name, 'number'));
    };
    let spec: BarChart | HistogramChart | ScatterChart | HeatmapChart | SilhouetteChart;
    if (params.chart === 'silhouette') {
      spec = await silhouetteChart();
    } else if (params.chart === 'histogram') {
      const x = num(params.x, { en: 'a numeric column as X', vi: 'một cột số làm X' });
      let lo = Infinity,
        hi = -Infinity;
      for (let i = 0; i < n; i++)
        if (x[i] === x[i]) {
          if (x[i] < lo) lo = x[i];
          if (x[i] > hi) hi = x[i];
        }
      if (lo === Infinity) {
        lo = 0;
        hi = 1;
      }
      const width = (hi - lo) / params.bins || 1;
      const counts = new Float64Array(params.bins);
      for (let i = 0; i < n; i++) if (x[i] === x[i]) counts[Math.min(params.bins - 1, Math.floor((x[i] - lo) / width))]++;
      spec = {
        kind: 'chart',
        chart: 'histogram',
        column: params.x,
        bins: Array.from(counts, (count, b) => ({ from: lo + b * width, to: lo + (b + 1) * width, count })),
      };
    } else if (params.chart === 'scatter') {
      const x = num(params.x, { en: 'a numeric column as X', vi: 'một cột số làm X' }),
        y = num(params.y, { en: 'a numeric column as Y', vi: 'một cột số làm Y' });
      const rows = sampleRows(n, MAX_POINTS, ctx.random);
      const colour = params.color ? labels(requireColumn(table, params.color)) : null;
      const cats = colour ? categories(colour) : null;
      const keep = Array.from(rows).filter((i) => x[i] === x[i] && y[i] === y[i]);
      spec = {
        kind: 'chart',
        chart: 'scatter',
        xLabel: params.x,
        yLabel: params.y,
        x: keep.map((i) => x[i]),
        y: keep.map((i) => y[i]),
        group: colour && cats ? keep.map((i) => cats.index.get(colour[i] ?? '') ?? 0) : [],
        groups: cats ? cats.names : [],
      };
      if (n > MAX_POINTS)
        inform(ctx, {
          en: `Showing a random sample of ${MAX_POINTS} of ${n} points.`,
          vi: `Hiển thị mẫu ngẫu nhiên ${MAX_POINTS} trên ${n} điểm.`,
        });
    } else if (params.chart === 'heatmap') {
      const xs = labels(need(params.x, { en: 'a column as X', vi: 'một cột làm X' })),
        ys = labels(need(params.y, { en: 'a column as Y', vi: 'một cột làm Y' }));
      const cx = categories(xs),
        cy = categories(ys),
        w = cx.names.length;
      const v =
        params.aggregate !== 'count'
          ? num(params.color, { en: 'a numeric "Colour / value" column to combine', vi: 'một cột số "Màu / giá trị" để gộp' })
          : null;
      const flat = aggregate(
        w * cy.names.length,
        (i) => {
          const a = cx.index.get(xs[i] ?? ''),
            b = cy.index.get(ys[i] ?? '');
          return a === undefined || b === undefined ? -1 : b * w + a;
        },
        n,
        v,
        params.aggregate,
      );
      spec = {
        kind: 'chart',
        chart: 'heatmap',
        cols: cx.names,
        rows: cy.names,
        values: cy.names.map((_, r) => flat.slice(r * w, r * w + w)),
        format: 'number',
      };
    } else {
      const xs = labels(need(params.x, { en: 'a column of categories as X', vi: 'một cột phân loại làm X' }));
      const cx = categories(xs);
      const y = params.y ? toFloat64(requireColumn(table, params.y, 'number')) : null;
      const colour = params.color ? labels(requireColumn(table, params.color)) : null;
      const cc = colour ? categories(colour) : { names: [params.y || 'count'], index: new Map<string, number>() };
      const w = cx.names.length;
      const flat = aggregate(
        w * cc.names.length,
        (i) => {
          const a = cx.index.get(xs[i] ?? ''),
            b = colour ? cc.index.get(colour[i] ?? '') : 0;
          return a === undefined || b === undefined ? -1 : b * w + a;
        },
        n,
        y,
        y ? params.aggregate : 'count',
      );
      spec = {
        kind: 'chart',
        chart: 'bar',
        categories: cx.names,
        xLabel: params.x,
        yLabel: y ? `${params.aggregate} ${params.y}` : 'count',
        series: cc.names.map((name, s) => ({ name, values: flat.slice(s * w, s * w + w) })),
      };
    }
    await ctx.progress(1);
    return { chart: spec };

    /** Silhouette of every row (of a seeded sample of at most MAX_SILHOUETTE rows), grouped by segment. */
    async function silhouetteChart(): Promise<SilhouetteChart> {
      const segName = params.color || 'segment';
      const seg = labels(requireColumn(table, segName));
      const names = params.columns.length ? params.columns : numericColumns(table).filter((c) => c !== segName);
      if (!names.length)
        throw new NodeError({
          en: `No numeric feature columns besides "${segName}" to measure distances on.`,
          vi: `Không có cột số đặc trưng nào ngoài "${segName}" để đo khoảng cách.`,
        });
      const cols = names.map((c) => toFloat64(requireColumn(table, c, 'number')));
      const d = cols.length;
      // Rows with a segment and every feature present.
      const valid: number[] = [];
      for (let i = 0; i < n; i++) if (seg[i] !== null && cols.every((c) => c[i] === c[i])) valid.push(i);
      if (valid.length < n)
        ctx.warn({
          en: `Skipped ${n - valid.length} rows with no segment or a missing feature value.`,
          vi: `Bỏ qua ${n - valid.length} dòng không có phân khúc hoặc thiếu giá trị đặc trưng.`,
        });
      const pickRows = sampleRows(valid.length, MAX_SILHOUETTE, ctx.random);
      const m = pickRows.length;
      const distinct = [...new Set(pickRows.length ? Array.from(pickRows, (r) => seg[valid[r]]!) : [])];
      const numeric = distinct.every((s) => s !== '' && Number.isFinite(Number(s)));
      distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const index = new Map(distinct.map((s, i) => [s, i]));
      if (distinct.length < 2)
        ctx.warn({
          en: 'Silhouette needs at least two segments; every row scores 0.',
          vi: 'Silhouette cần ít nhất hai phân khúc; mọi dòng đều có điểm 0.',
        });
      const data = new Float64Array(m * d),
        lab = new Int32Array(m);
      for (let r = 0; r < m; r++) {
        const i = valid[pickRows[r]];
        lab[r] = index.get(seg[i]!)!;
        for (let c = 0; c < d; c++) data[r * d + c] = cols[c][i];
      }
      const s = await silhouetteSamples(data, m, d, lab, distinct.length, (f) =>
        ctx.progress(f * 0.99, { en: 'silhouette', vi: 'silhouette' }),
      );
      const per: number[][] = distinct.map(() => []);
      let total = 0;
      for (let r = 0; r < m; r++) {
        per[lab[r]].push(s[r]);
        total += s[r];
      }
      const sampled = valid.length > MAX_SILHOUETTE;
      if (sampled)
        inform(ctx, {
          en: `Silhouette of a random sample of ${m} of ${valid.length} rows.`,
          vi: `Silhouette của mẫu ngẫu nhiên ${m} trên ${valid.length} dòng.`,
        });
      return {
        kind: 'chart',
        chart: 'silhouette',
        title: sampled
          ? {
              en: `Silhouette per row (random sample of ${m} of ${valid.length} rows)`,
              vi: `Silhouette theo dòng (mẫu ngẫu nhiên ${m} trên ${valid.length} dòng)`,
            }
          : { en: 'Silhouette per row', vi: 'Silhouette theo dòng' },
        segments: distinct.map((segment, k) => ({
          segment,
          values: per[k].sort((a, b) => b - a),
          mean: per[k].length ? per[k].reduce((a, b) => a + b, 0) / per[k].length : 0,
        })),
        mean: m ? total / m : 0,
      };
    }
  },
  scale: 'whole',
});
