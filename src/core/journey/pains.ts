/**
 * Pain points: the terms (words and two-word phrases, stop words removed) most over-represented
 * in a group of texts (a stage's negative comments) compared with all texts, by the weighted
 * log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as a z-score.
 * Terms are counted once per text. Documents are stored columnar: term ids in one Int32Array.
 */
import { detectLanguage, foldVi, normalizeText, tokenizeClauses } from '../text/tokenize';
import { STOP_WORDS } from './stopwords';

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
  const add = (term: string) => {
    const key = foldVi(term);
    let id = idOf.get(key);
    if (id === undefined) { id = spellings.length; idOf.set(key, id); spellings.push(new Map()); }
    const sp = spellings[id];
    sp.set(term, (sp.get(term) ?? 0) + 1);
    if (!seen.has(id)) { seen.add(id); ids.push(id); }
  };
  for (let i = 0; i < texts.length; i++) {
    if (onProgress && (i & 8191) === 0) await onProgress(i / texts.length);
    const text = texts[i];
    if (text) {
      seen.clear();
      const toks = tokenizeClauses(normalizeText(text)).map((t) => (WORDLIKE.test(t) ? t : '.')); // numbers, emoji: breaks
      const vi = detectLanguage(text) === 'vi';
      const content = toks.map((t) => t !== '.' && !STOP_WORDS.has(t) && t.length > 1);
      for (let k = 0; k < toks.length; k++) {
        const next = k + 1 < toks.length && content[k + 1];
        if (content[k] && !vi) add(toks[k]);
        if (next && (content[k] || (vi && VI_MARKERS.has(toks[k])))) add(`${toks[k]} ${toks[k + 1]}`);
      }
    }
    offsets[i + 1] = ids.length;
  }
  const terms = spellings.map((sp) => { let best = '', n = -1; for (const [t, c] of sp) if (c > n) { best = t; n = c; } return best; });
  const flat = Int32Array.from(ids);
  const docFreq = new Float64Array(terms.length);
  for (let j = 0; j < flat.length; j++) docFreq[flat[j]]++;
  return { terms, ids: flat, offsets, docFreq };
}

export interface PainPoint { term: string; count: number; z: number }

/**
 * The top terms of the texts marked in `group` against all texts: z > 1.28, at least `minCount`
 * texts of the group (and at least `minGroup` texts in it), a term skipped when it shares a word
 * with a better one already taken.
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
  let nAll = 0, nI = 0;
  for (let w = 0; w < V; w++) { nAll += index.docFreq[w]; nI += inGroup[w]; }
  if (nI === 0 || size < minGroup) return [];
  const nJ = nAll - nI;
  const candidates: PainPoint[] = [];
  for (let w = 0; w < V; w++) {
    const yi = inGroup[w];
    if (yi < minCount) continue;
    const yj = index.docFreq[w] - yi;
    const a = prior * (index.docFreq[w] / nAll);
    const delta = Math.log((yi + a) / (nI + prior - yi - a)) - Math.log((yj + a) / (nJ + prior - yj - a));
    const z = delta / Math.sqrt(1 / (yi + a) + 1 / (yj + a));
    if (z > MIN_Z) candidates.push({ term: index.terms[w], count: yi, z });
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
