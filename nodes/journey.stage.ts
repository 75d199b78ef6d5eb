import type { Vector } from 'apache-arrow';
import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { DEFAULT_LEXICON } from '../src/core/journey/lexicon';
import { STAGES, STAGE_LABEL } from '../src/core/journey/stages';
import { clip, clippedNote, TEXT_LIMIT } from '../src/core/text/limit';
import { defineNode, type RunContext } from '../src/core/contract/node';
import { floatVector, requireColumn, requireTable, stringVector, withColumns } from '../src/core/table/table';
import { columnParam, languageParam, seedParam, tableIn, tableOut } from './kit';

const NONE = STAGES.indexOf('none');
const pct = (x: number) => `${Math.round(x * 100)}%`;

const entry = z.object({
  stage: z.enum(STAGES).meta({ label: { en: 'Stage', vi: 'Giai đoạn' }, options: STAGE_LABEL }),
  phrase: z
    .string()
    .min(1)
    .meta({ label: { en: 'Phrase', vi: 'Cụm từ' } }),
  weight: z
    .number()
    .min(-10)
    .max(10)
    .default(1)
    .meta({ label: { en: 'Weight', vi: 'Trọng số' } }),
  language: languageParam('any', { en: 'Any', vi: 'Mọi ngôn ngữ' }),
});

/**
 * Classifies each text into a customer-journey stage with an editable English + Vietnamese
 * lexicon (src/core/journey/lexicon.ts, matching rules in match.ts) weighed together with a
 * model learned from built-in labelled examples (src/core/journey/examples.ts), or — when a
 * labels column is given — with a classifier taught by the labelled rows.
 */
export default defineNode({
  type: 'journey.stage',
  version: 5,
  category: 'journey',
  title: { en: 'Journey stage', vi: 'Giai đoạn hành trình' },
  description: {
    en:
      'Puts each comment in a customer-journey stage from English and Vietnamese phrases you can edit (including teen-code and text without accents), weighed with a built-in model learned from labelled example comments — our own written ones and real public comments (tweets to brands, product questions and reviews, Vietnamese shop and social comments; the model keeps weights, not texts). With a labels column, learns from your labelled rows instead. ' +
      'Stages: awareness = first contact with the brand (discovering it, "just saw your ad", "first time hearing of you", following the page). ' +
      'consideration = evaluating before buying: price, size, stock, shipping options, comparisons, specs/compatibility questions, asking for reviews ("does it fit…", "will this work with…", "how much"). ' +
      'purchase = the act of ordering/paying/booking, including problems while doing it (checkout fails, payment declined, can\'t place the order, booking a ticket, "just ordered"). ' +
      'experience = receiving and using the product or service, including complaints and support requests about it (late delivery, broken item, bad service, app crashes, a cancelled/delayed train or flight, "no response from you guys", "my account is locked", praise of the product\'s quality that is not a recommendation). ' +
      'advocacy = recommending, loyal praise, "will buy again", "best ever, everyone should buy". ' +
      'churn = leaving or saying they will leave (cancel the account/subscription, switch to a competitor, "never again"). A complaint is experience unless it says the customer is leaving. "My flight was cancelled" is experience (the company cancelled), not churn. ' +
      "none = not about the customer's journey with a brand/product/service (chit-chat, news opinions, politics, insults, jokes, off-topic). " +
      "journey_confidence (0–1) is the model's probability of its answer: on real held-out comments about 8 in 10 answers above 0.8 were right (9 in 10 in Vietnamese), and about half of those below 0.6 were wrong, so check those by hand.",
    vi:
      'Xếp mỗi bình luận vào một giai đoạn hành trình khách hàng dựa trên các cụm từ tiếng Anh và tiếng Việt có thể chỉnh sửa (kể cả teen-code và chữ không dấu), cân nhắc cùng một mô hình có sẵn học từ các bình luận mẫu đã gán nhãn — bình luận do chúng tôi viết và bình luận công khai thật (tweet gửi thương hiệu, câu hỏi và đánh giá sản phẩm, bình luận cửa hàng và mạng xã hội tiếng Việt; mô hình chỉ giữ trọng số, không giữ văn bản). Nếu có cột nhãn, node học từ các dòng đã gán nhãn. ' +
      'Các giai đoạn: nhận biết (awareness) = lần đầu tiếp xúc với thương hiệu (mới biết đến, "vừa thấy quảng cáo", "lần đầu nghe tên", theo dõi trang). ' +
      'cân nhắc (consideration) = tìm hiểu trước khi mua: giá, size, còn hàng, cách giao hàng, so sánh, hỏi thông số hay có dùng được với máy khác không, xin đánh giá ("còn hàng không", "giá bao nhiêu"). ' +
      'mua hàng (purchase) = hành động đặt hàng, thanh toán, đặt vé, kể cả trục trặc khi làm việc đó (thanh toán lỗi, thẻ bị từ chối, không đặt được đơn, "đặt hàng", "chốt đơn"). ' +
      'trải nghiệm (experience) = nhận và dùng sản phẩm hay dịch vụ, kể cả phàn nàn và yêu cầu hỗ trợ về nó (giao trễ, hàng hỏng, phục vụ kém, ứng dụng bị lỗi, chuyến tàu hay chuyến bay bị hủy hoặc trễ, "không ai trả lời", "tài khoản bị khóa", lời khen chất lượng sản phẩm không kèm lời giới thiệu). ' +
      'giới thiệu (advocacy) = giới thiệu cho người khác, khen với lòng trung thành, "sẽ mua lại", "tuyệt nhất, mọi người nên mua". ' +
      'rời bỏ (churn) = rời đi hoặc nói sẽ rời đi (hủy tài khoản hay gói đăng ký, chuyển sang đối thủ, "bỏ", "không bao giờ mua nữa"). Một lời phàn nàn là trải nghiệm, trừ khi nói khách hàng sẽ rời đi. "Chuyến bay của tôi bị hủy" là trải nghiệm (công ty hủy), không phải rời bỏ. ' +
      'không xác định (none) = không nói về hành trình của khách với một thương hiệu, sản phẩm hay dịch vụ (chuyện phiếm, ý kiến về tin tức, chính trị, lời lăng mạ, đùa, lạc đề). ' +
      'journey_confidence (0–1) là xác suất mô hình gán cho câu trả lời: trên bình luận thật để kiểm tra, khoảng 8/10 câu trả lời trên 0,8 là đúng (tiếng Việt: 9/10), còn khoảng một nửa số câu dưới 0,6 là sai, nên hãy xem lại các câu đó.',
  },
  inputs: [tableIn()],
  outputs: [tableOut({ en: 'With journey stage', vi: 'Kèm giai đoạn hành trình' })],
  params: z.object({
    column: columnParam(
      'string',
      { en: 'Text column', vi: 'Cột văn bản' },
      { help: { en: 'The comments to classify.', vi: 'Cột chứa bình luận cần phân loại.' }, default: 'text' },
    ),
    language: languageParam(
      'auto',
      { en: 'Auto (both)', vi: 'Tự động (cả hai)' },
      {
        en: 'Auto tries the English and the Vietnamese phrases on every text (mixed comments are common).',
        vi: 'Tự động: thử cả cụm từ tiếng Anh và tiếng Việt trên mọi bình luận (bình luận trộn hai thứ tiếng rất phổ biến).',
      },
    ),
    labels: columnParam(
      'string',
      { en: 'Known stages (optional)', vi: 'Giai đoạn đã biết (tùy chọn)' },
      {
        help: {
          en: 'A column with the stage of some rows. Those rows teach a classifier and the others are predicted; the lexicon is then not used.',
          vi: 'Một cột ghi sẵn giai đoạn của một số dòng. Các dòng đó dạy cho bộ phân loại, các dòng còn lại được dự đoán; khi đó không dùng bộ từ điển.',
        },
      },
    ),
    lexicon: z
      .array(entry)
      .default(() => DEFAULT_LEXICON.map((e) => ({ ...e })))
      .meta({
        when: { param: 'labels', equals: '' },
        label: { en: 'Lexicon', vi: 'Bộ từ điển' },
        help: {
          en: 'Phrases per stage with weights; the stage with the highest total wins (ties go to the later stage). "*" is any word, "#" a number, "word*" any word starting with "word", "^"/"$" the start/end of a clause, "?" a question mark, "@*help" a mentioned account whose name ends in "help" ("@ask*": starts with "ask").',
          vi: 'Các cụm từ theo giai đoạn kèm trọng số; giai đoạn có tổng điểm cao nhất thắng (hòa thì giai đoạn sau thắng). "*" là một từ bất kỳ, "#" là một số, "từ*" là từ bắt đầu bằng "từ", "^"/"$" là đầu/cuối một vế câu, "?" là dấu hỏi, "@*help" là một tài khoản được nhắc tới có tên kết thúc bằng "help" ("@ask*": bắt đầu bằng "ask").',
        },
        widget: 'lexicon',
      }),
    examples: z
      .boolean()
      .default(true)
      .meta({
        when: { param: 'labels', equals: '' },
        label: { en: 'Also use the built-in examples', vi: 'Dùng thêm các ví dụ có sẵn' },
        help: {
          en: 'Weighs your phrases together with a model learned from labelled example comments — Audience Flow\'s own written ones (English and Vietnamese shop pages, tweets to brands, product reviews, everyday talk) and real public comments labelled by hand — which recognises phrasings no lexicon lists and also reads the shape of a text (a question, a tweet to an account, how positive or negative it is). A phrase of weight 1 multiplies a stage\'s odds by about e (2.7); a text needs some evidence for a stage before it leaves "none". Turn off to use only the phrases.',
          vi: 'Cân nhắc các cụm từ của bạn cùng một mô hình học từ các bình luận mẫu đã gán nhãn — bình luận do Audience Flow viết (trang bán hàng tiếng Anh và tiếng Việt, tweet gửi thương hiệu, đánh giá sản phẩm, chuyện thường ngày) và bình luận công khai thật được gán nhãn bằng tay — nhận ra cả những cách nói không có trong từ điển và đọc cả dạng của bình luận (câu hỏi, tweet gửi một tài khoản, mức tích cực hay tiêu cực). Một cụm từ trọng số 1 nhân khả năng của giai đoạn lên khoảng e (2,7); bình luận cần có đủ dấu hiệu của một giai đoạn thì mới thôi là "không xác định". Tắt để chỉ dùng các cụm từ.',
        },
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
    const textVec = requireColumn(table, params.column, 'string');
    const labelVec = params.labels ? requireColumn(table, params.labels) : null;
    const n = table.numRows;
    await ctx.progress(0, { en: 'Reading texts…', vi: 'Đang đọc văn bản…' });
    const keys = await encodeKeys(textVec, (done) => ctx.progress((0.1 * done) / n, { en: 'Reading texts…', vi: 'Đang đọc văn bản…' }));
    // Each text is read up to TEXT_LIMIT characters (time stays proportional to the data).
    let long = 0;
    const distinct = (keys.values as string[]).map((t) => {
      if (t.length > TEXT_LIMIT) {
        long++;
        return clip(t);
      }
      return t;
    });
    if (long) ctx.warn(clippedNote(long));
    const { compileLexicon, decide, scoreText } = await import('../src/core/journey/match');
    const { hasToken } = await import('../src/core/text/tokenize'); // the tokenizer stays out of the page bundle
    const lex = compileLexicon(params.lexicon, params.language);
    const mix = !labelVec && params.examples ? (await import('../src/core/journey/examples')).mixWithModel : null;
    if (!labelVec && !mix && lex.size === 0) {
      ctx.warn({
        en: 'The lexicon has no phrase for this language, so every row is "none".',
        vi: 'Bộ từ điển không có cụm từ nào cho ngôn ngữ này nên mọi dòng đều là "none".',
      });
    }
    // Every distinct text is scored once (comments repeat a lot).
    const dStage = new Int32Array(distinct.length),
      dConf = new Float64Array(distinct.length);
    const blank = new Uint8Array(distinct.length);
    const scores = new Float64Array(STAGES.length);
    const seen = { negated: false };
    for (let d = 0; d < distinct.length; d++) {
      if ((d & 2047) === 0)
        await ctx.progress(0.1 + (0.6 * d) / Math.max(1, distinct.length), { en: 'Matching phrases…', vi: 'Đang khớp cụm từ…' });
      // A text without a single word, number or emoji (empty, spaces, zero-width characters, "#",
      // "????") says nothing about the journey.
      if (!hasToken(distinct[d])) {
        dStage[d] = NONE;
        dConf[d] = 0;
        blank[d] = 1;
        continue;
      }
      scores.fill(0);
      seen.negated = false;
      scoreText(lex, distinct[d], scores, seen);
      // A negated purchase or recommendation ("never recommend") is the lexicon's to decide: the
      // model reads words, not negation.
      const { stage, confidence } = mix && !seen.negated ? mix(distinct[d], scores) : decide(scores);
      dStage[d] = stage;
      dConf[d] = confidence;
    }
    const stage: string[] = new Array<string>(n);
    const conf = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = keys.codes[i];
      stage[i] = c < 0 ? 'none' : STAGES[dStage[c]];
      conf[i] = c < 0 ? 0 : dConf[c];
    }
    if (labelVec) await learn(labelVec, keys.codes, distinct, blank, stage, conf, params.seed, ctx);
    await ctx.progress(1);
    return { out: withColumns(table, { journey_stage: stringVector(stage), journey_confidence: floatVector(conf) }) };
  },
  scale: 'rows',
});

/** Labels mode: labelled rows teach the classifier; the others are predicted (in place). */
async function learn(
  labelVec: Vector,
  codes: Int32Array,
  distinct: string[],
  blank: Uint8Array,
  stage: string[],
  conf: Float64Array,
  seed: number,
  ctx: RunContext,
): Promise<void> {
  const { learnFromLabels } = await import('../src/core/text/classifier');
  const n = codes.length;
  const lk = await encodeKeys(labelVec);
  const known = new Set<string>(STAGES);
  const labels: (string | null)[] = new Array<string | null>(n).fill(null);
  const unknown = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = lk.codes[i];
    if (c < 0) continue;
    const v = String(lk.values[c]).trim().toLowerCase();
    if (v === '') continue;
    if (known.has(v)) labels[i] = v;
    else unknown.add(v);
  }
  if (unknown.size) {
    const list = [...unknown]
      .slice(0, 5)
      .map((v) => `"${v}"`)
      .join(', ');
    ctx.warn({
      en: `Labels that are not journey stages were ignored: ${list}. Use: ${STAGES.join(', ')}.`,
      vi: `Đã bỏ qua các nhãn không phải giai đoạn hành trình: ${list}. Hãy dùng: ${STAGES.join(', ')}.`,
    });
  }
  await ctx.progress(0.75, { en: 'Learning from labelled rows…', vi: 'Đang học từ các dòng có nhãn…' });
  const texts = Array.from(codes, (c) => (c < 0 ? null : distinct[c]));
  const lexiconStage = stage.slice();
  const result = learnFromLabels(texts, labels, seed);
  const C = result.classes.length;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== null && lexiconStage[i] === labels[i]) agree++;
    // Missing and wordless texts stay "none": there is nothing to predict from.
    if (codes[i] < 0 || blank[codes[i]]) continue;
    stage[i] = result.predicted[i];
    let best = 0;
    for (let k = 0; k < C; k++) best = Math.max(best, result.probabilities[i * C + k]);
    conf[i] = best;
  }
  const t = result.trained;
  const lexAcc = pct(agree / t);
  if (Number.isNaN(result.accuracy)) {
    ctx.warn({
      en: `Learned from ${t} labelled row(s), too few (or a single stage) to check accuracy. The lexicon agrees with ${lexAcc} of them.`,
      vi: `Đã học từ ${t} dòng có nhãn, quá ít (hoặc chỉ một giai đoạn) để kiểm tra độ chính xác. Bộ từ điển khớp ${lexAcc} số dòng đó.`,
    });
  } else {
    ctx.warn({
      en: `Learned from ${t} labelled row(s): cross-validated accuracy ${pct(result.accuracy)} (macro-F1 ${result.macroF1.toFixed(2)}); the lexicon alone gets ${lexAcc} on them. The other ${n - t} row(s) were predicted.`,
      vi: `Đã học từ ${t} dòng có nhãn: độ chính xác kiểm tra chéo ${pct(result.accuracy)} (macro-F1 ${result.macroF1.toFixed(2)}); riêng bộ từ điển đạt ${lexAcc} trên các dòng này. ${n - t} dòng còn lại được dự đoán.`,
    });
  }
}
