/**
 * Keywords of short social texts (captions, comments), English and Vietnamese: #hashtags,
 * @mentions and TF-IDF terms (unigrams, optionally bigrams of words / Vietnamese syllables).
 *
 * TF-IDF, as documented in the README: for a term t in a document d of a corpus of N documents,
 *   tf(t, d) = count(t, d) / (number of terms of d), idf(t) = ln((1 + N) / (1 + df(t))) + 1,
 * where df(t) is the number of documents holding t (scikit-learn's smoothed idf). Only terms with
 * df ≥ minCount are kept. A group's score uses the group's concatenated texts as d, with the
 * corpus (rows) idf. Ties are broken by the term, alphabetically.
 */
import { normalizeText, tokenizeClauses } from './tokenize';
import { STOP_WORDS } from './stopwords';

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const HASHTAG_RE = /(^|[^\p{L}\p{M}\p{N}_&#])#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;
const MENTION_RE = /(^|[^\p{L}\p{M}\p{N}_@.])@([\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])/gu;
const WORD_RE = /^[\p{L}\p{M}\p{N}']+$/u;
const HAS_LETTER = /\p{L}/u;

/** Distinct hashtags and mentions of a text, lowercased, in order of first appearance. */
export function extractTags(text: string): { hashtags: string[]; mentions: string[] } {
  const t = text.normalize('NFC').replace(URL_RE, ' ');
  const collect = (re: RegExp, sign: string): string[] => {
    const seen = new Set<string>();
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) seen.add(sign + m[2].toLowerCase());
    return [...seen];
  };
  return { hashtags: collect(HASHTAG_RE, '#'), mentions: collect(MENTION_RE, '@') };
}

/** Whether a token can be a keyword: a word with a letter, two characters or more, not a stop word. */
export function isKeyword(token: string): boolean {
  return token.length >= 2 && WORD_RE.test(token) && HAS_LETTER.test(token) && !STOP_WORDS.has(token);
}

/** The terms of a text, in order: kept words, then (ngrams = 2) bigrams of adjacent kept words within a clause. */
export function textTerms(text: string, ngrams: number): string[] {
  const clean = normalizeText(text.replace(URL_RE, ' ').replace(MENTION_RE, '$1 '));
  const tokens = tokenizeClauses(clean);
  const out: string[] = [];
  const bigrams: string[] = [];
  let prev: string | null = null;
  for (const tok of tokens) {
    if (isKeyword(tok)) {
      out.push(tok);
      if (ngrams > 1 && prev !== null) bigrams.push(`${prev} ${tok}`);
      prev = tok;
    } else prev = null;
  }
  return bigrams.length ? out.concat(bigrams) : out;
}

/** A scored term. */
export interface TermScore {
  term: string;
  score: number;
  documents: number;
}

/** The corpus as term ids per document (CSR: `terms[offsets[d] .. offsets[d+1])`), with document frequencies. */
export interface Corpus {
  vocabulary: string[];
  offsets: Int32Array;
  terms: Int32Array;
  /** Documents holding each term id. */
  df: Int32Array;
  documents: number;
}

/**
 * Builds the corpus, one document per row; `codes[r]` is the index in `texts` of row r's text (-1 when
 * missing) and identical texts are tokenised once. `progress` is called about every 10k rows.
 */
export async function buildCorpus(
  codes: Int32Array,
  texts: readonly string[],
  ngrams: number,
  progress: (done: number) => Promise<void>,
): Promise<Corpus> {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const perText: (Int32Array | undefined)[] = new Array(texts.length);
  const n = codes.length;
  const offsets = new Int32Array(n + 1);
  let terms = new Int32Array(Math.max(16, n * 8));
  let df = new Int32Array(256);
  let lastSeen = new Int32Array(256).fill(-1);
  let used = 0;
  for (let r = 0; r < n; r++) {
    if (r % 10000 === 0 && r) await progress(r);
    const k = codes[r];
    let list: Int32Array | undefined;
    if (k >= 0) {
      list = perText[k];
      if (!list) {
        const words = textTerms(texts[k], ngrams);
        list = new Int32Array(words.length);
        for (let i = 0; i < words.length; i++) {
          let id = ids.get(words[i]);
          if (id === undefined) {
            id = vocabulary.length;
            ids.set(words[i], id);
            vocabulary.push(words[i]);
            if (id >= df.length) {
              const grown = new Int32Array(df.length * 2);
              grown.set(df);
              df = grown;
              const seen = new Int32Array(lastSeen.length * 2).fill(-1);
              seen.set(lastSeen);
              lastSeen = seen;
            }
          }
          list[i] = id;
        }
        perText[k] = list;
      }
    }
    if (list && list.length) {
      if (used + list.length > terms.length) {
        const grown = new Int32Array(Math.max(terms.length * 2, used + list.length));
        grown.set(terms.subarray(0, used));
        terms = grown;
      }
      terms.set(list, used);
      used += list.length;
      for (let i = 0; i < list.length; i++) {
        const id = list[i];
        if (lastSeen[id] !== r) {
          lastSeen[id] = r;
          df[id]++;
        }
      }
    }
    offsets[r + 1] = used;
  }
  return { vocabulary, offsets, terms: terms.subarray(0, used), df: df.subarray(0, vocabulary.length), documents: n };
}

/** The smoothed inverse document frequency of every term id. */
export function idfOf(corpus: Corpus): Float64Array {
  const idf = new Float64Array(corpus.vocabulary.length);
  for (let t = 0; t < idf.length; t++) idf[t] = Math.log((1 + corpus.documents) / (1 + corpus.df[t])) + 1;
  return idf;
}

const byScore = (vocabulary: string[], score: ArrayLike<number>) => (a: number, b: number) =>
  score[b] - score[a] || (vocabulary[a] < vocabulary[b] ? -1 : vocabulary[a] > vocabulary[b] ? 1 : 0);

/**
 * Scores a bag of documents (`docs` row indices) as one text: tf over their terms × idf. Returns
 * the top `top` term ids with df ≥ minCount (scores left in `score`; reset with the touched list).
 */
function scoreBag(
  corpus: Corpus,
  idf: Float64Array,
  docs: ArrayLike<number>,
  minCount: number,
  top: number,
  count: Float64Array,
  score: Float64Array,
  touched: number[],
): number[] {
  touched.length = 0;
  let total = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    for (let p = corpus.offsets[d]; p < corpus.offsets[d + 1]; p++) {
      const id = corpus.terms[p];
      if (count[id] === 0) touched.push(id);
      count[id]++;
      total++;
    }
  }
  const kept: number[] = [];
  for (const id of touched) {
    if (corpus.df[id] >= minCount) {
      score[id] = (count[id] / total) * idf[id];
      kept.push(id);
    }
    count[id] = 0;
  }
  kept.sort(byScore(corpus.vocabulary, score));
  return kept.slice(0, top);
}

/** Row mode: each row's top terms (comma-separated, '' when none) and the corpus' top `limit` terms by summed TF-IDF. */
export async function rowKeywords(
  corpus: Corpus,
  minCount: number,
  top: number,
  limit: number,
  progress: (done: number) => Promise<void>,
): Promise<{ keywords: string[]; terms: TermScore[] }> {
  const V = corpus.vocabulary.length;
  const idf = idfOf(corpus);
  const count = new Float64Array(V),
    score = new Float64Array(V),
    sum = new Float64Array(V);
  const touched: number[] = [];
  const one = new Int32Array(1);
  const keywords: string[] = new Array(corpus.documents);
  for (let d = 0; d < corpus.documents; d++) {
    if (d % 10000 === 0 && d) await progress(d);
    one[0] = d;
    const best = scoreBag(corpus, idf, one, minCount, V, count, score, touched);
    for (const id of best) sum[id] += score[id];
    keywords[d] = best
      .slice(0, top)
      .map((id) => corpus.vocabulary[id])
      .join(', ');
  }
  const ids: number[] = [];
  for (let t = 0; t < V; t++) if (corpus.df[t] >= minCount) ids.push(t);
  ids.sort(byScore(corpus.vocabulary, sum));
  const terms = ids.slice(0, limit).map((id) => ({ term: corpus.vocabulary[id], score: sum[id], documents: corpus.df[id] }));
  return { keywords, terms };
}

/** Group mode: the top terms of each group (`groups[r]` = group id of row r, -1 = none), by tf of its texts × corpus idf. */
export async function groupKeywords(
  corpus: Corpus,
  groups: Int32Array,
  groupCount: number,
  minCount: number,
  top: number,
  progress: (done: number) => Promise<void>,
): Promise<TermScore[][]> {
  const V = corpus.vocabulary.length;
  const idf = idfOf(corpus);
  const count = new Float64Array(V),
    score = new Float64Array(V);
  const touched: number[] = [];
  // Rows of each group, by a counting sort.
  const start = new Int32Array(groupCount + 1);
  for (let r = 0; r < groups.length; r++) if (groups[r] >= 0) start[groups[r] + 1]++;
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const rowsOf = new Int32Array(start[groupCount]);
  const fill = start.slice(0, groupCount);
  for (let r = 0; r < groups.length; r++) if (groups[r] >= 0) rowsOf[fill[groups[r]]++] = r;
  const lastSeen = new Int32Array(V).fill(-1);
  const out: TermScore[][] = [];
  for (let g = 0; g < groupCount; g++) {
    if (g % 100 === 0 && g) await progress(start[g]);
    const docs = rowsOf.subarray(start[g], start[g + 1]);
    const best = scoreBag(corpus, idf, docs, minCount, top, count, score, touched);
    const wanted = new Map<number, number>(best.map((id) => [id, 0]));
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      for (let p = corpus.offsets[d]; p < corpus.offsets[d + 1]; p++) {
        const id = corpus.terms[p];
        if (lastSeen[id] !== d && wanted.has(id)) {
          lastSeen[id] = d;
          wanted.set(id, wanted.get(id)! + 1);
        }
      }
    }
    out.push(best.map((id) => ({ term: corpus.vocabulary[id], score: score[id], documents: wanted.get(id)! })));
  }
  return out;
}
