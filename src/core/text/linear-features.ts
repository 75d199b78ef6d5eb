/**
 * The features of the linear text model (linear.ts): hashed word 1–2-grams (plus accent-folded
 * words) and character 2–5-grams within words (scikit-learn's char_wb), sublinear tf × idf, each
 * block L2-normalised, in CSR rows of typed arrays.
 */
import { FNV, hashString, mix, PRIME, SEED_CHAR, SEED_FOLD, SEED_WORD } from './hashing';
import { foldVi, normalizeText, tokenizeNormalized } from './tokenize';

/** Sparse rows in CSR form over hash buckets (before the vocabulary is fixed) or feature indices. */
export interface Csr {
  rowPtr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** What mapping hashed rows to features needs of a trained model. */
export interface FeatureSpace {
  /** Hash bucket → feature index, or −1 for buckets unseen in training. */
  index: Int32Array;
  idf: Float32Array;
  /** Sparse features + extra dense ones. */
  dim: number;
  extraCount: number;
  charWeight: number;
}

const SPACE = /\s+/u;

/**
 * Per-run memo of what a word contributes (texts repeat words a lot: a word's hashes and its char
 * n-grams are computed once per run instead of once per occurrence, which makes hashing 100k
 * comments several times faster). Cleared when it grows past MEMO_LIMIT distinct words.
 */
interface Memo {
  mask: number;
  /** Token → [its hash, the bucket of its accent-folded form or −1]. */
  words: Map<string, [number, number]>;
  /** Whitespace-separated word → its char 2–5-gram buckets. */
  chars: Map<string, Int32Array>;
}
const MEMO_LIMIT = 200_000;

function charBuckets(w: string, mask: number): Int32Array {
  const padded = ` ${w} `;
  const n = padded.length;
  const out: number[] = [];
  for (let i = 0; i + 2 <= n; i++) {
    let h = (FNV ^ SEED_CHAR) >>> 0;
    for (let k = 0; k < 5 && i + k < n; k++) {
      h = Math.imul(h ^ padded.charCodeAt(i + k), PRIME);
      if (k >= 1) out.push((h >>> 0) & mask);
    }
  }
  return Int32Array.from(out);
}

/**
 * Hashed buckets of one text, word block and char block apart (with repeats: counts matter).
 * Word block: unigrams, accent-folded unigrams where they differ, bigrams. Char block: 2–5-grams
 * of every whitespace-separated word padded with a space on each side (scikit-learn's char_wb).
 */
function buckets(text: string, memo: Memo, words: number[], chars: number[]): void {
  const mask = memo.mask;
  words.length = 0;
  chars.length = 0;
  if (memo.words.size > MEMO_LIMIT) memo.words.clear();
  if (memo.chars.size > MEMO_LIMIT) memo.chars.clear();
  const norm = normalizeText(text);
  const tokens = tokenizeNormalized(norm);
  let prev = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    let m = memo.words.get(token);
    if (!m) {
      const folded = foldVi(token);
      m = [hashString(token, SEED_WORD), folded !== token ? hashString(folded, SEED_FOLD) & mask : -1];
      memo.words.set(token, m);
    }
    const h = m[0];
    words.push(h & mask);
    if (m[1] >= 0) words.push(m[1]);
    if (t > 0) words.push(mix(prev, h) & mask);
    prev = h;
  }
  for (const w of norm.split(SPACE)) {
    if (!w) continue;
    let c = memo.chars.get(w);
    if (!c) memo.chars.set(w, (c = charBuckets(w, mask)));
    for (let k = 0; k < c.length; k++) chars.push(c[k]);
  }
}

/** (bucket, 1 + log count) pairs of a list of buckets, sorted by bucket. */
function sublinear(list: number[], outIdx: number[], outVal: number[]): void {
  const arr = Int32Array.from(list).sort();
  for (let r = 0; r < arr.length; ) {
    let e = r + 1;
    while (e < arr.length && arr[e] === arr[r]) e++;
    outIdx.push(arr[r]);
    outVal.push(1 + Math.log(e - r));
    r = e;
  }
}

export interface RawRows {
  rowPtr: Int32Array;
  indices: Int32Array;
  values: Float32Array /** where the char block starts in every row */;
  split: Int32Array;
}

export function hashRows(texts: (string | null)[], bits: number): RawRows {
  const memo: Memo = { mask: (1 << bits) - 1, words: new Map(), chars: new Map() };
  const words: number[] = [],
    chars: number[] = [];
  const idx: number[] = [],
    val: number[] = [];
  const rowPtr = new Int32Array(texts.length + 1),
    split = new Int32Array(texts.length);
  // Grow typed buffers by doubling: 100k texts × a few hundred features do not fit a plain array well.
  let indices = new Int32Array(1 << 16),
    values = new Float32Array(1 << 16),
    nnz = 0;
  for (let i = 0; i < texts.length; i++) {
    buckets(texts[i] ?? '', memo, words, chars);
    idx.length = 0;
    val.length = 0;
    sublinear(words, idx, val);
    const wordCount = idx.length;
    sublinear(chars, idx, val);
    if (nnz + idx.length > indices.length) {
      let size = indices.length * 2;
      while (size < nnz + idx.length) size *= 2;
      const ni = new Int32Array(size);
      ni.set(indices.subarray(0, nnz));
      indices = ni;
      const nv = new Float32Array(size);
      nv.set(values.subarray(0, nnz));
      values = nv;
    }
    for (let k = 0; k < idx.length; k++) {
      indices[nnz + k] = idx[k];
      values[nnz + k] = val[k];
    }
    split[i] = nnz + wordCount;
    nnz += idx.length;
    rowPtr[i + 1] = nnz;
  }
  return { rowPtr, indices: indices.subarray(0, nnz), values: values.subarray(0, nnz), split };
}

/** Maps hashed rows to feature indices with idf weights, each block L2-normalised, extras appended. */
export function toFeatures(raw: RawRows, rows: ArrayLike<number>, model: FeatureSpace, extras: Float64Array | null): Csr {
  const n = rows.length;
  let total = 0;
  for (let r = 0; r < n; r++) total += raw.rowPtr[rows[r] + 1] - raw.rowPtr[rows[r]] + model.extraCount;
  const rowPtr = new Int32Array(n + 1),
    indices = new Int32Array(total),
    values = new Float32Array(total);
  const first = model.dim - model.extraCount;
  let nnz = 0;
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    for (const [from, to, weight] of [
      [raw.rowPtr[i], raw.split[i], 1],
      [raw.split[i], raw.rowPtr[i + 1], model.charWeight],
    ] as const) {
      const start = nnz;
      let sq = 0;
      for (let k = from; k < to; k++) {
        const f = model.index[raw.indices[k]];
        if (f < 0) continue;
        const v = raw.values[k] * model.idf[f];
        indices[nnz] = f;
        values[nnz] = v;
        sq += v * v;
        nnz++;
      }
      if (sq > 0) {
        const s = weight / Math.sqrt(sq);
        for (let k = start; k < nnz; k++) values[k] *= s;
      }
    }
    for (let e = 0; e < model.extraCount; e++) {
      const v = extras ? extras[i * model.extraCount + e] : 0;
      if (v !== 0) {
        indices[nnz] = first + e;
        values[nnz] = v;
        nnz++;
      }
    }
    rowPtr[r + 1] = nnz;
  }
  return { rowPtr, indices: indices.subarray(0, nnz), values: values.subarray(0, nnz) };
}

/** The vocabulary of training rows: buckets by document frequency (top `maxFeatures`), smooth idf. */
export function vocabulary(
  raw: RawRows,
  rows: ArrayLike<number>,
  bits: number,
  maxFeatures: number,
): { index: Int32Array; idf: Float32Array } {
  const B = 1 << bits;
  const df = new Int32Array(B);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    // A bucket may occur in both blocks of a row (hash collision); count the row once per block, as it is rare.
    for (let k = raw.rowPtr[i]; k < raw.rowPtr[i + 1]; k++) df[raw.indices[k]]++;
  }
  let used = 0;
  for (let b = 0; b < B; b++) if (df[b] > 0) used++;
  let minDf = 1;
  if (used > maxFeatures) {
    // Smallest df threshold that keeps at most maxFeatures buckets (ties dropped together: deterministic).
    const hist = new Int32Array(rows.length + 2);
    for (let b = 0; b < B; b++) if (df[b] > 0) hist[Math.min(df[b], rows.length + 1)]++;
    let kept = used;
    while (minDf <= rows.length && kept > maxFeatures) {
      kept -= hist[minDf];
      minDf++;
    }
  }
  const kept: number[] = [];
  for (let b = 0; b < B; b++) if (df[b] >= minDf) kept.push(b);
  // Frequent features first: their weights then sit together in memory, which the training loop
  // touches most (several times faster on large vocabularies than hash order).
  kept.sort((a, b) => df[b] - df[a] || a - b);
  const index = new Int32Array(B).fill(-1);
  const idf = new Float32Array(kept.length);
  const n = rows.length;
  kept.forEach((b, f) => {
    index[b] = f;
    idf[f] = Math.log((1 + n) / (1 + df[b])) + 1;
  });
  return { index, idf };
}
