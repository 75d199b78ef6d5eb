/**
 * The lexicon scorer behind `text.sentiment` (VADER-like rules, one pass over the tokens):
 * longest phrase match (accented, or accent-folded when the text has no accents), negation with a
 * 3-token scope that stops at clause breaks, pre- and post-intensifiers and dampeners, "but" shifts
 * the weight to the second clause, emoji and emoticons, ALL-CAPS, elongation and "!!!" add emphasis;
 * a yes/no question ("có freeship không ạ", "is it worth the price?") asks about a quality rather
 * than judging it, so its clause adds nothing.
 * Word valences are on a −4…+4 scale; the sum is squashed to [−1, 1] as VADER does: s / √(s² + 15).
 */
import { analyzeText, foldVi, tokenizeClauses } from './tokenize';

export interface LexiconSpec {
  /** Word or phrase → valence (−4…+4). Phrases are space-separated tokens as `tokenize` gives them. */
  entries: Record<string, number>;
  negators: string[];
  /** Words before a sentiment word that scale it: "rất" 1.3, "hơi" 0.6. */
  boosters: Record<string, number>;
  /** Words right after a sentiment word that scale it ("lắm", "quá"). */
  postBoosters?: Record<string, number>;
  /** Contrast words: what precedes counts half, what follows 1.5×. */
  contrast: string[];
  /** Token rewrites applied first (teen-code → standard: "ko" → "không"). */
  aliases?: Record<string, string>;
  /** Also match accent-folded text against folded entries (Vietnamese). */
  fold: boolean;
  /** Words that carry valence only at the end of a clause or before a post-booster/particle ("sp được lắm", "ko được"). */
  finals?: Record<string, number>;
  /** Particles that may follow a clause-final word ("nha", "ạ"). */
  particles?: string[];
  /** Plain spellings that are words of their own, never read as unaccented ones ("em" is not "êm"). */
  noFold?: string[];
  /** Words that close a yes/no question ("… không", "… chưa"); such a clause adds no valence. */
  questionEnds?: string[];
  /** Words that may follow a question's last word besides particles: who is asked ("shop", "ad"). */
  addressees?: string[];
  /** Words that open a yes/no question by inversion ("is it…?", "does it…?"); the clause must end with "?". */
  questionStarts?: string[];
}

export interface CompiledLexicon {
  exact: Map<string, number>;
  folded: Map<string, number>;
  /** First token of a multi-token phrase → the longest phrase length starting with it. */
  starts: Map<string, number>;
  negators: Set<string>;
  boosters: Map<string, number>;
  post: Map<string, number>;
  contrast: Set<string>;
  aliases: Map<string, string>;
  fold: boolean;
  finals: Map<string, number>;
  particles: Set<string>;
  noFold: Set<string>;
  questionEnds: Set<string>;
  addressees: Set<string>;
  questionStarts: Set<string>;
}

/** Emoji (first code point) and emoticons (trailing repeats removed) → valence; shared by every language. */
const SYMBOLS: Record<string, number> = {
  '😍': 3,
  '🥰': 3,
  '❤': 3,
  '💕': 3,
  '💖': 3,
  '😘': 2.5,
  '😊': 2,
  '☺': 2,
  '😀': 2,
  '😁': 2,
  '😃': 2,
  '😄': 2,
  '😆': 1.5,
  '🙂': 1,
  '😉': 1.5,
  '👍': 2,
  '👌': 2,
  '👏': 2,
  '💯': 2.5,
  '🔥': 1.5,
  '🎉': 2,
  '🤩': 3,
  '😻': 3,
  '💪': 1.5,
  '🥳': 2.5,
  '😂': 1,
  '🤣': 1,
  '😅': 0.5,
  '😇': 2,
  '✌': 1,
  '🙏': 1,
  '⭐': 1.5,
  '🌟': 1.5,
  '💓': 3,
  '💗': 3,
  '😋': 2,
  '😎': 1.5,
  '😡': -3,
  '🤬': -3.5,
  '😠': -3,
  '😤': -2,
  '😞': -2,
  '😔': -2,
  '😢': -2,
  '😭': -2,
  '😥': -1.5,
  '😩': -2,
  '😫': -2,
  '👎': -2.5,
  '💩': -2.5,
  '😒': -2,
  '🙁': -1.5,
  '☹': -2,
  '😑': -1,
  '😐': -0.5,
  '😕': -1.5,
  '😟': -1.5,
  '😖': -2,
  '😣': -2,
  '🤮': -3,
  '🤢': -2.5,
  '💔': -2.5,
  '😰': -1.5,
  '😱': -1,
  '🥺': -0.5,
  '😓': -1.5,
  '🙄': -1.5,
  '😪': -1,
  ':)': 2,
  ':-)': 2,
  ':d': 2,
  ':-d': 2,
  '=)': 2,
  '=))': 2,
  '^^': 2,
  '^_^': 2,
  '<3': 3,
  ';)': 1.5,
  ':p': 1,
  ':*': 2,
  ':3': 1.5,
  ':v': 0.5,
  ':(': -2,
  ':-(': -2,
  ":'(": -2.5,
  ':/': -1,
  ':-/': -1,
  t_t: -2,
  '-_-': -1.5,
  ':|': -0.5,
};

const EMOTICON_TAIL = /(.)\1+$/u;

function symbolValence(token: string): number | undefined {
  const cp = token.codePointAt(0)!;
  if (cp > 0x2000) {
    const first = String.fromCodePoint(cp);
    return SYMBOLS[first];
  }
  if (token.length >= 2 && !/[\p{L}\d]{2}/u.test(token)) return SYMBOLS[token] ?? SYMBOLS[token.replace(EMOTICON_TAIL, '$1')];
  return undefined;
}

export function compileLexicon(spec: LexiconSpec): CompiledLexicon {
  const exact = new Map<string, number>(),
    folded = new Map<string, number>(),
    starts = new Map<string, number>();
  for (const [phrase, value] of Object.entries(spec.entries)) {
    const key = phrase.normalize('NFC').toLowerCase();
    exact.set(key, value);
    const parts = key.split(' ');
    if (parts.length > 1) starts.set(parts[0], Math.max(starts.get(parts[0]) ?? 1, parts.length));
    if (spec.fold) {
      const f = foldVi(key);
      // On a collision of folded forms keep the milder (less sure) valence.
      const prev = folded.get(f);
      folded.set(f, prev === undefined || Math.abs(value) < Math.abs(prev) ? value : prev);
      const fp = f.split(' ');
      if (fp.length > 1) starts.set(fp[0], Math.max(starts.get(fp[0]) ?? 1, fp.length));
    }
  }
  return {
    exact,
    folded,
    starts,
    negators: new Set(spec.negators),
    boosters: new Map(Object.entries(spec.boosters)),
    post: new Map(Object.entries(spec.postBoosters ?? {})),
    contrast: new Set(spec.contrast),
    aliases: new Map(Object.entries(spec.aliases ?? {})),
    fold: spec.fold,
    finals: new Map(Object.entries(spec.finals ?? {})),
    particles: new Set(spec.particles ?? []),
    noFold: new Set(spec.noFold ?? []),
    questionEnds: new Set(spec.questionEnds ?? []),
    addressees: new Set(spec.addressees ?? []),
    questionStarts: new Set(spec.questionStarts ?? []),
  };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
const NEGATION_SCALE = -0.74;

function lookup(lex: CompiledLexicon, key: string, ascii: boolean): number | undefined {
  const v = lex.exact.get(key);
  if (v !== undefined || !ascii || !lex.fold || lex.noFold.has(key)) return v;
  return lex.folded.get(key);
}

/**
 * Are tokens [start, end) a yes/no question: ending "… không (ạ) (shop)" with something asked
 * before it, or — when the clause ends with "?" (`asked`) — opening with an inverted auxiliary
 * ("is it …?")?
 */
function isYesNoQuestion(tokens: string[], start: number, end: number, lex: CompiledLexicon, asked: boolean): boolean {
  if (asked && end - start > 1 && lex.questionStarts.has(tokens[start])) return true;
  let j = end - 1;
  while (j > start && (lex.particles.has(tokens[j]) || lex.addressees.has(tokens[j]))) j--;
  return j > start && lex.questionEnds.has(tokens[j]);
}

/** HTML entities as tweets and scraped comments carry them ("&lt;3", "can&#39;t", "&quot;"). */
const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (text: string): string =>
  text.replace(/&(#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e.slice(1)) || 32) : (ENTITY[e.toLowerCase()] ?? m),
  );

/** Raw valence sum of a text (before squashing). */
export function valence(text: string, lex: CompiledLexicon): number {
  if (!text) return 0;
  const info = analyzeText(text.includes('&') ? decodeEntities(text) : text);
  const asks = lex.questionEnds.size > 0 || lex.questionStarts.size > 0;
  const raw = tokenizeClauses(info.text, asks);
  const n = raw.length;
  const tokens = lex.aliases.size ? raw.map((t) => lex.aliases.get(t) ?? t) : raw;
  const ascii = new Uint8Array(n);
  for (let i = 0; i < n; i++) ascii[i] = isAscii(tokens[i]) ? 1 : 0;
  let sum = 0,
    before = 0;
  let negateUntil = -1;
  let boost = 1,
    boostAt = -10;
  // The current clause starts at token `clauseStart`, when the running sum was `clauseSum`.
  let clauseStart = 0,
    clauseSum = 0;
  for (let i = 0; i < n; i++) {
    const token = tokens[i];
    if (token === '.' || token === '?') {
      if (asks && isYesNoQuestion(tokens, clauseStart, i, lex, token === '?')) sum = clauseSum;
      clauseStart = i + 1;
      clauseSum = sum;
      negateUntil = -1;
      continue;
    }
    if (lex.contrast.has(token)) {
      before += sum;
      sum = 0;
      clauseStart = i + 1;
      clauseSum = 0;
      negateUntil = -1;
      continue;
    }
    // Longest phrase first (phrases may start with a negator or booster: "không lỗi", "hơi chậm").
    let value: number | undefined,
      len = 1;
    const maxLen = lex.starts.get(token);
    if (maxLen) {
      for (let L = Math.min(maxLen, n - i); L >= 2 && value === undefined; L--) {
        let key = token,
          all = ascii[i] === 1;
        for (let k = 1; k < L; k++) {
          key += ' ' + tokens[i + k];
          if (!ascii[i + k]) all = false;
        }
        value = lookup(lex, key, all);
        if (value !== undefined) len = L;
      }
    }
    if (value === undefined) {
      if (lex.negators.has(token)) {
        negateUntil = i + 3;
        continue;
      }
      const b = lex.boosters.get(token);
      if (b !== undefined) {
        boost = b;
        boostAt = i;
        continue;
      }
      value = lookup(lex, token, ascii[i] === 1);
    }
    if (value === undefined) {
      const f = lex.finals.get(token);
      if (f !== undefined) {
        const next = tokens[i + 1];
        if (next === undefined || next === '.' || lex.post.has(next) || lex.particles.has(next)) value = f;
      }
    }
    if (value === undefined) {
      value = symbolValence(token);
      if (value !== undefined) sum += value;
      continue;
    }
    let v = value;
    if (boostAt >= i - 2) v *= boost;
    const next = tokens[i + len];
    const post = next === undefined ? undefined : lex.post.get(next);
    if (post !== undefined) {
      v *= post;
      len++;
    }
    if (negateUntil >= i) v *= NEGATION_SCALE;
    sum += v;
    boostAt = -10;
    i += len - 1;
  }
  if (asks && isYesNoQuestion(tokens, clauseStart, n, lex, false)) sum = clauseSum;
  let total = before ? before * 0.5 + sum * 1.5 : sum;
  if (total !== 0) {
    const emphasis = (info.allCaps ? 0.25 : 0) + (info.elongated ? 0.15 : 0);
    total *= 1 + emphasis;
    total += Math.sign(total) * Math.min(info.exclamations, 4) * 0.29;
  }
  return total;
}

/** Squashes a valence sum into [−1, 1]. */
export const squash = (s: number): number => (s === 0 ? 0 : Math.max(-1, Math.min(1, s / Math.sqrt(s * s + 15))));

/** Score in [−1, 1] of a text against a compiled lexicon. */
export function scoreText(text: string, lex: CompiledLexicon): number {
  return squash(valence(text, lex));
}

/** positive above `threshold`, negative below −threshold, else neutral (default 0.05, as VADER). */
export function labelOf(score: number, threshold = 0.05): 'positive' | 'neutral' | 'negative' {
  return score > threshold ? 'positive' : score < -threshold ? 'negative' : 'neutral';
}
