/**
 * Text normalisation and tokenisation shared by the text and journey nodes (English and Vietnamese,
 * social-media style: teen-code, missing accents, emoji, emoticons, elongated words).
 * Pure functions, no dependencies; they run in the worker, in Node and in tests.
 */

/** What normalisation noticed about a text, for emphasis-aware scoring. */
export interface NormalizedText {
  /** NFC, lowercased, elongations collapsed to two letters, ’ → '. */
  text: string;
  /** Some letter was repeated three or more times ("tuyệtttt", "soooo"). */
  elongated: boolean;
  /** Most letters were capitals (at least 4 letters and ≥ 80% upper case): shouting. */
  allCaps: boolean;
  /** The longest run of "!" in the text. */
  exclamations: number;
}

// A letter (not a digit) repeated 3+ times; digits are never collapsed ("1000").
const ELONGATION = /(\p{L})\1{2,}/gu;
const HAS_UPPER = /\p{Lu}/u;
const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

/** Normalises a text: NFC, lowercase, "tuyệtttt" → "tuyệtt", "soooo" → "soo"; Vietnamese diacritics are kept. */
export function normalizeText(s: string): string {
  return analyzeText(s).text;
}

/** `normalizeText` plus the flags it noticed (elongation, all caps, exclamation marks). */
export function analyzeText(s: string): NormalizedText {
  // NFC only when combining marks are present (decomposed input); precomposed text is already NFC.
  let text = COMBINING.test(s) ? s.normalize('NFC') : s;
  let allCaps = false;
  if (HAS_UPPER.test(text)) {
    const lower = text.toLowerCase(),
      upper = text.toUpperCase();
    if (lower.length === text.length && upper.length === text.length) {
      let caps = 0,
        letters = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === lower.charCodeAt(i) && c === upper.charCodeAt(i)) continue;
        letters++;
        if (c !== lower.charCodeAt(i)) caps++;
      }
      allCaps = letters >= 4 && caps >= 0.8 * letters;
    }
    text = lower;
  }
  if (text.indexOf('’') >= 0) text = text.replace(/’/g, "'");
  let exclamations = 0;
  const bang = text.indexOf('!');
  if (bang >= 0) {
    let run = 0;
    for (let i = bang; i < text.length; i++) {
      if (text.charCodeAt(i) === 33) {
        run++;
        if (run > exclamations) exclamations = run;
      } else run = 0;
    }
  }
  let elongated = false;
  ELONGATION.lastIndex = 0;
  if (ELONGATION.test(text)) {
    elongated = true;
    text = text.replace(ELONGATION, '$1$1');
  }
  return { text, elongated, allCaps, exclamations };
}

// Token pattern, tried left to right:
//  1. emoticons: :) :-) :( :(( :d :p ;) =)) :v :3 <3 ^^ ^_^ t_t -_- :/ (lowercased already)
//  2. emoji (with skin tones, variation selectors and ZWJ sequences)
//  3. numbers with decimals: 4.5, 1,200
//  4. words: letters, marks and digits, with inner apostrophes (don't) and hyphens kept apart.
const TOKEN = new RegExp(
  [
    String.raw`(?:[:;=][-'^o]?(?:\)+|\(+|\]+|\[+|d\b|p\b|v\b|3\b|\*|\|+|o\b|\/(?!\/)))`,
    String.raw`<3+`,
    String.raw`\^_*\^`,
    String.raw`t_t`,
    String.raw`-_-`,
    String.raw`=\)\)+`,
    String.raw`\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*`,
    String.raw`\d+(?:[.,]\d+)+`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*`,
  ].join('|'),
  'gu',
);

/** Tokens of a text after `normalizeText`: words (incl. Vietnamese syllables), numbers, emoji and emoticons. */
export function tokenize(s: string): string[] {
  return tokenizeNormalized(normalizeText(s));
}

/** Tokens of a text that is already normalised (skips the normalisation pass). */
export function tokenizeNormalized(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const TOKEN_TEST = new RegExp(TOKEN.source, 'u');

/** Whether a text holds at least one token (a word, number, emoji or emoticon) after normalisation. */
export function hasToken(s: string): boolean {
  return TOKEN_TEST.test(normalizeText(s));
}

const TOKEN_OR_BREAK = new RegExp(`${TOKEN.source}|[.,!?;…\\n]+`, 'gu');

/**
 * Tokens plus clause breaks: a run of . , ! ? ; … or a newline becomes the token "." (for negation
 * scopes) — or "?" when `questions` is set and the run holds a question mark.
 */
export function tokenizeClauses(text: string, questions = false): string[] {
  const out = text.match(TOKEN_OR_BREAK) ?? [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i].charCodeAt(0);
    if (c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 8230 || c === 10)
      out[i] = questions && out[i].includes('?') ? '?' : '.';
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Strips diacritics (Vietnamese and other Latin), đ → d: "tuyệt vời" → "tuyet voi". */
export function foldVi(s: string): string {
  if (ASCII.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

// Letters only Vietnamese uses (among languages our users write): breve, horn, đ, hook above,
// dot below, tilde on e/i/u/y, and vowels carrying two marks.
const VI_ONLY = /[ăơưđảẻỉỏủỷạẹịọụỵẽĩũỹằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữựỳ]/;
// Accented letters Vietnamese shares with French, Spanish… (weaker evidence).
const VI_SHARED = /[àáâãèéêìíòóôõùúý]/;

/** Common unaccented Vietnamese function words and teen-code, rare in English. */
const VI_WORDS = new Set(
  (
    'ko k kh khong hok hong hem dc đc duoc sp minh ban qua nha nhe ạ roi rui lam nhung thi toi cua cung nay voi ' +
    'rat tot dep te nhanh cham giao mua dung j vs ntn bt ak oi ơi nhiu nhieu hon chua cx cg mk mik bn e ' +
    'luong sao vay nen moi trai gai anh em dt đt mau ung'
  ).split(' '),
);
// Words that are also plain English are left out (a, an, to, me, may, hang, the, con, ship, shop…).

const EN_WORDS = new Set(
  (
    "the a an is are was were be been am i you it its it's this that these those and or but not no of to in on at for " +
    "with my your our their they we he she his her have has had do does did don't doesn't didn't can't won't isn't " +
    "wasn't very so too just really would could should will can what which who there here from as if all more most " +
    'good bad great love like nice product service phone time one get got'
  ).split(' '),
);

const WORD = /[\p{L}\p{M}']+/gu;

/**
 * The language of a text, fast: Vietnamese-only letters count double, shared accents once,
 * unaccented Vietnamese words / teen-code once, English stop words once. 'other' when nothing tells.
 */
export function detectLanguage(s: string): 'vi' | 'en' | 'other' {
  if (!s) return 'other';
  const text = s.length > 600 ? s.slice(0, 600).toLowerCase() : s.toLowerCase();
  let vi = 0,
    en = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = m[0];
    if (ASCII.test(w)) {
      if (EN_WORDS.has(w)) en++;
      else if (VI_WORDS.has(w)) vi++;
    } else if (VI_ONLY.test(w)) vi += 2;
    else if (VI_SHARED.test(w)) vi += 1;
    else if (VI_WORDS.has(w)) vi++;
  }
  if (vi === 0 && en === 0) return 'other';
  return vi > en ? 'vi' : 'en';
}
