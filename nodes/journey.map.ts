import type { Vector } from 'apache-arrow';
import { z } from 'zod';
import type { HeatmapChart } from '../src/core/contract/chart';
import type { JourneyMapChart } from '../src/core/contract/chart';
import { encodeKeys } from '../src/core/table/encode-keys';
import type { PainPoint } from '../src/core/journey/pains';
import { STAGES, STAGE_LABEL } from '../src/core/journey/stages';
import { clip, clippedNote, TEXT_LIMIT } from '../src/core/text/limit';
import { defineNode, type RunContext } from '../src/core/contract/node';
import {
  boolVector,
  columnNames,
  floatVector,
  int32Vector,
  kindOf,
  requireColumn,
  requireTable,
  stringVector,
  tableOf,
  toFloat64,
} from '../src/core/table/table';
import { chartOut, columnParam, tableIn, tableOut } from './kit';

const S = STAGES.length,
  NONE = S - 1;
const NEG = -0.05,
  POS = 0.05;
const LABEL_SCORE: Record<string, number> = { positive: 1, neutral: 0, negative: -1 };

/** Sentiment scores per row from a number column or a positive/neutral/negative label column (NaN = unknown). */
async function readSentiment(vector: Vector): Promise<Float64Array> {
  if (kindOf(vector.type) === 'number') return toFloat64(vector);
  const keys = await encodeKeys(vector);
  const score = keys.values.map((v) => LABEL_SCORE[String(v).trim().toLowerCase()] ?? NaN);
  return Float64Array.from(keys.codes, (c) => (c < 0 ? NaN : score[c]));
}

/** Marks the stage whose mean sentiment changes most from the previous stage that has one (none excluded). */
function swings(mean: Float64Array): { swing: Float64Array; moment: boolean[] } {
  const swing = new Float64Array(S).fill(NaN);
  let prev = -1,
    best = 0;
  for (let s = 0; s < NONE; s++) {
    if (mean[s] !== mean[s]) continue;
    if (prev >= 0) {
      swing[s] = mean[s] - mean[prev];
      best = Math.max(best, Math.abs(swing[s]));
    }
    prev = s;
  }
  const moment = Array.from(swing, (v) => best > 0 && Math.abs(v) === best);
  return { swing, moment };
}

const orNull = (x: number) => (x === x ? x : null);

/**
 * The customer-journey map: per stage, volume, sentiment, share of negative comments and the pain
 * points over-represented in that stage's negative comments; the moment of truth is the stage
 * where sentiment swings most from the stage before.
 */
export default defineNode({
  type: 'journey.map',
  version: 3,
  category: 'journey',
  title: { en: 'Journey map', vi: 'Bản đồ hành trình' },
  description: {
    en: 'Per journey stage: how many comments, how positive or negative they are, and the pain points that stand out in the negative ones. Marks the "moment of truth", where sentiment swings most from the stage before.',
    vi: 'Theo từng giai đoạn hành trình: bao nhiêu bình luận, tích cực hay tiêu cực ra sao, và những điểm đau nổi bật trong các bình luận tiêu cực. Đánh dấu "khoảnh khắc quyết định", nơi cảm xúc thay đổi mạnh nhất so với giai đoạn trước.',
  },
  inputs: [tableIn({ en: 'Table with stages', vi: 'Bảng có giai đoạn' })],
  outputs: [
    tableOut({ en: 'Stages', vi: 'Các giai đoạn' }),
    chartOut({ en: 'Journey map', vi: 'Bản đồ hành trình' }, 'map'),
    chartOut({ en: 'Stage × sentiment', vi: 'Giai đoạn × cảm xúc' }, 'heatmap'),
  ],
  params: z.object({
    stage: columnParam('string', { en: 'Stage column', vi: 'Cột giai đoạn' }, { default: 'journey_stage' }),
    sentiment: columnParam(
      'any',
      { en: 'Sentiment column', vi: 'Cột cảm xúc' },
      {
        help: {
          en: 'A score in [-1, 1], or positive/neutral/negative labels. Below -0.05 counts as negative.',
          vi: 'Điểm trong [-1, 1], hoặc nhãn positive/neutral/negative. Dưới -0,05 được tính là tiêu cực.',
        },
        default: 'sentiment_score',
      },
    ),
    text: columnParam(
      'string',
      { en: 'Text column', vi: 'Cột văn bản' },
      { help: { en: 'Used for pain points.', vi: 'Dùng để tìm điểm đau.' }, default: 'text' },
    ),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const stageKeys = await encodeKeys(requireColumn(table, params.stage));
    const n = table.numRows;
    const names = columnNames(table);
    await ctx.progress(0.05, { en: 'Reading columns…', vi: 'Đang đọc các cột…' });
    const stageOf = stageKeys.values.map((v) => {
      const i = STAGES.indexOf(String(v).trim().toLowerCase() as never);
      return i < 0 ? NONE : i;
    });
    const stage = Int8Array.from(stageKeys.codes, (c) => (c < 0 ? NONE : stageOf[c]));
    const sentCol = names.includes(params.sentiment) ? params.sentiment : names.includes('sentiment_label') ? 'sentiment_label' : null;
    if (!sentCol) warnMissing(ctx, params.sentiment, 'sentiment');
    else if (sentCol !== params.sentiment)
      ctx.warn({
        en: `"${params.sentiment}" is not in the table; using "sentiment_label".`,
        vi: `Bảng không có "${params.sentiment}"; dùng "sentiment_label".`,
      });
    const score = sentCol ? await readSentiment(table.getChild(sentCol)!) : new Float64Array(n).fill(NaN);

    const volume = new Float64Array(S),
      sum = new Float64Array(S),
      scored = new Float64Array(S);
    const cells = new Float64Array(S * 3); // positive, neutral, negative
    const negative = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const s = stage[i],
        x = score[i];
      volume[s]++;
      if (x !== x) continue;
      scored[s]++;
      sum[s] += x;
      const c = x > POS ? 0 : x < NEG ? 2 : 1;
      cells[s * 3 + c]++;
      if (c === 2) negative[i] = 1;
    }
    const mean = Float64Array.from(sum, (v, s) => (scored[s] ? v / scored[s] : NaN));
    const negShare = Float64Array.from(scored, (v, s) => (v ? cells[s * 3 + 2] / v : NaN));
    const { swing, moment } = swings(mean);

    // Pain points: terms over-represented in each stage's negative comments vs all comments.
    const pains: PainPoint[][] = STAGES.map(() => []);
    if (sentCol && names.includes(params.text)) {
      const textKeys = await encodeKeys(requireColumn(table, params.text, 'string'));
      // Each text is read up to TEXT_LIMIT characters (time stays proportional to the data).
      let long = 0;
      const distinct = (textKeys.values as string[]).map((t) => {
        if (t.length > TEXT_LIMIT) {
          long++;
          return clip(t);
        }
        return t;
      });
      if (long) ctx.warn(clippedNote(long));
      const texts = Array.from(textKeys.codes, (c) => (c < 0 ? null : distinct[c]));
      const { indexTerms, painPoints } = await import('../src/core/journey/pains'); // the tokenizer stays out of the page bundle
      const index = await indexTerms(texts, (f) => ctx.progress(0.2 + 0.6 * f, { en: 'Finding pain points…', vi: 'Đang tìm điểm đau…' }));
      const group = new Uint8Array(n);
      for (let s = 0; s < S; s++) {
        await ctx.progress(0.8 + 0.02 * s, { en: 'Finding pain points…', vi: 'Đang tìm điểm đau…' });
        if (s === NONE || !cells[s * 3 + 2]) continue;
        for (let i = 0; i < n; i++) group[i] = stage[i] === s && negative[i] ? 1 : 0;
        pains[s] = painPoints(index, group);
      }
    } else if (sentCol) warnMissing(ctx, params.text, 'text');

    const out = tableOf({
      stage: stringVector([...STAGES]),
      volume: int32Vector(Int32Array.from(volume)),
      share: floatVector(Float64Array.from(volume, (v) => (n ? v / n : NaN))),
      mean_sentiment: floatVector(mean),
      share_negative: floatVector(negShare),
      swing: floatVector(swing),
      moment_of_truth: boolVector(moment),
      pain_points: stringVector(pains.map((list) => list.map((p) => p.term).join(', '))),
    });
    const shown = STAGES.map((_, s) => s).filter((s) => s !== NONE);
    const map: JourneyMapChart = {
      kind: 'chart',
      chart: 'journey',
      title: { en: 'Customer journey map', vi: 'Bản đồ hành trình khách hàng' },
      stages: shown.map((s) => ({
        stage: STAGES[s],
        label: STAGE_LABEL[STAGES[s]],
        volume: volume[s],
        share: n ? volume[s] / n : 0,
        sentiment: orNull(mean[s]),
        negative: orNull(negShare[s]),
        pains: pains[s].map((p) => ({ term: p.term, count: p.count })),
        momentOfTruth: moment[s],
      })),
      none: { volume: volume[NONE], share: n ? volume[NONE] / n : 0 },
    };
    const rows = shown.filter((s) => scored[s] > 0);
    const heatmap: HeatmapChart = {
      kind: 'chart',
      chart: 'heatmap',
      title: { en: 'Sentiment by journey stage (share of comments)', vi: 'Cảm xúc theo giai đoạn (tỷ lệ bình luận)' },
      rows: rows.map((s) => STAGES[s]),
      rowLabels: rows.map((s) => STAGE_LABEL[STAGES[s]]),
      cols: ['positive', 'neutral', 'negative'],
      colLabels: [
        { en: 'positive', vi: 'tích cực' },
        { en: 'neutral', vi: 'trung tính' },
        { en: 'negative', vi: 'tiêu cực' },
      ],
      format: 'percent',
      values: rows.map((s) => [0, 1, 2].map((c) => cells[s * 3 + c] / scored[s])),
    };
    await ctx.progress(1);
    return { out, map, heatmap };
  },
  scale: 'reduce',
});

function warnMissing(ctx: RunContext, column: string, what: 'sentiment' | 'text'): void {
  ctx.warn(
    what === 'sentiment'
      ? {
          en: `No sentiment column ("${column}" or "sentiment_label"): only volumes are shown. Put Sentiment before this node.`,
          vi: `Không có cột cảm xúc ("${column}" hoặc "sentiment_label"): chỉ hiện số lượng. Hãy đặt node Cảm xúc trước node này.`,
        }
      : { en: `No text column "${column}": pain points are left empty.`, vi: `Không có cột văn bản "${column}": không tìm điểm đau.` },
  );
}
