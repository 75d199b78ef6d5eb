/**
 * The text side of topic modelling: the TF-IDF matrix of a corpus of short texts (the terms of
 * `feature.keywords`: EN + VI words without stop words, and bigrams of adjacent words, so that
 * Vietnamese syllables stay joined as "giao hàng"), readable top terms of a topic, and its NPMI
 * coherence.
 *
 * TF-IDF as scikit-learn's `TfidfVectorizer` (norm "l2", smooth idf): raw count × (ln((1 + N) /
 * (1 + df)) + 1), each row scaled to unit length. Kept terms: in at least `minDf` texts, in at
 * most `maxShare` of them, and the `maxTerms` with the most texts (ties by the term).
 */
import { buildCorpus, type Corpus } from './keywords';

/** HTML entities left in exported tweets (&amp; &quot; &#39;…) and the "RT" retweet marker. */
const ENTITY = /&(?:[a-z]{2,8}|#\d{1,6}|#x[0-9a-f]{1,6});/giu;
const RETWEET = /(^|\s)rt(?=\s|:|$)/giu;

/** What the topics read of a text: entities and retweet markers removed (the rest is `textTerms`). */
export function topicText(text: string): string {
  return text.replace(ENTITY, ' ').replace(RETWEET, '$1 ');
}

/** Sparse rows (CSR) of float64 values: documents × terms. */
export interface TermMatrix {
  rowPtr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  cols: number;
  /** The term of each column. */
  terms: string[];
  /** Documents holding each column's term. */
  df: Int32Array;
  /** Rows with at least one kept term. */
  nonEmpty: number;
  /** Terms seen before the limits (min / max share / cap). */
  seen: number;
}

export interface TermLimits {
  minDf: number;
  maxShare: number;
  maxTerms: number;
}

/** The corpus of `texts` (one document per row, `codes[r]` its index in `texts`, −1 when missing). */
export async function topicCorpus(
  codes: Int32Array,
  texts: readonly string[],
  ngrams: number,
  progress: (done: number) => Promise<void>,
): Promise<Corpus> {
  return buildCorpus(codes, texts.map(topicText), ngrams, progress);
}

/** The TF-IDF matrix of a corpus (rows in corpus order), with the terms kept by `limits`. */
export function tfidfMatrix(corpus: Corpus, limits: TermLimits): TermMatrix {
  const N = corpus.documents;
  const V = corpus.vocabulary.length;
  const maxDf = Math.floor(limits.maxShare * N);
  const candidates: number[] = [];
  for (let t = 0; t < V; t++) if (corpus.df[t] >= limits.minDf && corpus.df[t] <= Math.max(maxDf, 1)) candidates.push(t);
  const voc = corpus.vocabulary;
  candidates.sort((a, b) => corpus.df[b] - corpus.df[a] || (voc[a] < voc[b] ? -1 : voc[a] > voc[b] ? 1 : 0));
  const kept = candidates.slice(0, limits.maxTerms);
  // Columns in alphabetical order (as scikit-learn's vocabulary), so both sides index alike.
  kept.sort((a, b) => (voc[a] < voc[b] ? -1 : voc[a] > voc[b] ? 1 : 0));
  const column = new Int32Array(V).fill(-1);
  kept.forEach((t, c) => {
    column[t] = c;
  });
  const idf = new Float64Array(kept.length);
  const df = new Int32Array(kept.length);
  kept.forEach((t, c) => {
    df[c] = corpus.df[t];
    idf[c] = Math.log((1 + N) / (1 + corpus.df[t])) + 1;
  });
  const rowPtr = new Int32Array(N + 1);
  let nnz = 0;
  const count = new Float64Array(kept.length);
  const touched: number[] = [];
  let indices = new Int32Array(Math.max(16, corpus.terms.length));
  let values = new Float64Array(indices.length);
  let nonEmpty = 0;
  for (let d = 0; d < N; d++) {
    touched.length = 0;
    for (let p = corpus.offsets[d]; p < corpus.offsets[d + 1]; p++) {
      const c = column[corpus.terms[p]];
      if (c < 0) continue;
      if (count[c] === 0) touched.push(c);
      count[c]++;
    }
    touched.sort((a, b) => a - b);
    let sq = 0;
    for (const c of touched) {
      const v = count[c] * idf[c];
      indices[nnz] = c;
      values[nnz] = v;
      sq += v * v;
      nnz++;
      count[c] = 0;
    }
    if (sq > 0) {
      nonEmpty++;
      const s = 1 / Math.sqrt(sq);
      for (let p = nnz - touched.length; p < nnz; p++) values[p] *= s;
    }
    rowPtr[d + 1] = nnz;
  }
  indices = indices.slice(0, nnz);
  values = values.slice(0, nnz);
  return { rowPtr, indices, values, cols: kept.length, terms: kept.map((t) => voc[t]), df, nonEmpty, seen: V };
}

/** The rows `rows` of a matrix, as a matrix of their own (same columns). */
export function pickRows(X: TermMatrix, rows: ArrayLike<number>): TermMatrix {
  const rowPtr = new Int32Array(rows.length + 1);
  let nnz = 0;
  for (let r = 0; r < rows.length; r++) nnz += X.rowPtr[rows[r] + 1] - X.rowPtr[rows[r]];
  const indices = new Int32Array(nnz),
    values = new Float64Array(nnz);
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const from = X.rowPtr[rows[r]],
      to = X.rowPtr[rows[r] + 1];
    indices.set(X.indices.subarray(from, to), at);
    values.set(X.values.subarray(from, to), at);
    at += to - from;
    rowPtr[r + 1] = at;
  }
  const df = new Int32Array(X.cols);
  for (let p = 0; p < nnz; p++) df[indices[p]]++;
  return { rowPtr, indices, values, cols: X.cols, terms: X.terms, df, nonEmpty: rows.length, seen: X.seen };
}

/**
 * A topic's top terms, readable: columns by weight (Hᵀ, V × k row-major, topic `t`), at most
 * `top`. A bigram stands for a word of it that occurs mostly inside it (in at most twice the texts
 * the bigram is in: "giao hàng" for "giao" and "hàng"), so that word is not listed again; a bigram
 * whose words are both listed already and not stood for adds nothing and is left out.
 */
export function topTerms(terms: readonly string[], df: Int32Array, Ht: Float64Array, k: number, t: number, top: number): number[] {
  const V = terms.length;
  const order: number[] = [];
  for (let c = 0; c < V; c++) if (Ht[c * k + t] > 0) order.push(c);
  order.sort((a, b) => Ht[b * k + t] - Ht[a * k + t] || a - b);
  const standsFor = (bigram: number, word: number) => terms[bigram].split(' ').includes(terms[word]) && 2 * df[bigram] >= df[word];
  let kept: number[] = [];
  for (const c of order) {
    if (kept.length >= top) break;
    if (!terms[c].includes(' ')) {
      if (kept.some((x) => terms[x].includes(' ') && standsFor(x, c))) continue;
      kept.push(c);
      continue;
    }
    const words = terms[c].split(' ');
    const listed = kept.filter((x) => words.includes(terms[x]));
    const absorbed = listed.filter((x) => standsFor(c, x));
    if (absorbed.length === 0 && listed.length === words.length) continue;
    if (absorbed.length === 0) {
      kept.push(c);
      continue;
    }
    const at = kept.indexOf(absorbed[0]);
    kept = kept.flatMap((x, i) => (i === at ? [c] : absorbed.includes(x) ? [] : [x]));
  }
  return kept.slice(0, top);
}

/**
 * Mean NPMI of every pair of a topic's terms over the rows of X (a term occurs in a row when its
 * column is non-zero): NPMI(a, b) = ln(P(a, b) / (P(a) P(b))) / −ln P(a, b), −1 when a and b never
 * meet, P = rows holding them / rows with any term. One value per topic (0 for fewer than 2 terms).
 */
export function npmiCoherence(X: TermMatrix, topics: readonly (readonly number[])[]): number[] {
  const ids = [...new Set(topics.flat())];
  const slot = new Map<number, number>(ids.map((c, i) => [c, i]));
  const T = ids.length;
  const single = new Float64Array(T),
    pair = new Float64Array(T * T);
  const present: number[] = [];
  const n = X.rowPtr.length - 1;
  let docs = 0;
  for (let d = 0; d < n; d++) {
    if (X.rowPtr[d + 1] === X.rowPtr[d]) continue;
    docs++;
    present.length = 0;
    for (let p = X.rowPtr[d]; p < X.rowPtr[d + 1]; p++) {
      const s = slot.get(X.indices[p]);
      if (s !== undefined) present.push(s);
    }
    for (let a = 0; a < present.length; a++) {
      single[present[a]]++;
      for (let b = a + 1; b < present.length; b++) {
        const x = Math.min(present[a], present[b]),
          y = Math.max(present[a], present[b]);
        pair[x * T + y]++;
      }
    }
  }
  return topics.map((list) => {
    let sum = 0,
      pairs = 0;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = slot.get(list[i])!,
          b = slot.get(list[j])!;
        const co = pair[Math.min(a, b) * T + Math.max(a, b)];
        pairs++;
        if (co === 0 || docs === 0) {
          sum -= 1;
          continue;
        }
        const pab = co / docs;
        const pa = single[a] / docs,
          pb = single[b] / docs;
        sum += pab === 1 ? 1 : Math.log(pab / (pa * pb)) / -Math.log(pab);
      }
    return pairs ? sum / pairs : 0;
  });
}
