/**
 * The char-code hashing of the linear text model (hashRows) gives the same buckets and counts as
 * the plain definition: FNV-1a of every word, folded word and bigram, and of every char 2–5-gram
 * substring of each space-padded word.
 */
import { describe, expect, it } from 'vitest';
import { FNV, hashString, mix, PRIME, SEED_CHAR, SEED_FOLD, SEED_WORD } from '../../../src/core/text/hashing';
import { hashRows } from '../../../src/core/text/linear-features';
import { foldVi, normalizeText, tokenizeNormalized } from '../../../src/core/text/tokenize';

const BITS = 18,
  MASK = (1 << BITS) - 1;

function reference(text: string): { words: Map<number, number>; chars: Map<number, number> } {
  const words = new Map<number, number>(),
    chars = new Map<number, number>();
  const inc = (m: Map<number, number>, b: number) => m.set(b, (m.get(b) ?? 0) + 1);
  const norm = normalizeText(text);
  let prev = 0;
  tokenizeNormalized(norm).forEach((t, i) => {
    const h = hashString(t, SEED_WORD);
    inc(words, h & MASK);
    const f = foldVi(t);
    if (f !== t) inc(words, hashString(f, SEED_FOLD) & MASK);
    if (i > 0) inc(words, mix(prev, h) & MASK);
    prev = h;
  });
  for (const w of norm.split(/\s+/u)) {
    if (!w) continue;
    const p = ` ${w} `;
    for (let s = 0; s + 2 <= p.length; s++)
      for (let n = 2; n <= 5 && s + n <= p.length; n++) {
        let h = (FNV ^ SEED_CHAR) >>> 0;
        for (let k = 0; k < n; k++) h = Math.imul(h ^ p.charCodeAt(s + k), PRIME);
        inc(chars, (h >>> 0) & MASK);
      }
  }
  return { words, chars };
}

describe('hashRows', () => {
  it('matches the substring definition on mixed texts', () => {
    const texts = [
      'Giao hàng NHANH quá, đẹp lắm 😍😍 :)',
      'e\u0301 x\u1dc0y ｆｕｌｌ',
      '',
      '   ',
      "don't  stop\tme now!!!",
      'tuyệtttt vờiii shop ơi',
    ];
    const raw = hashRows(texts, BITS);
    texts.forEach((t, i) => {
      const ref = reference(t);
      const got = (from: number, to: number) => {
        const m = new Map<number, number>();
        for (let k = from; k < to; k++) {
          expect(m.has(raw.indices[k])).toBe(false);
          m.set(raw.indices[k], Math.round(Math.exp(raw.values[k] - 1)));
        }
        return m;
      };
      expect(got(raw.rowPtr[i], raw.split[i])).toEqual(ref.words);
      expect(got(raw.split[i], raw.rowPtr[i + 1])).toEqual(ref.chars);
    });
    expect(raw.rowPtr[1]).toBeGreaterThan(20);
  });
});
