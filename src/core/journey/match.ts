/**
 * Scores texts against a journey lexicon. Texts are normalised (shared tokenizer), cut into
 * clauses at punctuation, and tokenised; common teen-code is read as the word it stands for
 * ("ko" → "không", "dc" → "được", "r" → "rồi"). A phrase matches whole words in order inside one
 * clause, on accent-folded words, but an accented word of the text must carry the phrase's own
 * accents ("múa" does not match "mua"; "mua" written without accents does). A purchase or advocacy
 * phrase preceded by a negation within three words counts for churn instead ("không mua lại",
 * "won't be buying again"), except a negated recommendation, which counts for experience (a warning
 * to others after use is a complaint, not a leaving: "không nên mua", "would not recommend"); after "chưa"/"not yet" a
 * purchase phrase counts for consideration. A phrase may start with `^` (only at the start of a
 * clause) or end with `$` (only at its end): "^ do you", "không $". A phrase that starts with `@`
 * matches the accounts the text mentions (`@*help` = an account whose name ends in "help", `@ask*`
 * one whose name starts with "ask"), once per text however many such accounts are mentioned.
 */
import { foldVi, normalizeText, tokenizeNormalized } from '../text/tokenize';
import type { LexiconEntry } from './lexicon';
import { STAGES, stageIndex } from './stages';
import { ENGLISH_STOP_WORDS } from '../text/stopwords';

const S = STAGES.length;
const EXPERIENCE = stageIndex('experience');
const CHURN = stageIndex('churn'),
  PURCHASE = stageIndex('purchase'),
  ADVOCACY = stageIndex('advocacy'),
  CONSIDERATION = stageIndex('consideration');

/** Teen-code and unaccented spellings read as the word they stand for (keys are folded tokens). */
const TEEN: Record<string, string> = {
  ko: 'không',
  k: 'không',
  hông: 'không',
  kh: 'không',
  hok: 'không',
  hong: 'không',
  khong: 'không',
  kg: 'không',
  hem: 'không',
  dc: 'được',
  đc: 'được',
  duoc: 'được',
  r: 'rồi',
  rui: 'rồi',
  oy: 'rồi',
  roi: 'rồi',
  j: 'gì',
  z: 'vậy',
  dzay: 'vậy',
  nhiu: 'nhiêu',
  mik: 'mình',
  mk: 'mình',
  bik: 'biết',
  bit: 'biết',
  ntn: 'như thế nào',
  hum: 'hôm',
  wa: 'quá',
  lun: 'luôn',
};
const NEGATORS = new Set([
  'không',
  'chẳng',
  'chả',
  'đừng',
  'not',
  'no',
  'never',
  "don't",
  'dont',
  "won't",
  'wont',
  "didn't",
  'didnt',
  "doesn't",
  "isn't",
  'cannot',
  "can't",
  "wouldn't",
  'neither',
]);
const NOT_YET = new Set(['chưa']);
/**
 * Unaccented spellings of Vietnamese words that are also common English words ("ổn" → "on", "đơ" →
 * "do", "máy" → "may"): an accented phrase word whose spelling without accents is one of these
 * matches only text written with the accents, so Vietnamese phrases do not fire on English text.
 */
const ENGLISH_HOMOGRAPHS = new Set([
  ...ENGLISH_STOP_WORDS,
  'may',
  'bi',
  'te',
  'sac',
  'kem',
  'chan',
  'ban',
  'con',
  'tan',
  'hay',
  'toi',
  'man',
  'tin',
  'hon',
  'me',
  'bo',
  'ma',
  'mat',
  'pho',
  'ha',
  'tot',
]);
/** Words of a recommendation (folded): negated, it warns others off — a complaint, not a leaving. */
const RECOMMENDING = new Set(['recommend', 'recommended', 'recommending', 'should', 'must', 'worth', 'nen', 'gioi', 'try']);
const NUMBER = /^\d+(?:[.,]\d+)*$/;
const ASCII = /^[\x00-\x7f]*$/;
const MENTION = /(?<![\p{L}\p{N}_])@([\p{L}\p{N}_]+)/gu;
const CLAUSE = /[,;!?\n…]+|\.(?=\s|$)|\s[-–—]\s/;

interface Token {
  exact: string;
  fold: string;
  ascii: boolean;
}
interface Compiled {
  stage: number;
  weight: number;
  exact: string[];
  fold: string[];
  prefix: boolean[];
  accent: boolean[];
  atStart: boolean;
  atEnd: boolean;
}

/** Tokens of a normalised piece of text, teen-code expanded. */
function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const raw of tokenizeNormalized(text)) {
    const fold = foldVi(raw);
    const teen = TEEN[raw] ?? (ASCII.test(raw) ? TEEN[fold] : undefined);
    if (teen) {
      for (const w of teen.split(' ')) out.push({ exact: w, fold: foldVi(w), ascii: false });
    } else out.push({ exact: raw, fold, ascii: ASCII.test(raw) });
  }
  return out;
}

export interface CompiledLexicon {
  /** Entries by their first folded word. */
  byFirst: Map<string, Compiled[]>;
  /** Entries whose first word is a prefix ("refund*"), by its first three letters. */
  byStem: Map<string, Compiled[]>;
  /** Weight of a question mark per stage (the `?` phrase). */
  question: Float64Array;
  /** Account-name patterns (`@*help`): the stage, the weight and the pattern. */
  handles: { stage: number; weight: number; pattern: RegExp }[];
  size: number;
}

/** Prepares a lexicon for one language setting ('auto' uses the phrases of both languages). */
export function compileLexicon(entries: readonly LexiconEntry[], language: 'auto' | 'en' | 'vi'): CompiledLexicon {
  const byFirst = new Map<string, Compiled[]>();
  const byStem = new Map<string, Compiled[]>();
  const question = new Float64Array(S);
  const handles: CompiledLexicon['handles'] = [];
  const handleSeen = new Map<string, CompiledLexicon['handles'][number]>();
  const seen = new Map<string, Compiled>();
  for (const e of entries) {
    if (language !== 'auto' && e.language !== 'any' && e.language !== language) continue;
    const stage = stageIndex(e.stage);
    const weight = Number.isFinite(e.weight) ? e.weight : 1;
    if (stage < 0 || weight === 0) continue;
    const phrase = normalizeText(e.phrase).trim();
    if (phrase === '?') {
      question[stage] += weight;
      continue;
    }
    if (/^@[\p{L}\p{N}_*]+$/u.test(phrase) && phrase.length > 1) {
      const key = `${stage}|${phrase}`;
      const prev = handleSeen.get(key);
      if (prev) {
        prev.weight = Math.max(prev.weight, weight);
        continue;
      }
      const body = phrase
        .slice(1)
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\p{L}\\p{N}_]*');
      const h = { stage, weight, pattern: new RegExp(`^${body}$`, 'u') };
      handles.push(h);
      handleSeen.set(key, h);
      continue;
    }
    const prefix: boolean[] = [];
    const parts = phrase.split(/\s+/);
    const atStart = parts[0] === '^' && parts.length > 1,
      atEnd = parts[parts.length - 1] === '$' && parts.length > 1;
    const words = parts.slice(atStart ? 1 : 0, atEnd ? -1 : undefined).flatMap((w) => {
      if (w === '*' || w === '#') {
        prefix.push(false);
        return [{ exact: w, fold: w, ascii: true }];
      }
      const stem = w.length > 3 && w.endsWith('*');
      const toks = tokensOf(stem ? w.slice(0, -1) : w);
      toks.forEach((_, k) => prefix.push(stem && k === toks.length - 1));
      return toks;
    });
    if (words.length === 0 || words[0].exact === '*' || words[0].exact === '#') continue;
    const key = `${stage}|${atStart ? '^' : ''}${words.map((w, k) => w.fold + (prefix[k] ? '*' : '')).join(' ')}${atEnd ? '$' : ''}|${words.map((w) => w.exact).join(' ')}`;
    const prev = seen.get(key);
    if (prev) {
      prev.weight = Math.max(prev.weight, weight);
      continue;
    }
    const accent = words.map((w, k) => !prefix[k] && w.exact !== w.fold && ENGLISH_HOMOGRAPHS.has(w.fold));
    const c: Compiled = { stage, weight, exact: words.map((w) => w.exact), fold: words.map((w) => w.fold), prefix, accent, atStart, atEnd };
    seen.set(key, c);
    const index = prefix[0] ? byStem : byFirst,
      k0 = prefix[0] ? c.fold[0].slice(0, 3) : c.fold[0];
    const list = index.get(k0);
    if (list) list.push(c);
    else index.set(k0, [c]);
  }
  return { byFirst, byStem, question, handles, size: seen.size + handleSeen.size };
}

function matchesAt(c: Compiled, toks: Token[], i: number): boolean {
  if (i + c.fold.length > toks.length || (c.atStart && i > 0) || (c.atEnd && i + c.fold.length !== toks.length)) return false;
  for (let k = 0; k < c.fold.length; k++) {
    const t = toks[i + k],
      want = c.fold[k];
    if (want === '*') continue;
    if (want === '#') {
      if (!NUMBER.test(t.exact)) return false;
      continue;
    }
    if (c.prefix[k]) {
      if (!t.fold.startsWith(want) || (!t.ascii && !t.exact.startsWith(c.exact[k]))) return false;
      continue;
    }
    if (t.fold !== want) return false;
    if ((!t.ascii || c.accent[k]) && t.exact !== c.exact[k]) return false;
  }
  return true;
}

/** Adds the lexicon's evidence for one text to `scores` (length 7, zeroed by the caller). */
export function scoreText(lex: CompiledLexicon, text: string, scores: Float64Array, seen?: { negated: boolean }): void {
  if (!text) return;
  const norm = normalizeText(text);
  if (lex.handles.length && norm.includes('@')) {
    const names = [...new Set(Array.from(norm.matchAll(MENTION), (m) => m[1]))];
    for (const h of lex.handles) if (names.some((n) => h.pattern.test(n))) scores[h.stage] += h.weight;
  }
  if (norm.includes('?') || norm.includes('？')) for (let s = 0; s < S; s++) scores[s] += lex.question[s];
  buying.past = 0;
  buying.other = 0;
  for (const clause of norm.split(CLAUSE)) {
    const toks = tokensOf(clause);
    for (let i = 0; i < toks.length; i++) {
      const exact = lex.byFirst.get(toks[i].fold),
        stem = lex.byStem.get(toks[i].fold.slice(0, 3));
      if (exact) for (const c of exact) addMatch(c, toks, i, scores, seen);
      if (stem) for (const c of stem) addMatch(c, toks, i, scores, seen);
    }
  }
  intentWins(scores);
  boughtThenUsed(scores);
}

/** Purchase evidence of the text being scored: from past-tense buying verbs only, and from anything else. */
const buying = { past: 0, other: 0 };
const PAST_BUY = new Set(['bought', 'ordered', 'purchased']);
/** Purchase phrases that are about the order itself, not a bought item ("cancel my order", "in line for"). */
const ORDER_ACT = new Set(['cancel', 'cancelled', 'cancelling', 'canceled', 'line', 'pre', 'placed', 'checked', 'paid']);
/**
 * "I bought it for my mother and the battery died", "ordered a burger and got a single patty":
 * when the only purchase evidence is a past "bought/ordered/purchased" and the text also tells of
 * using or receiving the item (experience evidence of at least one solid phrase), the purchase is
 * the background of an experience, so its weight counts for experience.
 */
const USED = 1.5;
function boughtThenUsed(scores: Float64Array): void {
  if (buying.past > 0 && buying.other === 0 && scores[EXPERIENCE] >= USED) {
    scores[EXPERIENCE] += scores[PURCHASE];
    scores[PURCHASE] = 0;
  }
}

/**
 * When a text says the customer leaves or recommends (churn or advocacy phrases worth at least
 * INTENT), its quality words count for experience up to INTENT only: "a complaint is experience
 * unless it says the customer is leaving", and a review after use is experience unless it
 * recommends or promises to rebuy — however many features the review praises or blames.
 */
const INTENT = 2;
function intentWins(scores: Float64Array): void {
  if ((scores[CHURN] >= INTENT || scores[ADVOCACY] >= INTENT) && scores[EXPERIENCE] > INTENT) scores[EXPERIENCE] = INTENT;
}

/**
 * Adds an entry's weight when it matches at word i, to churn / consideration when negated
 * (and says so in `seen`: a negated phrase is knowledge the built-in model does not have).
 */
function addMatch(c: Compiled, toks: Token[], i: number, scores: Float64Array, seen?: { negated: boolean }): void {
  if (!matchesAt(c, toks, i)) return;
  let stage = c.stage;
  if (stage === PURCHASE || stage === ADVOCACY) {
    for (let j = Math.max(0, i - 3); j < i; j++) {
      if (NEGATORS.has(toks[j].exact)) {
        stage = c.stage === ADVOCACY && c.fold.some((w) => RECOMMENDING.has(w)) ? EXPERIENCE : CHURN;
        break;
      }
      if (NOT_YET.has(toks[j].exact) || (toks[j].exact === 'not' && toks[j + 1]?.exact === 'yet')) {
        stage = stage === PURCHASE ? CONSIDERATION : -1;
        break;
      }
    }
    if (stage !== c.stage && seen) seen.negated = true;
  }
  if (stage === PURCHASE) {
    const words = toks.slice(i, i + c.fold.length).map((t) => t.fold);
    if (words.some((w) => PAST_BUY.has(w)) && !words.some((w) => ORDER_ACT.has(w))) buying.past += c.weight;
    else buying.other += c.weight;
  }
  if (stage >= 0) scores[stage] += c.weight;
}

/** The winning stage of scores (ties go to the later stage; all zero → none) and a confidence in [0, 1]. */
export function decide(scores: Float64Array): { stage: number; confidence: number } {
  let best = S - 1,
    top = 0,
    total = 0;
  for (let s = 0; s < S; s++) {
    const v = scores[s];
    if (v <= 0) continue;
    total += v;
    if (v >= top) {
      top = v;
      best = s;
    }
  }
  if (top <= 0) return { stage: S - 1, confidence: 0 };
  return { stage: best, confidence: (top / total) * (1 - Math.exp(-top)) };
}
