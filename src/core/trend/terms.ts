/**
 * Emerging terms: the words whose share of texts rose most in a window (a spike, or the recent
 * bins) against their own history (every text before the window).
 *
 * For a term with a texts out of the window's W texts, and b out of the H texts before it:
 *   growth = (a / W) / ((b + 1) / (H + 1))      (add-one, so a term never seen before has a finite growth)
 *   z      = (a − E) / √E,  E = W · (b + 1) / (H + 1)      (Poisson z of the count against its history rate)
 *   G²     = Dunning's log-likelihood ratio of the 2 × 2 table (a, W − a; b, H − b).
 * The significance floor: a ≥ minCount, growth ≥ minGrowth and G² ≥ 10.83 (p < 0.001, 1 degree
 * of freedom), so a rare word seen twice does not top the list. Terms are ranked by growth, then
 * count. Counts are of texts (a word repeated in one text counts once).
 */

/** G² at p = 0.001 with one degree of freedom. */
export const LLR_FLOOR = 10.83;

export interface TermDocs {
  vocabulary: readonly string[];
  /** Bin of each row (−1: no time). */
  bins: Int32Array;
  /** Index in `termsOfText` of each row's text (−1: no text). */
  codes: Int32Array;
  /** Distinct term ids of each distinct text. */
  termsOfText: readonly Int32Array[];
  binCount: number;
}

export interface EmergingTerm {
  term: string;
  count: number;
  history: number;
  growth: number;
  z: number;
  llr: number;
}

export interface WindowTerms {
  /** Texts (with at least one word) in the window and before it. */
  documents: number;
  historyDocuments: number;
  terms: EmergingTerm[];
}

export interface TermOptions {
  minCount: number;
  minGrowth: number;
  top: number;
}

const xlogx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/** Dunning's G² of the 2 × 2 table (a, W − a; b, H − b). */
export function logLikelihood(a: number, w: number, b: number, h: number): number {
  const n = w + h,
    k = a + b;
  if (n === 0 || k === 0 || k === n) return 0;
  const e11 = (w * k) / n,
    e12 = (w * (n - k)) / n,
    e21 = (h * k) / n,
    e22 = (h * (n - k)) / n;
  return 2 * (xlogx(a, e11) + xlogx(w - a, e12) + xlogx(b, e21) + xlogx(h - b, e22));
}

/** Rows ordered by bin (counting sort); rows without a time are left out. */
function rowsByBin(bins: Int32Array, count: number): { order: Int32Array; first: Int32Array } {
  const first = new Int32Array(count + 1);
  for (let i = 0; i < bins.length; i++) if (bins[i] >= 0) first[bins[i] + 1]++;
  for (let b = 0; b < count; b++) first[b + 1] += first[b];
  const next = first.slice(0, count);
  const order = new Int32Array(first[count]);
  for (let i = 0; i < bins.length; i++) if (bins[i] >= 0) order[next[bins[i]]++] = i;
  return { order, first };
}

/** The first bin each term appears in (−1: never with a time). */
export function firstSeen(docs: TermDocs): Int32Array {
  const out = new Int32Array(docs.vocabulary.length).fill(-1);
  for (let i = 0; i < docs.bins.length; i++) {
    const b = docs.bins[i],
      k = docs.codes[i];
    if (b < 0 || k < 0) continue;
    for (const t of docs.termsOfText[k]) if (out[t] < 0 || b < out[t]) out[t] = b;
  }
  return out;
}

/**
 * The emerging terms of each window (bins `from`..`to`, inclusive), in the order given.
 * `progress` is awaited every ~20k rows.
 */
export async function emergingTerms(
  docs: TermDocs,
  windows: readonly { from: number; to: number }[],
  options: TermOptions,
  progress: (fraction: number) => Promise<void> = async () => {},
): Promise<WindowTerms[]> {
  const { order, first } = rowsByBin(docs.bins, docs.binCount);
  const v = docs.vocabulary.length;
  const hist = new Int32Array(v),
    inWindow = new Int32Array(v);
  const touched: number[] = [];
  let histDocs = 0,
    cursor = 0,
    work = 0;
  const total = order.length + windows.reduce((s, w) => s + first[Math.min(w.to + 1, docs.binCount)] - first[w.from], 0) || 1;
  const ranked = windows.map((w, i) => ({ w, i })).sort((a, b) => a.w.from - b.w.from || a.i - b.i);
  const results: WindowTerms[] = new Array(windows.length);
  for (const { w, i } of ranked) {
    // History: every row before the window.
    const stop = first[w.from];
    for (; cursor < stop; cursor++) {
      if (++work % 20000 === 0) await progress(work / total);
      const k = docs.codes[order[cursor]];
      if (k < 0 || docs.termsOfText[k].length === 0) continue;
      histDocs++;
      for (const t of docs.termsOfText[k]) hist[t]++;
    }
    let winDocs = 0;
    const end = first[Math.min(w.to + 1, docs.binCount)];
    for (let r = stop; r < end; r++) {
      if (++work % 20000 === 0) await progress(work / total);
      const k = docs.codes[order[r]];
      if (k < 0 || docs.termsOfText[k].length === 0) continue;
      winDocs++;
      for (const t of docs.termsOfText[k]) {
        if (inWindow[t] === 0) touched.push(t);
        inWindow[t]++;
      }
    }
    const terms: EmergingTerm[] = [];
    if (histDocs > 0 && winDocs > 0) {
      for (const t of touched) {
        const a = inWindow[t],
          b = hist[t];
        if (a < options.minCount) continue;
        const rate = (b + 1) / (histDocs + 1);
        const growth = a / winDocs / rate;
        if (growth < options.minGrowth) continue;
        const llr = logLikelihood(a, winDocs, b, histDocs);
        if (llr < LLR_FLOOR) continue;
        const e = winDocs * rate;
        terms.push({ term: docs.vocabulary[t], count: a, history: b, growth, z: (a - e) / Math.sqrt(e), llr });
      }
    }
    for (const t of touched) inWindow[t] = 0;
    touched.length = 0;
    terms.sort((x, y) => y.growth - x.growth || y.count - x.count || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    results[i] = { documents: winDocs, historyDocuments: histDocs, terms: terms.slice(0, options.top) };
  }
  return results;
}
