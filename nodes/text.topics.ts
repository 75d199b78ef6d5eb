import { Int32, makeData, makeVector, type Vector } from 'apache-arrow';
import { z } from 'zod';
import type { BarChart, HeatmapChart } from '../src/core/contract/chart';
import { NodeError } from '../src/core/contract/errors';
import type { Text } from '../src/core/contract/i18n';
import { defineNode } from '../src/core/contract/node';
import { createRandom, seedFrom } from '../src/core/contract/random';
import {
  floatVector,
  int32Vector,
  requireColumn,
  requireTable,
  stringVector,
  tableOf,
  withColumns,
  requireTextColumn,
} from '../src/core/table/table';
import { clip, clippedNote, TEXT_LIMIT } from '../src/core/text/limit';
import type { NmfStart } from '../src/core/ml/nmf';
import { chartOut, columnParam, DONE, inform, seedParam, tableIn, tableOut, ngramsParam } from './kit';

/** "auto" chooses k on at most this many texts (seeded sample), then fits the chosen k on all. */
const AUTO_SAMPLE = 20_000;
/** Rounds of coordinate descent when trying a k for "auto", and for the final fit. */
const AUTO_ROUNDS = 100;
const FIT_ROUNDS = 200;
/** Terms whose co-occurrence gives a topic's coherence (and that the label is taken from). */
const COHERENCE_TERMS = 10;
/**
 * Starts of the final fit: the SVD start (nndsvda) and 5 random ones; of the fits within 0.5% of
 * the lowest error, the most coherent is kept. Coordinate descent ends in a local optimum that depends on the start, and the SVD start
 * alone reached a less coherent one than scikit-learn's on CrowdFlower and ViCTSD. Above
 * RESTARTS_UP_TO texts only the SVD start is fitted (time).
 */
const RANDOM_STARTS = 5;
const RESTARTS_UP_TO = 30_000;
/**
 * "auto" scores k as mean coherence − AUTO_PENALTY × the share of texts in the largest topic: mean
 * NPMI alone prefers 2 or 3 topics where one holds most texts ("everything else") beside a few
 * retweeted sentences. Chosen on the development halves of CrowdFlower and ViCTSD.
 */
const AUTO_PENALTY = 0.5;

const fmt = (x: number, lang: 'en' | 'vi', digits = 2) =>
  x.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (x: number, lang: 'en' | 'vi') => x.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');

/** An Int32 column with missing values where `valid[i]` is 0. */
function nullableInt(values: Int32Array, valid: Uint8Array): Vector {
  let nulls = 0;
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (valid[i]) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  if (nulls === 0) return int32Vector(values);
  return makeVector(makeData({ type: new Int32(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: values }));
}

/** The share of rows (n × k weights W) whose largest weight is on the most common topic. */
function largestShare(W: Float64Array, n: number, k: number): number {
  const size = new Int32Array(k);
  let assigned = 0;
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let t = 1; t < k; t++) if (W[j * k + t] > W[j * k + best]) best = t;
    if (W[j * k + best] > 0) {
      size[best]++;
      assigned++;
    }
  }
  return assigned ? Math.max(...size) / assigned : 0;
}

/** The starts of the final fit: the SVD start, then RANDOM_STARTS random ones (up to RESTARTS_UP_TO texts). */
export function fitStarts(seed: number, texts: number): NmfStart[] {
  const starts: NmfStart[] = [{ init: 'nndsvda', seed: seedFrom(seed, 'topics') }];
  if (texts <= RESTARTS_UP_TO)
    for (let i = 1; i <= RANDOM_STARTS; i++) starts.push({ init: 'random', seed: seedFrom(seed, `topics-start-${i}`) });
  return starts;
}

/** Topics of a text column (NMF on TF-IDF), per row and per group. */
export default defineNode({
  type: 'text.topics',
  version: 2,
  category: 'text',
  title: { en: 'Topics', vi: 'Chủ đề' },
  description: {
    en: 'Finds what the texts (comments, posts, reviews) talk about: groups words that are used together into topics, in English and Vietnamese, and gives each row its main topic. Each topic is named by its top words, with its size and how consistently its words appear together (coherence). Choose the number of topics or let "auto" pick the most coherent one. With a group column (segment, sentiment, journey stage) it also shows which topics each group talks about.',
    vi: 'Tìm xem các văn bản (bình luận, bài đăng, đánh giá) nói về điều gì: gom những từ hay đi cùng nhau thành các chủ đề, tiếng Anh và tiếng Việt, và gán cho mỗi dòng chủ đề chính của nó. Mỗi chủ đề được đặt tên theo các từ hàng đầu, kèm quy mô và mức các từ của nó thường xuất hiện cùng nhau (độ mạch lạc). Hãy chọn số chủ đề hoặc để "tự động" chọn số mạch lạc nhất. Khi có cột nhóm (phân khúc, cảm xúc, giai đoạn hành trình), nút còn cho thấy mỗi nhóm nói về những chủ đề nào.',
  },
  inputs: [tableIn()],
  outputs: [
    tableOut({ en: 'Table with topic', vi: 'Bảng kèm chủ đề' }),
    tableOut({ en: 'Topics', vi: 'Các chủ đề' }, 'topics'),
    tableOut({ en: 'Topics per group', vi: 'Chủ đề theo nhóm' }, 'groups'),
    chartOut({ en: 'Topic shares', vi: 'Tỷ lệ các chủ đề' }),
    chartOut({ en: 'Topics per group (heatmap)', vi: 'Chủ đề theo nhóm (bản đồ nhiệt)' }, 'groupChart'),
  ],
  params: z.object({
    column: columnParam('string', { en: 'Text column', vi: 'Cột văn bản' }, { default: 'text' }),
    k: z
      .union([z.number().int().min(2).max(30), z.literal('auto')])
      .default('auto')
      .meta({
        label: { en: 'Number of topics', vi: 'Số chủ đề' },
        help: {
          en: 'How many topics to find (2–30), or "auto" to try every number between the smallest and largest below and keep the one whose topics are most coherent.',
          vi: 'Số chủ đề cần tìm (2–30), hoặc "tự động" để thử mọi số trong khoảng bên dưới và giữ số cho các chủ đề mạch lạc nhất.',
        },
      }),
    kMin: z
      .number()
      .int()
      .min(2)
      .max(30)
      .default(2)
      .meta({
        label: { en: 'Fewest topics to try (auto)', vi: 'Số chủ đề ít nhất để thử (tự động)' },
        help: { en: 'With "auto": the fewest topics to try.', vi: 'Khi "tự động": số chủ đề ít nhất được thử.' },
      }),
    kMax: z
      .number()
      .int()
      .min(2)
      .max(30)
      .default(10)
      .meta({
        label: { en: 'Most topics to try (auto)', vi: 'Số chủ đề nhiều nhất để thử (tự động)' },
        help: { en: 'With "auto": the most topics to try.', vi: 'Khi "tự động": số chủ đề nhiều nhất được thử.' },
      }),
    group: columnParam(
      'any',
      { en: 'Group column (optional)', vi: 'Cột nhóm (không bắt buộc)' },
      {
        help: {
          en: 'E.g. segment, sentiment or journey_stage: the share of each topic in each group. Empty: no comparison.',
          vi: 'Ví dụ segment, sentiment hoặc journey_stage: tỷ lệ của mỗi chủ đề trong từng nhóm. Để trống: không so sánh.',
        },
      },
    ),
    ngrams: ngramsParam(2, {
      en: '1: single words. 2: also pairs of words, which keep Vietnamese words whole ("giao hàng") and English phrases ("battery life").',
      vi: '1: từng từ. 2: thêm cả cụm hai từ, giữ nguyên từ tiếng Việt ("giao hàng") và cụm tiếng Anh ("battery life").',
    }),
    minCount: z
      .number()
      .int()
      .min(1)
      .default(2)
      .meta({
        label: { en: 'Minimum texts per term', vi: 'Số văn bản tối thiểu mỗi từ' },
        help: {
          en: 'A term must appear in at least this many texts to count.',
          vi: 'Một từ phải xuất hiện trong ít nhất chừng này văn bản mới được tính.',
        },
      }),
    maxShare: z
      .number()
      .min(0.05)
      .max(1)
      .default(0.5)
      .meta({
        label: { en: 'Skip terms in more than this share of texts', vi: 'Bỏ từ có trong quá tỷ lệ văn bản này' },
        help: {
          en: 'A word that nearly every text has (the brand, the event hashtag) tells topics apart poorly. 0.5: words in more than half the texts are skipped.',
          vi: 'Một từ hầu như văn bản nào cũng có (tên thương hiệu, hashtag sự kiện) khó phân biệt chủ đề. 0,5: bỏ các từ có trong hơn một nửa số văn bản.',
        },
      }),
    maxTerms: z
      .number()
      .int()
      .min(50)
      .max(50_000)
      .default(5000)
      .meta({
        label: { en: 'Most terms used', vi: 'Số từ tối đa được dùng' },
        help: {
          en: 'Only the terms found in the most texts are used (time and memory grow with it).',
          vi: 'Chỉ dùng những từ có trong nhiều văn bản nhất (thời gian và bộ nhớ tăng theo số này).',
        },
      }),
    seed: seedParam({
      en: 'The same seed always gives the same topics.',
      vi: 'Cùng một hạt giống luôn cho cùng các chủ đề.',
    }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const vector = requireTextColumn(table, params.column);
    const auto = params.k === 'auto';
    if (auto && params.kMin > params.kMax) {
      throw new NodeError({
        en: `The fewest topics to try (${params.kMin}) is more than the most (${params.kMax}). Swap them.`,
        vi: `Số chủ đề ít nhất để thử (${params.kMin}) lớn hơn số nhiều nhất (${params.kMax}). Hãy đổi chỗ hai số.`,
      });
    }
    const groupVector = params.group ? requireColumn(table, params.group) : undefined;
    const { encodeKeys } = await import('../src/core/table/encode-keys');
    const topicsText = await import('../src/core/text/topics');
    const { nmf, nmfBestOf } = await import('../src/core/ml/nmf');
    const n = table.numRows;
    const at = (from: number, span: number, msg: Text) => (done: number) => ctx.progress(from + (span * done) / Math.max(1, n), msg);

    await ctx.progress(0, { en: 'Reading text…', vi: 'Đang đọc văn bản…' });
    const keys = await encodeKeys(vector, at(0, 0.05, { en: 'Reading text…', vi: 'Đang đọc văn bản…' }));
    let long = 0;
    const texts = keys.values.map((v) => {
      const t = String(v);
      if (t.length > TEXT_LIMIT) {
        long++;
        return clip(t);
      }
      return t;
    });
    if (long) ctx.warn(clippedNote(long));
    const corpus = await topicsText.topicCorpus(
      keys.codes,
      texts,
      params.ngrams,
      at(0.05, 0.25, { en: 'Counting words…', vi: 'Đang đếm từ…' }),
    );
    await ctx.progress(0.3, { en: 'Weighing words…', vi: 'Đang tính trọng số từ…' });
    const X = topicsText.tfidfMatrix(corpus, { minDf: params.minCount, maxShare: params.maxShare, maxTerms: params.maxTerms });
    if (X.nonEmpty === 0 || X.cols < 2) {
      throw new NodeError(
        corpus.vocabulary.length === 0
          ? {
              en: `No text in "${params.column}" has a word to read (they are empty, emoji, numbers or common words only). Choose the column with the comments or posts.`,
              vi: `Không văn bản nào trong "${params.column}" có từ để đọc (chỉ trống, biểu tượng cảm xúc, con số hoặc từ phổ biến). Hãy chọn cột chứa bình luận hoặc bài đăng.`,
            }
          : {
              en: `Too few words are shared by several texts (${X.cols} kept of ${corpus.vocabulary.length.toLocaleString('en-US')}). Lower "Minimum texts per term", raise "Skip terms in more than this share of texts", or give more texts.`,
              vi: `Quá ít từ xuất hiện chung trong nhiều văn bản (giữ ${X.cols} trên ${corpus.vocabulary.length.toLocaleString('vi-VN')}). Hãy giảm "Số văn bản tối thiểu mỗi từ", tăng "Bỏ từ có trong quá tỷ lệ văn bản này", hoặc đưa thêm văn bản.`,
            },
      );
    }
    // Only rows with a kept term are factorised; the others get no topic.
    const docs = new Int32Array(X.nonEmpty);
    for (let d = 0, j = 0; d < n; d++) if (X.rowPtr[d + 1] > X.rowPtr[d]) docs[j++] = d;
    const empty = n - docs.length;
    const Xfit = topicsText.pickRows(X, docs);
    const limit = Math.min(docs.length, X.cols);
    if (!auto && (params.k as number) > limit) {
      const k = params.k as number;
      throw new NodeError({
        en: `${k} topics were asked for, but only ${count(docs.length, 'en')} texts with ${count(X.cols, 'en')} usable words were found. Ask for ${Math.max(2, limit - 1)} topics or fewer, or give more texts.`,
        vi: `Bạn yêu cầu ${k} chủ đề, nhưng chỉ có ${count(docs.length, 'vi')} văn bản với ${count(X.cols, 'vi')} từ dùng được. Hãy chọn tối đa ${Math.max(2, limit - 1)} chủ đề, hoặc đưa thêm văn bản.`,
      });
    }
    if (auto && params.kMin > limit) {
      throw new NodeError({
        en: `Only ${count(docs.length, 'en')} texts with ${count(X.cols, 'en')} usable words were found: too few for ${params.kMin} topics or more. Lower "Fewest topics to try", or give more texts.`,
        vi: `Chỉ có ${count(docs.length, 'vi')} văn bản với ${count(X.cols, 'vi')} từ dùng được: quá ít cho từ ${params.kMin} chủ đề trở lên. Hãy giảm "Số chủ đề ít nhất để thử", hoặc đưa thêm văn bản.`,
      });
    }
    if (empty > 0) {
      ctx.warn({
        en: `${count(empty, 'en')} row${empty > 1 ? 's have' : ' has'} no topic: empty, emoji only, or only common or rare words.`,
        vi: `${count(empty, 'vi')} dòng không có chủ đề: trống, chỉ có biểu tượng cảm xúc, hoặc chỉ có từ phổ biến hay từ hiếm.`,
      });
    }
    if (X.seen > X.cols && X.cols === params.maxTerms) {
      inform(ctx, {
        en: `The ${count(X.cols, 'en')} terms found in the most texts are used, of ${count(X.seen, 'en')} (raise "Most terms used" to use more).`,
        vi: `Dùng ${count(X.cols, 'vi')} từ có trong nhiều văn bản nhất, trên tổng số ${count(X.seen, 'vi')} (tăng "Số từ tối đa được dùng" để dùng nhiều hơn).`,
      });
    }

    // The number of topics: fixed, or the most coherent on a seeded sample of texts.
    let k = auto ? params.kMin : (params.k as number);
    if (auto) {
      const kMax = Math.min(params.kMax, limit);
      let sample = Xfit;
      if (docs.length > AUTO_SAMPLE) {
        const rng = createRandom(seedFrom(params.seed, 'topics-sample'));
        const idx = Int32Array.from({ length: docs.length }, (_, i) => i);
        for (let i = 0; i < AUTO_SAMPLE; i++) {
          const j = i + Math.floor(rng() * (idx.length - i));
          const t = idx[i];
          idx[i] = idx[j];
          idx[j] = t;
        }
        sample = topicsText.pickRows(Xfit, idx.subarray(0, AUTO_SAMPLE).sort());
      }
      const tried: { k: number; coherence: number; largest: number; score: number }[] = [];
      const span = kMax - params.kMin + 1;
      for (let kk = params.kMin; kk <= kMax; kk++) {
        const step = kk - params.kMin;
        const fit = await nmf(sample, {
          k: kk,
          seed: seedFrom(params.seed, 'topics'),
          maxIter: AUTO_ROUNDS,
          onRound: (r) =>
            r % 10 === 0
              ? ctx.progress(0.3 + (0.4 * (step + r / AUTO_ROUNDS)) / span, { en: `Trying ${kk} topics…`, vi: `Đang thử ${kk} chủ đề…` })
              : undefined,
        });
        const lists = Array.from({ length: kk }, (_, t) => topicsText.topTerms(sample.terms, sample.df, fit.Ht, kk, t, COHERENCE_TERMS));
        const c = topicsText.npmiCoherence(sample, lists);
        const coherence = c.reduce((a, b) => a + b, 0) / kk;
        const largest = largestShare(fit.W, sample.rowPtr.length - 1, kk);
        tried.push({ k: kk, coherence, largest, score: coherence - AUTO_PENALTY * largest });
      }
      const best = tried.reduce((a, b) => (b.score > a.score + 1e-12 ? b : a));
      k = best.k;
      const list = (lang: 'en' | 'vi') =>
        tried
          .map((t) => `${t.k}: ${fmt(t.coherence, lang)} (${lang === 'en' ? 'largest' : 'lớn nhất'} ${fmt(100 * t.largest, lang, 0)}%)`)
          .join(lang === 'en' ? ', ' : '; ');
      const onSample = docs.length > AUTO_SAMPLE;
      inform(ctx, {
        en: `${k} topics chosen: the most coherent words (mean coherence ${fmt(best.coherence, 'en')}, from −1 to 1) without one topic holding most texts (the largest holds ${fmt(100 * best.largest, 'en', 0)}%); score = coherence − ${fmt(AUTO_PENALTY, 'en', 1)} × largest share; tried ${list('en')}${onSample ? `; measured on ${count(AUTO_SAMPLE, 'en')} texts picked at random` : ''}.`,
        vi: `Chọn ${k} chủ đề: các từ mạch lạc nhất (độ mạch lạc trung bình ${fmt(best.coherence, 'vi')}, từ −1 đến 1) mà không có chủ đề nào chiếm phần lớn văn bản (chủ đề lớn nhất chiếm ${fmt(100 * best.largest, 'vi', 0)}%); điểm = độ mạch lạc − ${fmt(AUTO_PENALTY, 'vi', 1)} × tỷ lệ chủ đề lớn nhất; đã thử ${list('vi')}${onSample ? `; đo trên ${count(AUTO_SAMPLE, 'vi')} văn bản chọn ngẫu nhiên` : ''}.`,
      });
    }
    const from = auto ? 0.7 : 0.3,
      to = 0.9;
    const starts = fitStarts(params.seed, docs.length);
    const coherenceOf = (Ht: Float64Array) =>
      topicsText
        .npmiCoherence(
          Xfit,
          Array.from({ length: k }, (_, t) => topicsText.topTerms(Xfit.terms, Xfit.df, Ht, k, t, COHERENCE_TERMS)),
        )
        .reduce((a, b) => a + b, 0) / k;
    const { fit } = await nmfBestOf(
      Xfit,
      k,
      starts,
      { maxIter: FIT_ROUNDS, helpers: ctx.helpers },
      (f) => coherenceOf(f.Ht),
      (i, r, max) =>
        r % 5 === 0
          ? ctx.progress(from + ((to - from) * (i + r / max)) / starts.length, {
              en: `Fitting ${k} topics${starts.length > 1 ? ` (start ${i + 1} of ${starts.length})` : ''}…`,
              vi: `Đang tìm ${k} chủ đề${starts.length > 1 ? ` (lần khởi đầu ${i + 1}/${starts.length})` : ''}…`,
            })
          : undefined,
    );
    if (starts.length === 1 && docs.length > RESTARTS_UP_TO)
      inform(ctx, {
        en: `With more than ${count(RESTARTS_UP_TO, 'en')} texts the topics are fitted from one start (the SVD of the texts) instead of ${RANDOM_STARTS + 1}, for time.`,
        vi: `Với hơn ${count(RESTARTS_UP_TO, 'vi')} văn bản, các chủ đề được tìm từ một điểm khởi đầu (SVD của văn bản) thay vì ${RANDOM_STARTS + 1}, để tiết kiệm thời gian.`,
      });
    if (!fit.converged) {
      ctx.warn({
        en: `The topics were still moving slightly after ${FIT_ROUNDS} rounds; they are usable, but another seed may give slightly different ones.`,
        vi: `Các chủ đề vẫn còn thay đổi nhẹ sau ${FIT_ROUNDS} vòng; vẫn dùng được, nhưng hạt giống khác có thể cho kết quả hơi khác.`,
      });
    }
    await ctx.progress(0.9, { en: 'Naming topics…', vi: 'Đang đặt tên chủ đề…' });

    // Each text's main topic, and how much of its weight that topic holds.
    const raw = new Int32Array(docs.length),
      weight = new Float64Array(docs.length);
    const size = new Int32Array(k);
    for (let j = 0; j < docs.length; j++) {
      let best = 0,
        sum = 0;
      for (let t = 0; t < k; t++) {
        const w = fit.W[j * k + t];
        sum += w;
        if (w > fit.W[j * k + best]) best = t;
      }
      raw[j] = sum > 0 ? best : -1;
      weight[j] = sum > 0 ? fit.W[j * k + best] / sum : 0;
      if (sum > 0) size[best]++;
    }
    // Topics numbered 1, 2, … from the largest (ties: the order found).
    const order = Array.from({ length: k }, (_, t) => t).sort((a, b) => size[b] - size[a] || a - b);
    const number = new Int32Array(k);
    order.forEach((t, i) => {
      number[t] = i + 1;
    });
    const lists = order.map((t) => topicsText.topTerms(Xfit.terms, Xfit.df, fit.Ht, k, t, COHERENCE_TERMS));
    const coherence = topicsText.npmiCoherence(Xfit, lists);
    const labels = lists.map((l) =>
      l
        .slice(0, 3)
        .map((c) => Xfit.terms[c])
        .join(', '),
    );
    const assigned = size.reduce((a, b) => a + b, 0);

    const topicOf = new Int32Array(n),
      valid = new Uint8Array(n);
    const topicWeight = new Float64Array(n).fill(NaN);
    const topicLabel: (string | null)[] = new Array(n).fill(null);
    for (let j = 0; j < docs.length; j++) {
      if (raw[j] < 0) continue;
      const d = docs[j];
      const num = number[raw[j]];
      topicOf[d] = num;
      valid[d] = 1;
      topicWeight[d] = weight[j];
      topicLabel[d] = labels[num - 1];
    }
    const topics = tableOf({
      topic: int32Vector(Int32Array.from(order, (_, i) => i + 1)),
      label: stringVector(labels),
      terms: stringVector(lists.map((l) => l.map((c) => Xfit.terms[c]).join(', '))),
      size: int32Vector(Int32Array.from(order, (t) => size[t])),
      share: floatVector(Float64Array.from(order, (t) => (assigned ? size[t] / assigned : 0))),
      coherence: floatVector(Float64Array.from(coherence)),
    });
    const names = labels.map((l, i) => `${i + 1}. ${l}`);
    const chart: BarChart = {
      kind: 'chart',
      chart: 'bar',
      title: { en: 'Share of texts per topic', vi: 'Tỷ lệ văn bản theo chủ đề' },
      categories: names,
      series: [{ name: 'share', values: order.map((t) => (assigned ? Math.round((1e4 * size[t]) / assigned) / 100 : 0)) }],
      xLabel: 'topic',
      yLabel: '% of texts',
      horizontal: true,
    };

    // Topics per group: the share of each topic among the group's texts that have one.
    let groups = tableOf({
      group: stringVector([]),
      topic: int32Vector(new Int32Array(0)),
      label: stringVector([]),
      texts: int32Vector(new Int32Array(0)),
      share: floatVector(new Float64Array(0)),
    });
    let groupChart: HeatmapChart = {
      kind: 'chart',
      chart: 'heatmap',
      title: { en: 'Choose a group column to compare topics by group', vi: 'Hãy chọn cột nhóm để so sánh chủ đề theo nhóm' },
      rows: [],
      cols: names,
      values: [],
      format: 'percent',
    };
    if (groupVector) {
      const g = await encodeKeys(groupVector);
      const G = g.values.length;
      const cells = new Int32Array(G * k),
        totals = new Int32Array(G);
      let noGroup = 0;
      for (let d = 0; d < n; d++) {
        if (!valid[d]) continue;
        const gi = g.codes[d];
        if (gi < 0) {
          noGroup++;
          continue;
        }
        cells[gi * k + topicOf[d] - 1]++;
        totals[gi]++;
      }
      const gOrder = g.values
        .map((_, i) => i)
        .filter((i) => totals[i] > 0)
        .sort((a, b) => {
          const x = g.values[a],
            y = g.values[b];
          return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
        });
      const col = { group: [] as string[], topic: [] as number[], label: [] as string[], texts: [] as number[], share: [] as number[] };
      for (const gi of gOrder)
        for (let t = 0; t < k; t++) {
          col.group.push(String(g.values[gi]));
          col.topic.push(t + 1);
          col.label.push(labels[t]);
          col.texts.push(cells[gi * k + t]);
          col.share.push(cells[gi * k + t] / totals[gi]);
        }
      groups = tableOf({
        group: stringVector(col.group),
        topic: int32Vector(Int32Array.from(col.topic)),
        label: stringVector(col.label),
        texts: int32Vector(Int32Array.from(col.texts)),
        share: floatVector(Float64Array.from(col.share)),
      });
      groupChart = {
        kind: 'chart',
        chart: 'heatmap',
        title: { en: `Topics per ${params.group}`, vi: `Chủ đề theo ${params.group}` },
        rows: gOrder.map((gi) => String(g.values[gi])),
        cols: names,
        values: gOrder.map((gi) => Array.from({ length: k }, (_, t) => cells[gi * k + t] / totals[gi])),
        format: 'percent',
      };
      if (noGroup)
        ctx.warn({
          en: `${count(noGroup, 'en')} row${noGroup > 1 ? 's have' : ' has'} a topic but no group and ${noGroup > 1 ? 'are' : 'is'} left out of the topics per group.`,
          vi: `${count(noGroup, 'vi')} dòng có chủ đề nhưng không có nhóm nên không được tính vào chủ đề theo nhóm.`,
        });
    }
    const summary: Text = {
      en: `${k} topics over ${count(assigned, 'en')} texts and ${count(X.cols, 'en')} terms; the largest: ${labels[0]} (${fmt((100 * size[order[0]]) / Math.max(1, assigned), 'en', 0)}% of texts).`,
      vi: `${k} chủ đề trên ${count(assigned, 'vi')} văn bản và ${count(X.cols, 'vi')} từ; lớn nhất: ${labels[0]} (${fmt((100 * size[order[0]]) / Math.max(1, assigned), 'vi', 0)}% văn bản).`,
    };
    inform(ctx, summary);
    await ctx.progress(1, DONE);
    return {
      out: withColumns(table, {
        topic: nullableInt(topicOf, valid),
        topic_label: stringVector(topicLabel),
        topic_weight: floatVector(topicWeight),
      }),
      topics,
      groups,
      chart,
      groupChart,
    };
  },
  // NMF factorises the whole term matrix at once.
  scale: 'whole',
});
