import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { breakLongRuns, clip, clippedNote, TEXT_LIMIT, WINK_LIMIT } from '../src/core/text/limit';
import { floatVector, requireColumn, requireTable, stringVector, toValues, withColumns } from '../src/core/table/table';
import { columnParam, languageParam, seedParam, tableIn, tableOut } from './kit';
import { say } from '../src/core/contract/format';

type Polarity = 'positive' | 'neutral' | 'negative';

/** Label threshold: positive above +0.05, negative below −0.05, else neutral (as VADER; checked on the dev splits). */
export const THRESHOLD = 0.05;
const PROGRESS_EVERY = 10_000;
/** Scale of the lexicon features in labels mode (chosen on development data: UIT-ViSFD Dev, a CrowdFlower dev half). */
const LEXICON_WEIGHT = 1;

const POSITIVE = new Set(['positive', 'pos', 'p', '+', '+1', '1', 'yes', 'good', 'tích cực', 'tich cuc', 'tốt', 'tot', 'khen']);
const NEGATIVE = new Set(['negative', 'neg', 'n', '-', '-1', 'no', 'bad', 'tiêu cực', 'tieu cuc', 'xấu', 'xau', 'chê', 'che']);
const NEUTRAL = new Set(['neutral', 'neu', 'none', 'mixed', 'trung tính', 'trung tinh', 'trung lập', 'trung lap', 'bình thường']);

/** The polarity a user's label stands for; "0" is negative for 0/1 labels and neutral for −1/0/1 labels. */
function polarityOf(label: string, minusOne: boolean): Polarity | null {
  const l = label.trim().toLowerCase();
  if (l === '0') return minusOne ? 'neutral' : 'negative';
  if (POSITIVE.has(l)) return 'positive';
  if (NEGATIVE.has(l)) return 'negative';
  if (NEUTRAL.has(l)) return 'neutral';
  return null;
}

let winkPipe: Promise<ReturnType<typeof import('wink-nlp').default>> | null = null;
/** wink-nlp with the English model, negation + sentiment: the lightest pipe that gives its full-pipeline scores. */
function loadWink() {
  winkPipe ??= Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')])
    .then(([{ default: winkNLP }, { default: model }]) => winkNLP(model, ['negation', 'sentiment']))
    .catch((error: unknown) => {
      winkPipe = null;
      throw error;
    });
  return winkPipe;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : String(v));

/** Appends sentiment_score (−1…1) and sentiment_label to each row of comments, English or Vietnamese. */
export default defineNode({
  type: 'text.sentiment',
  version: 4,
  category: 'text',
  title: { en: 'Sentiment', vi: 'Cảm xúc' },
  description: {
    en: 'Scores how positive or negative each text is (−1 to 1) and labels it positive, neutral or negative. English and Vietnamese (with or without accents, teen-code, emoji); or learns from rows you have labelled.',
    vi: 'Chấm điểm mức tích cực hay tiêu cực của mỗi văn bản (−1 đến 1) và gắn nhãn tích cực, trung tính hoặc tiêu cực. Tiếng Anh và tiếng Việt (có dấu hay không dấu, teen-code, emoji); hoặc học từ các dòng bạn đã gắn nhãn.',
  },
  inputs: [tableIn({ en: 'Texts', vi: 'Văn bản' })],
  outputs: [tableOut({ en: 'With sentiment', vi: 'Kèm cảm xúc' })],
  params: z.object({
    column: z
      .string()
      .min(1)
      .default('text')
      .meta({
        label: { en: 'Text column', vi: 'Cột văn bản' },
        help: { en: 'The comments or posts to score.', vi: 'Các bình luận hoặc bài đăng cần chấm điểm.' },
        widget: 'column',
        columnType: 'string',
      }),
    language: languageParam(
      'auto',
      { en: 'Automatic', vi: 'Tự động' },
      {
        en: 'Automatic decides per row; texts in other languages are scored as English.',
        vi: 'Tự động nhận diện từng dòng; văn bản ngôn ngữ khác được chấm như tiếng Anh.',
      },
    ),
    labels: columnParam(
      'any',
      { en: 'Known labels (optional)', vi: 'Nhãn có sẵn (không bắt buộc)' },
      {
        help: {
          en: 'A column with positive / neutral / negative (or 1 / 0) for some rows. Those rows teach a model that labels the others; the score is then P(positive) − P(negative). Leave empty to use the built-in word lists.',
          vi: 'Một cột có nhãn tích cực / trung tính / tiêu cực (hoặc 1 / 0) ở một số dòng. Các dòng đó dạy một mô hình để gắn nhãn các dòng còn lại; điểm khi đó là P(tích cực) − P(tiêu cực). Để trống để dùng bộ từ có sẵn.',
        },
      },
    ),
    englishEngine: z
      .enum(['lexicon', 'wink'])
      .default('lexicon')
      .meta({
        when: [
          { param: 'labels', equals: '' },
          { param: 'language', notIn: ['vi'] },
        ],
        label: { en: 'English engine', vi: 'Bộ chấm tiếng Anh' },
        help: {
          en: 'Word list: fast (several times wink-nlp) with similar accuracy. wink-nlp: the reference English analyser, slower.',
          vi: 'Bộ từ: nhanh (gấp nhiều lần wink-nlp), độ chính xác tương đương. wink-nlp: bộ phân tích tiếng Anh tham chiếu, chậm hơn.',
        },
        options: { lexicon: { en: 'Word list (fast)', vi: 'Bộ từ (nhanh)' }, wink: { en: 'wink-nlp', vi: 'wink-nlp' } },
      }),
    seed: seedParam(
      {
        en: 'Only used to split labelled rows for the accuracy check.',
        vi: 'Chỉ dùng để chia các dòng có nhãn khi kiểm tra độ chính xác.',
      },
      { when: { param: 'labels', notIn: [''] } },
    ),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const texts = toValues(requireColumn(table, params.column, 'string')).map(asText);
    const n = texts.length;
    // Lexicons and the classifier load with the run (in the worker), not with the page's palette.
    const [{ learnFromLabelsLinear }, { labelOf }, { scoreEnglish }, { scoreVietnamese }, { detectLanguage }] = await Promise.all([
      import('../src/core/text/linear'),
      import('../src/core/text/sentiment-engine'),
      import('../src/core/text/sentiment-en'),
      import('../src/core/text/sentiment-vi'),
      import('../src/core/text/tokenize'),
    ]);
    const scores = new Float64Array(n);
    const labels = new Array<Polarity>(n);

    if (params.labels) {
      const known = toValues(requireColumn(table, params.labels)).map(asText);
      // The lexicon's score, split into its positive and negative part, is two extra features of the
      // linear model: it carries negation and intensity the n-grams of a small labelled set miss.
      const lexicon = (text: string): number[] => {
        if (!text || !text.trim()) return [0, 0];
        const lang = params.language === 'auto' ? detectLanguage(text) : params.language;
        const s = lang === 'vi' ? scoreVietnamese(text) : scoreEnglish(text);
        return [Math.max(s, 0) * LEXICON_WEIGHT, Math.max(-s, 0) * LEXICON_WEIGHT];
      };
      let long = 0;
      const read = texts.map((t) => {
        if (t && t.length > TEXT_LIMIT) {
          long++;
          return clip(t);
        }
        return t;
      });
      if (long) ctx.warn(clippedNote(long));
      const result = await learnFromLabelsLinear(read, known, params.seed, {
        extra: lexicon,
        onProgress: (f) => ctx.progress(0.02 + 0.96 * f, { en: 'Learning from labelled rows…', vi: 'Đang học từ các dòng có nhãn…' }),
      });
      const minusOne = result.classes.some((c) => c.trim() === '-1');
      const polarity = result.classes.map((c) => polarityOf(c, minusOne));
      const unknown = result.classes.filter((_, i) => polarity[i] === null);
      if (unknown.length) {
        throw new NodeError({
          en: `The labels column "${params.labels}" has values that are not sentiments: ${unknown.slice(0, 6).join(', ')}. Use positive / neutral / negative (or 1 / 0, tích cực / tiêu cực).`,
          vi: `Cột nhãn "${params.labels}" có giá trị không phải cảm xúc: ${unknown.slice(0, 6).join(', ')}. Hãy dùng positive / neutral / negative (hoặc 1 / 0, tích cực / tiêu cực).`,
        });
      }
      const C = result.classes.length;
      const pos = polarity.indexOf('positive'),
        neg = polarity.indexOf('negative');
      for (let i = 0; i < n; i++) {
        if (!texts[i] || !texts[i]!.trim()) {
          labels[i] = 'neutral';
          continue;
        }
        const p = result.probabilities;
        const s = (pos >= 0 ? p[i * C + pos] : 0) - (neg >= 0 ? p[i * C + neg] : 0);
        scores[i] = Math.max(-1, Math.min(1, s));
        labels[i] = polarity[result.classes.indexOf(result.predicted[i])]!;
      }
      const count = result.trained.toLocaleString('en-US'),
        countVi = result.trained.toLocaleString('vi-VN');
      const acc = Math.round(result.accuracy * 100);
      ctx.warn(
        Number.isNaN(result.accuracy)
          ? {
              en: `Learned from ${count} labelled rows; too few (or a single label) to check the accuracy.`,
              vi: `Đã học từ ${countVi} dòng có nhãn; quá ít (hoặc chỉ một loại nhãn) để kiểm tra độ chính xác.`,
            }
          : {
              en: `Learned from ${count} labelled rows; cross-validated accuracy ${acc}%.`,
              vi: `Đã học từ ${countVi} dòng có nhãn; độ chính xác kiểm định chéo ${acc}%.`,
            },
      );
      await ctx.progress(1);
      return { out: withColumns(table, { sentiment_score: floatVector(scores), sentiment_label: stringVector(labels) }) };
    }

    let english: (text: string) => number = scoreEnglish;
    const needsEnglish = params.language !== 'vi';
    const wink = needsEnglish && params.englishEngine === 'wink';
    if (wink) {
      // Loaded once per worker: building the pipeline takes about a second.
      const nlp = await loadWink();
      const its = nlp.its;
      // wink-nlp is slow per token and quadratic in the length of a run without spaces: it reads at
      // most WINK_LIMIT characters of a text, with runs longer than 32 characters broken up.
      english = (text) => Math.max(-1, Math.min(1, Number(nlp.readDoc(breakLongRuns(clip(text, WINK_LIMIT))).out(its.sentiment)) || 0));
    }
    let vi = 0,
      en = 0,
      clipped = 0,
      clippedWink = 0;
    for (let i = 0; i < n; i++) {
      if (i % PROGRESS_EVERY === 0 && i > 0)
        await ctx.progress(
          i / n,
          say(
            (f) => `Scored ${f.int(i)} of ${f.count(n, 'text', 'texts')}`,
            (f) => `Đã chấm ${f.int(i)} trên ${f.int(n)} văn bản`,
          ),
        );
      const full = texts[i];
      if (!full || !full.trim()) {
        labels[i] = 'neutral';
        continue;
      }
      const text = clip(full);
      const lang = params.language === 'auto' ? detectLanguage(text) : params.language;
      let s: number;
      if (lang === 'vi') {
        s = scoreVietnamese(text);
        vi++;
      } else {
        s = english(text);
        en++;
      }
      if (full.length > (lang !== 'vi' && wink ? WINK_LIMIT : TEXT_LIMIT)) {
        if (lang !== 'vi' && wink) clippedWink++;
        else clipped++;
      }
      scores[i] = s;
      labels[i] = labelOf(s, THRESHOLD);
    }
    if (clipped) ctx.warn(clippedNote(clipped));
    if (clippedWink) ctx.warn(clippedNote(clippedWink, WINK_LIMIT));
    if (params.language === 'auto' && n > 0) {
      ctx.warn({
        en: `Detected ${vi.toLocaleString('en-US')} Vietnamese and ${en.toLocaleString('en-US')} English (or other) texts.`,
        vi: `Nhận diện ${vi.toLocaleString('vi-VN')} văn bản tiếng Việt và ${en.toLocaleString('vi-VN')} văn bản tiếng Anh (hoặc khác).`,
      });
    }
    await ctx.progress(1);
    return { out: withColumns(table, { sentiment_score: floatVector(scores), sentiment_label: stringVector(labels) }) };
  },
  scale: 'rows',
});
