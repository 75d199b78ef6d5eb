/**
 * Bounds on how much of one text the reading nodes (sentiment, journey stage, keywords, pain
 * points) look at, so that their time stays proportional to the data even for a pasted book or a
 * corrupt cell of one long "word". Nodes that change text (clean, anonymise) never cut it.
 */
import type { Text } from '../contract/i18n';

/** Characters of one text that are read: about 8,000 words, far beyond any comment or post. */
export const TEXT_LIMIT = 50_000;

/** Characters of one text given to wink-nlp (about 10 µs a token): about 1,600 words. */
export const WINK_LIMIT = 10_000;

/** The first `limit` characters of `s` (never splitting an emoji or other surrogate pair). */
export function clip(s: string, limit = TEXT_LIMIT): string {
  if (s.length <= limit) return s;
  const c = s.charCodeAt(limit - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit);
}

/** The note shown when `count` texts were longer than the limit and only their start was read. */
export function clippedNote(count: number, limit = TEXT_LIMIT): Text {
  const en = limit.toLocaleString('en-US'),
    vi = limit.toLocaleString('vi-VN');
  return {
    en: `${count.toLocaleString('en-US')} text${count > 1 ? 's are' : ' is'} longer than ${en} characters: only the first ${en} characters of ${count > 1 ? 'each were' : 'it were'} read. Split long documents into paragraphs (one per row) to read all of them.`,
    vi: `${count.toLocaleString('vi-VN')} văn bản dài hơn ${vi} ký tự: chỉ đọc ${vi} ký tự đầu của mỗi văn bản. Hãy tách văn bản dài thành từng đoạn (mỗi đoạn một dòng) để đọc hết.`,
  };
}

/**
 * Breaks runs of more than `max` characters without a space by inserting spaces: after the last
 * punctuation mark in the run if there is one ("good!good!" → "good! good!"), else after `max`
 * characters. wink-nlp's tokenizer takes time quadratic in the length of such a run; real words
 * are never that long. Linear: each break looks back at most `max` characters.
 */
export function breakLongRuns(s: string, max = 32): string {
  let out = '',
    runStart = 0,
    last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      runStart = i + 1;
      continue;
    }
    if (i - runStart < max) continue;
    // Never between the two halves of an emoji.
    let cut = c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
    for (let j = cut - 1; j > runStart; j--) {
      const p = s.charCodeAt(j);
      if (p === 33 || p === 44 || p === 46 || p === 59 || p === 63) {
        cut = j + 1;
        break;
      }
    }
    out += s.slice(last, cut) + ' ';
    last = cut;
    runStart = cut;
  }
  return last ? out + s.slice(last) : s;
}
