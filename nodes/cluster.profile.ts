import { makeVector } from 'apache-arrow';
import { z } from 'zod';
import type { HeatmapChart } from '../src/core/contract/chart';
import { defaultNumericColumns, leftOutNote } from '../src/core/table/columns';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { persona, personaCards, type Trait } from '../src/core/ml/persona';
import { ColumnList, floatVector, isTable, requireColumn, requireTable, stringVector, toFloat64, toValues } from '../src/core/table/table';
import { chartOut, columnParam, columnsParam, tableIn, tableOut } from './kit';
import { isCountName, parseLabels, readableLabel } from '../src/core/ml/labels';
import { say } from '../src/core/contract/format';

const STOP = new Set(
  (
    'the a an and or but of to in on at for with is are was were be been it this that i you he she we they my your our me so not no just very ' +
    'có không là và của thì mà cho với này đó được một những các rất cũng đã đang sẽ như khi nào mình bạn em anh chị ạ nha nhé ko k'
  ).split(' '),
);

/** Over-represented values of `values` in every segment: "value (2.1×, 34%)", best lift first. */
function overRepresented(
  values: (string | null)[],
  seg: Int32Array,
  k: number,
  sizes: Int32Array,
  minShare: number,
  count: number,
): string[] {
  const all = new Map<string, number>();
  const per = Array.from({ length: k }, () => new Map<string, number>());
  values.forEach((v, i) => {
    if (v === null || v === '' || seg[i] < 0) return;
    all.set(v, (all.get(v) ?? 0) + 1);
    per[seg[i]].set(v, (per[seg[i]].get(v) ?? 0) + 1);
  });
  const n = sizes.reduce((a, b) => a + b, 0);
  return per.map((m, j) =>
    [...m.entries()]
      .filter(([, c]) => c >= Math.max(2, minShare * sizes[j]))
      .map(([v, c]) => ({ v, c, lift: c / sizes[j] / (all.get(v)! / n) }))
      .filter((x) => x.lift >= 1.2)
      .sort((a, b) => b.lift - a.lift || b.c - a.c || (a.v < b.v ? -1 : 1))
      .slice(0, count)
      .map((x) => `${x.v} (${x.lift.toFixed(1)}×, ${Math.round((100 * x.c) / sizes[j])}%)`)
      .join(', '),
  );
}

/** Terms of every text (words and two-word phrases, each counted once per text). */
function terms(text: unknown, tokenize: (s: string) => string[]): string[] {
  if (typeof text !== 'string') return [];
  const words = tokenize(text).filter((w) => /\p{L}/u.test(w));
  const out = new Set<string>();
  words.forEach((w, i) => {
    if (w.length > 1 && !STOP.has(w)) out.add(w);
    const next = words[i + 1];
    if (next && !(STOP.has(w) && STOP.has(next))) out.add(`${w} ${next}`);
  });
  return [...out];
}

/** Describes every segment: size, averages and lifts, over-represented values and terms, and a persona in EN/VI. */
export default defineNode({
  type: 'cluster.profile',
  version: 4,
  category: 'cluster',
  title: { en: 'Segment profiles', vi: 'Chân dung phân khúc' },
  description: {
    en: 'Describes each segment in plain words: its size and share, the average of every feature compared to everyone (lift: 2.0× = twice the average), the values and words that are over-represented in it, and a short persona such as "Night-owl commenters". Connect the table with segments to "in". If the features were scaled before clustering, also connect the unscaled table (same rows, same order) to "original" so that averages and lifts are in real units.',
    vi: 'Mô tả từng phân khúc bằng lời dễ hiểu: số người và tỷ lệ, trung bình từng đặc trưng so với toàn bộ (lift: 2,0× = gấp đôi trung bình), các giá trị và từ ngữ xuất hiện nhiều hơn hẳn, và một chân dung ngắn như "Cú đêm hay bình luận". Nối bảng có phân khúc vào "in". Nếu các đặc trưng đã được chuẩn hoá trước khi phân cụm, hãy nối thêm bảng chưa chuẩn hoá (cùng dòng, cùng thứ tự) vào "original" để trung bình và lift có đơn vị thật.',
  },
  inputs: [
    tableIn({ en: 'Table with segment', vi: 'Bảng kèm phân khúc' }),
    tableIn({ en: 'Unscaled features (same rows)', vi: 'Đặc trưng gốc (cùng dòng)' }, 'original', { optional: true }),
  ],
  outputs: [
    tableOut({ en: 'Segment profiles', vi: 'Chân dung phân khúc' }),
    chartOut({ en: 'Personas', vi: 'Chân dung' }, 'personas'),
    chartOut({ en: 'Lift per feature', vi: 'Lift theo đặc trưng' }, 'lift'),
  ],
  params: z.object({
    segment: columnParam(
      'number',
      { en: 'Segment column', vi: 'Cột phân khúc' },
      {
        help: { en: 'The column that says which segment each row is in.', vi: 'Cột cho biết mỗi dòng thuộc phân khúc nào.' },
        default: 'segment',
      },
    ),
    columns: columnsParam(
      'number',
      { en: 'Features to compare', vi: 'Các đặc trưng để so sánh' },
      {
        help: {
          en: 'Numeric columns to average per segment. Empty uses every numeric column except the segment and id columns.',
          vi: 'Các cột số để tính trung bình theo phân khúc. Để trống để dùng mọi cột số trừ cột phân khúc và cột id.',
        },
      },
    ),
    categories: columnsParam(
      'string',
      { en: 'Categories to look into', vi: 'Các cột phân loại cần xem' },
      {
        help: {
          en: 'Text columns (e.g. city, gender) whose over-represented values are listed per segment.',
          vi: 'Các cột văn bản (vd. thành phố, giới tính) để liệt kê giá trị nổi bật của từng phân khúc.',
        },
      },
    ),
    text: columnParam(
      'string',
      { en: 'Text column (optional)', vi: 'Cột văn bản (tuỳ chọn)' },
      {
        help: {
          en: 'Comments or posts: the words most typical of each segment are listed.',
          vi: 'Bình luận hoặc bài viết: liệt kê các từ đặc trưng nhất của từng phân khúc.',
        },
      },
    ),
    labels: z
      .record(z.string(), z.string())
      .default({})
      .meta({
        label: { en: 'Words for the columns (column → words)', vi: 'Tên dễ đọc cho các cột (cột → từ ngữ)' },
        help: {
          en: 'How personas should call a column, e.g. MntWines → spend on wine | chi tiêu cho rượu vang (English | Vietnamese; without "|" both languages use the same words). Columns without words get readable ones from their name.',
          vi: 'Chân dung nên gọi một cột thế nào, vd. MntWines → spend on wine | chi tiêu cho rượu vang (tiếng Anh | tiếng Việt; không có "|" thì hai ngôn ngữ dùng chung). Cột không được đặt tên sẽ có tên dễ đọc suy ra từ tên cột.',
        },
        widget: 'keyvalue',
      }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const original = isTable(inputs.original) ? inputs.original : null;
    if (original && original.numRows !== table.numRows) {
      throw new NodeError({
        en: `"original" has ${original.numRows} rows but the table with segments has ${table.numRows}. Connect the table the segments were computed from (same rows, same order), before any scaling.`,
        vi: `"original" có ${original.numRows} dòng nhưng bảng phân khúc có ${table.numRows} dòng. Hãy nối bảng dùng để tính phân khúc (cùng dòng, cùng thứ tự), trước khi chuẩn hoá.`,
      });
    }
    const source = original ?? table;
    const column = (name: string, kind?: 'number' | 'string') =>
      original && original.getChild(name) ? requireColumn(original, name, kind) : requireColumn(table, name, kind);
    // Segments: any integer labels, numbered 0..k-1 in ascending order; rows without one are left out.
    const raw = toFloat64(requireColumn(table, params.segment, 'number'));
    const ids = [...new Set(Array.from(raw).filter((v) => v === v))].sort((a, b) => a - b);
    if (!ids.length)
      throw new NodeError({
        en: `The column "${params.segment}" has no segments. Connect the output of a clustering step.`,
        vi: `Cột "${params.segment}" không có phân khúc nào. Hãy nối đầu ra của một bước phân cụm.`,
      });
    const k = ids.length,
      n = raw.length;
    const index = new Map(ids.map((v, j) => [v, j]));
    const seg = Int32Array.from(raw, (v) => (v === v ? index.get(v)! : -1));
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) if (seg[i] >= 0) sizes[seg[i]]++;
    const total = sizes.reduce((a, b) => a + b, 0);

    let features = params.columns;
    if (!features.length) {
      // Every numeric column except the segments, id-like and constant columns (named in a note).
      const { used, leftOut } = defaultNumericColumns(source, [params.segment, 'segment']);
      features = used;
      const note = leftOutNote(leftOut);
      if (note) ctx.warn(note);
    }
    const labels = parseLabels(params.labels);
    const cols = new ColumnList()
      .set('segment', makeVector(Int32Array.from(ids)))
      .set('size', makeVector(sizes))
      .set('share', floatVector(Float64Array.from(sizes, (s) => s / total)));
    const traits: Trait[][] = Array.from({ length: k }, () => []);
    const liftRows: number[][] = Array.from({ length: k }, () => []);
    for (let f = 0; f < features.length; f++) {
      const x = toFloat64(column(features[f], 'number'));
      const sum = new Float64Array(k),
        cnt = new Float64Array(k);
      // Two distinct values (a one-hot or yes/no column, even scaled): traits speak of shares of rows.
      let all = 0,
        sq = 0,
        m = 0,
        lo = NaN,
        hi = NaN,
        twoValued = true;
      for (let i = 0; i < n; i++) {
        const v = x[i],
          j = seg[i];
        if (v !== v || j < 0) continue;
        sum[j] += v;
        cnt[j]++;
        all += v;
        sq += v * v;
        m++;
        if (twoValued && v !== lo && v !== hi) {
          if (lo !== lo) lo = v;
          else if (hi !== hi) {
            hi = Math.max(lo, v);
            lo = Math.min(lo, v);
          } else twoValued = false;
        }
      }
      const binary = twoValued && hi === hi;
      const share = (v: number) => (binary ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : v);
      const overall = m ? all / m : NaN,
        sd = m ? Math.sqrt(Math.max(0, sq / m - overall * overall)) : NaN;
      const mean = Float64Array.from(sum, (s, j) => (cnt[j] ? s / cnt[j] : NaN));
      // No lift when the average is 0 up to rounding (scaled values): a ratio to ~0 means nothing.
      const lift = Float64Array.from(mean, (v) => (overall > 1e-6 * sd ? v / overall : NaN));
      const zs = Float64Array.from(mean, (v) => (sd > 0 ? (v - overall) / sd : 0));
      const name = features[f];
      cols.set(`mean_${name}`, floatVector(mean));
      cols.set(`lift_${name}`, floatVector(lift));
      cols.set(`z_${name}`, floatVector(zs));
      for (let j = 0; j < k; j++) {
        traits[j].push({
          feature: name,
          lift: lift[j],
          mean: share(mean[j]),
          overall: share(overall),
          z: zs[j],
          label: readableLabel(name, labels),
          binary,
          count: isCountName(name),
        });
        liftRows[j].push(Number.isFinite(lift[j]) ? Math.round(lift[j] * 100) / 100 : 1);
      }
      await ctx.progress((0.6 * (f + 1)) / features.length, { en: `profiled ${name}`, vi: `đã mô tả ${name}` });
    }
    for (const c of params.categories) {
      const values = toValues(column(c)).map((v) => (v === null || v === undefined ? null : String(v)));
      cols.set(`top_${c}`, stringVector(overRepresented(values, seg, k, sizes, 0.05, 3)));
    }
    if (params.text) {
      // Loaded in the worker only (keeps the page bundle light).
      const { tokenize } = await import('../src/core/text/tokenize');
      const texts = toValues(column(params.text, 'string'));
      await ctx.progress(0.7, { en: 'terms', vi: 'từ ngữ' });
      // Every text's distinct terms, so a term counts once per text.
      const bags = texts.map((t) => terms(t, tokenize));
      const flat: (string | null)[] = [],
        segFlat: number[] = [];
      bags.forEach((b, i) => {
        for (const term of b) {
          flat.push(term);
          segFlat.push(seg[i]);
        }
      });
      cols.set('top_terms', stringVector(overRepresented(flat, Int32Array.from(segFlat), k, sizes, 0.02, 5)));
    }
    const personas = traits.map((t) => persona(t));
    cols.set('persona', stringVector(personas.map((p) => `${p.name.en}: ${p.sentence.en}`)));
    cols.set('persona_vi', stringVector(personas.map((p) => `${p.name.vi}: ${p.sentence.vi}`)));
    const out = cols.toTable();
    const lift: HeatmapChart = {
      kind: 'chart',
      chart: 'heatmap',
      format: 'lift',
      title: { en: 'Segment average ÷ overall average', vi: 'Trung bình phân khúc ÷ trung bình chung' },
      rows: ids.map((id, j) => `${id} · ${personas[j].name.en}`),
      rowLabels: ids.map((id, j) => ({ en: `${id} · ${personas[j].name.en}`, vi: `${id} · ${personas[j].name.vi}` })),
      cols: features,
      values: liftRows,
    };
    if (
      !original &&
      features.some((f) => {
        const x = toFloat64(column(f));
        let s = 0;
        for (let i = 0; i < x.length; i++) s += x[i] === x[i] ? x[i] : 0;
        return Math.abs(s / n) < 1e-9;
      })
    ) {
      ctx.warn({
        en: 'Some features average 0, as after scaling: lifts mean little on scaled values. Connect the unscaled table to "original" to compare real averages.',
        vi: 'Một số đặc trưng có trung bình bằng 0, như sau khi chuẩn hoá: lift trên giá trị đã chuẩn hoá ít ý nghĩa. Hãy nối bảng chưa chuẩn hoá vào "original" để so sánh trung bình thật.',
      });
    }
    await ctx.progress(
      1,
      say(
        (f) => `${f.count(k, 'segment', 'segments')} profiled`,
        (f) => `Đã mô tả ${f.int(k)} phân khúc`,
      ),
    );
    return { out, personas: personaCards(out), lift };
  },
  scale: 'reduce',
});
