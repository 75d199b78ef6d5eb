/**
 * Pain points: the terms (words and two-word phrases, stop words removed) most over-represented
 * in a group of texts (a stage's negative comments) compared with all texts, by the weighted
 * log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as a z-score.
 * Terms are counted once per text. Documents are stored columnar: term ids in one Int32Array.
 */
import { enLexicon } from '../text/sentiment-en';
import { valence, type CompiledLexicon } from '../text/sentiment-engine';
import { viLexicon } from '../text/sentiment-vi';
import { detectLanguage, foldVi, normalizeText, tokenizeClauses } from '../text/tokenize';
import { STOP_WORDS } from '../text/stopwords';

const WORDLIKE = /\p{L}/u;
/** One-sided 90%: small groups rarely reach 1.96, and `minCount` already guards against flukes. */
const MIN_Z = 1.28;

export interface TermIndex {
  terms: string[];
  /** Term ids of text i: ids[offsets[i] .. offsets[i + 1]). */
  ids: Int32Array;
  offsets: Int32Array;
  /** Texts containing each term. */
  docFreq: Float64Array;
  /** Vietnamese texts containing each term (the lexicon a term is judged by). */
  viFreq: Float64Array;
  /**
   * 1 for a term seen only without accents whose accented spelling also occurs in the texts as
   * function words ("co ma" for "có mà", "sale toi" for "sale tôi"): a fragment, never a pain point.
   */
  fragment: Uint8Array;
}

const PLAIN = /^[\x00-\x7f]*$/;

/**
 * Whether a term may be a pain point by the sentiment lexicon of its language: not a positive
 * word or phrase ("tốt", "pin trâu", "great"), and not a word the lexicon marks as neutral
 * ("bao lâu"). Terms the lexicon does not know (topics such as "màn hình", "refund") are kept.
 */
export function painWordAllowed(raw: string, vi: boolean): boolean {
  const term = raw.normalize('NFC').toLowerCase();
  const lex: CompiledLexicon = vi ? viLexicon() : enLexicon();
  if (valence(term, lex) > 0) return false;
  const exact = lex.exact.get(term);
  if (exact !== undefined && exact >= 0) return false;
  const folded = PLAIN.test(term) ? lex.folded.get(term) : undefined;
  return !(folded !== undefined && folded >= 0);
}

/** Vietnamese words that make a complaint when followed by a content word ("bị móp", "chưa nhận", "không trả"). */
const VI_MARKERS = new Set(['bị', 'không', 'chưa', 'chẳng', 'hơi', 'bi', 'khong', 'chua', 'ko']);

/**
 * Distinct terms of each text, never across punctuation. English (and other) texts: content words and pairs of adjacent
 * content words. Vietnamese texts (one syllable per token): only pairs — two content syllables, or
 * a marker such as "bị"/"chưa" and a content syllable — since single syllables say little.
 * Terms are keyed without accents, so "giảm giá" and "giam gia" count together; each is shown in
 * its most frequent spelling.
 */
export async function indexTerms(texts: (string | null)[], onProgress?: (f: number) => Promise<void>): Promise<TermIndex> {
  const idOf = new Map<string, number>();
  const spellings: Map<string, number>[] = [];
  const ids: number[] = [];
  const offsets = new Int32Array(texts.length + 1);
  const seen = new Set<number>();
  const viOf: number[] = [];
  let isVi = false;
  // Folded keys of accented words and pairs left out as function words ("có mà", "sale tôi").
  const stopped = new Set<string>();
  const folds = new Map<string, string>();
  const fold = (t: string) => {
    let f = folds.get(t);
    if (f === undefined) {
      f = foldVi(t);
      folds.set(t, f);
    }
    return f;
  };
  const add = (term: string) => {
    const key = foldVi(term);
    let id = idOf.get(key);
    if (id === undefined) {
      id = spellings.length;
      idOf.set(key, id);
      spellings.push(new Map());
    }
    const sp = spellings[id];
    sp.set(term, (sp.get(term) ?? 0) + 1);
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
      viOf[id] = (viOf[id] ?? 0) + (isVi ? 1 : 0);
    }
  };
  for (let i = 0; i < texts.length; i++) {
    if (onProgress && (i & 8191) === 0) await onProgress(i / texts.length);
    const text = texts[i];
    if (text) {
      seen.clear();
      const toks = tokenizeClauses(normalizeText(text)).map((t) => (WORDLIKE.test(t) ? t : '.')); // numbers, emoji: breaks
      const vi = detectLanguage(text) === 'vi';
      isVi = vi;
      const content = toks.map((t) => t !== '.' && !STOP_WORDS.has(t) && t.length > 1);
      for (let k = 0; k < toks.length; k++) {
        const next = k + 1 < toks.length && content[k + 1];
        if (content[k] && !vi) add(toks[k]);
        else if (!vi && toks[k] !== '.' && !PLAIN.test(toks[k])) stopped.add(fold(toks[k]));
        if (next && (content[k] || (vi && VI_MARKERS.has(toks[k])))) add(`${toks[k]} ${toks[k + 1]}`);
        else if (k + 1 < toks.length && toks[k] !== '.' && toks[k + 1] !== '.' && !(PLAIN.test(toks[k]) && PLAIN.test(toks[k + 1]))) {
          // Only pairs whose unaccented spelling would be a term of its own ("có mà" → "co ma").
          const a = fold(toks[k]),
            b = fold(toks[k + 1]);
          if (b.length > 1 && !STOP_WORDS.has(b) && ((a.length > 1 && !STOP_WORDS.has(a)) || VI_MARKERS.has(a))) stopped.add(`${a} ${b}`);
        }
      }
    }
    offsets[i + 1] = ids.length;
  }
  // The most frequent spelling, an accented one when there is any ("giảm giá" over "giam gia").
  const terms = spellings.map((sp) => {
    let best = '',
      n = -1,
      accented = false;
    for (const [t, c] of sp) {
      const acc = !PLAIN.test(t);
      if ((acc && !accented) || (acc === accented && c > n)) {
        best = t;
        n = c;
        accented = acc;
      }
    }
    return best;
  });
  const fragment = Uint8Array.from(terms, (t) => (PLAIN.test(t) && stopped.has(t) ? 1 : 0));
  const flat = Int32Array.from(ids);
  const docFreq = new Float64Array(terms.length);
  for (let j = 0; j < flat.length; j++) docFreq[flat[j]]++;
  return { terms, ids: flat, offsets, docFreq, viFreq: Float64Array.from(terms, (_, w) => viOf[w] ?? 0), fragment };
}

export interface PainPoint {
  term: string;
  count: number;
  z: number;
}

/**
 * The top terms of the texts marked in `group` against all texts: z > 1.28, at least `minCount`
 * texts of the group (and at least `minGroup` texts in it), not a positive or neutral word of the
 * sentiment lexicon, not an unaccented fragment, a term skipped when it shares a word with a
 * better one already taken.
 */
export function painPoints(index: TermIndex, group: Uint8Array, top = 5, minCount = 3, prior = 100, minGroup = 5): PainPoint[] {
  const V = index.terms.length;
  const inGroup = new Float64Array(V);
  let size = 0;
  for (let i = 0; i < group.length; i++) {
    if (!group[i]) continue;
    size++;
    for (let j = index.offsets[i]; j < index.offsets[i + 1]; j++) inGroup[index.ids[j]]++;
  }
  let nAll = 0,
    nI = 0;
  for (let w = 0; w < V; w++) {
    nAll += index.docFreq[w];
    nI += inGroup[w];
  }
  if (nI === 0 || size < minGroup) return [];
  const nJ = nAll - nI;
  const candidates: PainPoint[] = [];
  for (let w = 0; w < V; w++) {
    const yi = inGroup[w];
    if (yi < minCount || index.fragment[w]) continue;
    const yj = index.docFreq[w] - yi;
    const a = prior * (index.docFreq[w] / nAll);
    const delta = Math.log((yi + a) / (nI + prior - yi - a)) - Math.log((yj + a) / (nJ + prior - yj - a));
    const z = delta / Math.sqrt(1 / (yi + a) + 1 / (yj + a));
    if (z > MIN_Z && painWordAllowed(index.terms[w], index.viFreq[w] * 2 > index.docFreq[w]))
      candidates.push({ term: index.terms[w], count: yi, z });
  }
  candidates.sort((x, y) => y.z - x.z || y.count - x.count || (x.term < y.term ? -1 : 1));
  // A word is shown as the two-word phrase it mostly comes in ("thất" → "thất vọng", "late" → "arrived late").
  const phraseOf = new Map<string, PainPoint>();
  for (const c of candidates) {
    const words = c.term.split(' ');
    if (words.length === 2) for (const w of words) if (!phraseOf.has(w)) phraseOf.set(w, c);
  }
  const out: PainPoint[] = [];
  const used = new Set<string>();
  for (const cand of candidates) {
    const phrase = cand.term.includes(' ') ? undefined : phraseOf.get(cand.term);
    const c = phrase && phrase.count >= 0.8 * cand.count ? phrase : cand;
    const words = c.term.split(' ');
    if (words.some((w) => used.has(w))) continue;
    out.push(c);
    for (const w of words) used.add(w);
    if (out.length === top) break;
  }
  return out;
}
