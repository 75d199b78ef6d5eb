import { z } from 'zod';
import { encodeKeys } from '../src/core/table/encode-keys';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { emptyColumnError, isEmptyColumn, kindOf, requireColumn, requireTable, stringVector, withColumns } from '../src/core/table/table';
import { foldDiacritics } from '../src/core/contract/i18n';
import { columnParam, tableIn, tableOut, DONE } from './kit';

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const MENTION_RE = /(^|[^\p{L}\p{N}_@.])@[\p{L}\p{N}_.]*[\p{L}\p{N}_]/gu;
const EMOJI_RE =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\uFE0F|\u20E3|\u200D(?:\p{Extended_Pictographic}|\p{Regional_Indicator}))*|[\uFE0F\u200D\u20E3]|\p{Emoji_Modifier}/gu;

export interface TextOptions {
  lowercase: boolean;
  stripUrls: boolean;
  stripMentions: boolean;
  stripEmoji: boolean;
  foldDiacritics: boolean;
  collapseWhitespace: boolean;
}

/** Cleans one text: NFC first, then links, mentions, emoji, case, accents, spaces. */
export function cleanText(s: string, o: TextOptions): string {
  let t = s.normalize('NFC');
  if (o.stripUrls) t = t.replace(URL_RE, ' ');
  if (o.stripMentions) t = t.replace(MENTION_RE, '$1 ');
  if (o.stripEmoji) t = t.replace(EMOJI_RE, ' ');
  if (o.lowercase) t = t.toLowerCase();
  if (o.foldDiacritics) t = foldDiacritics(t).normalize('NFC');
  if (o.collapseWhitespace) t = t.replace(/\s+/gu, ' ').trim();
  return t;
}

const toggle = (def: boolean, en: string, vi: string, helpEn?: string, helpVi?: string) =>
  z
    .boolean()
    .default(def)
    .meta({ label: { en, vi }, ...(helpEn ? { help: { en: helpEn, vi: helpVi! } } : {}) });

/** Normalises a text column for analysis: case, links, @mentions, emoji, Vietnamese accents, spaces. */
export default defineNode({
  type: 'clean.text',
  version: 1,
  category: 'clean',
  title: { en: 'Clean text', vi: 'Làm sạch văn bản' },
  description: {
    en: 'Tidies a text column (comments, captions) before counting words or reading the tone: lower case, removes links, @mentions and (optionally) emoji, can remove Vietnamese accents ("Đẹp quá" → "dep qua") and squeezes repeated spaces.',
    vi: 'Làm gọn một cột văn bản (bình luận, chú thích) trước khi đếm từ hay đọc sắc thái: chuyển chữ thường, bỏ đường link, @nhắc tên và (tuỳ chọn) biểu tượng cảm xúc, có thể bỏ dấu tiếng Việt ("Đẹp quá" → "dep qua") và gộp khoảng trắng thừa.',
  },
  inputs: [tableIn()],
  outputs: [tableOut()],
  params: z.object({
    column: columnParam('string', { en: 'Text column', vi: 'Cột văn bản' }),
    output: z
      .string()
      .default('')
      .meta({
        label: { en: 'Result column', vi: 'Cột kết quả' },
        help: {
          en: 'Name of the cleaned column. Empty replaces the text column itself.',
          vi: 'Tên cột đã làm sạch. Để trống để thay chính cột văn bản.',
        },
      }),
    lowercase: toggle(true, 'Lower case', 'Chữ thường'),
    stripUrls: toggle(true, 'Remove links', 'Bỏ đường link'),
    stripMentions: toggle(
      true,
      'Remove @mentions',
      'Bỏ @nhắc tên',
      'Removes @name; e-mail addresses are kept.',
      'Bỏ @tên; địa chỉ e-mail được giữ nguyên.',
    ),
    stripEmoji: toggle(
      false,
      'Remove emoji',
      'Bỏ biểu tượng cảm xúc',
      'Emoji often carry the tone; keep them for sentiment.',
      'Biểu tượng cảm xúc thường mang sắc thái; nên giữ khi phân tích cảm xúc.',
    ),
    foldDiacritics: toggle(
      false,
      'Remove accents',
      'Bỏ dấu',
      '"Đẹp quá" → "Dep qua": matches comments typed without accents.',
      '"Đẹp quá" → "Dep qua": khớp với bình luận gõ không dấu.',
    ),
    collapseWhitespace: toggle(true, 'Squeeze spaces', 'Gộp khoảng trắng'),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    if (!params.column) throw new NodeError({ en: 'Choose the text column to clean.', vi: 'Hãy chọn cột văn bản cần làm sạch.' });
    const vector = requireColumn(table, params.column);
    if (kindOf(vector.type) !== 'string') {
      if (isEmptyColumn(vector)) throw emptyColumnError(params.column);
      throw new NodeError({
        en: `The column "${params.column}" does not hold text, so there is nothing to clean. Choose a text column.`,
        vi: `Cột "${params.column}" không chứa văn bản nên không có gì để làm sạch. Hãy chọn một cột văn bản.`,
      });
    }
    const n = table.numRows;
    const keys = await encodeKeys(vector, (done) =>
      ctx.progress((0.3 * done) / Math.max(1, n), { en: 'reading text', vi: 'đang đọc văn bản' }),
    );
    const cleaned: string[] = new Array(keys.values.length);
    for (let k = 0; k < cleaned.length; k++) {
      if ((k & 65535) === 0 && k)
        await ctx.progress(0.3 + (0.6 * k) / cleaned.length, { en: 'cleaning text', vi: 'đang làm sạch văn bản' });
      cleaned[k] = cleanText(String(keys.values[k]), params);
    }
    const out: (string | null)[] = new Array(n);
    let emptied = 0;
    for (let i = 0; i < n; i++) {
      const k = keys.codes[i];
      out[i] = k < 0 ? null : cleaned[k];
      if (k >= 0 && cleaned[k] === '' && String(keys.values[k]).trim() !== '') emptied++;
    }
    if (emptied)
      ctx.warn({
        en: `${emptied} text${emptied > 1 ? 's were' : ' was'} only links, mentions or emoji and ${emptied > 1 ? 'are' : 'is'} now empty.`,
        vi: `${emptied} văn bản chỉ có link, nhắc tên hoặc biểu tượng cảm xúc và giờ để trống.`,
      });
    await ctx.progress(1, DONE);
    return { out: withColumns(table, { [params.output.trim() || params.column]: stringVector(out) }) };
  },
  scale: 'rows',
});
