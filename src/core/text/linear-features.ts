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

/** JavaScript's `\s` (what `split(/\s+/u)` splits on), by char code. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Accent folding by char code (what `foldVi` does to one precomposed letter): the folded code,
 * or −1 when the letter needs the string path (it folds to several letters, or is a mark).
 * Filled lazily for codes below FOLD_TABLE; codes above it take the string path.
 */
const FOLD_TABLE = 0x2000;
const UNSET = -2;
const MARK = /\p{M}/u;
const foldCode = new Int32Array(FOLD_TABLE).fill(UNSET);
function foldOf(c: number): number {
  let f = foldCode[c];
  if (f === UNSET) {
    const s = String.fromCharCode(c);
    const folded = MARK.test(s) ? '' : foldVi(s);
    f = folded.length === 1 ? folded.charCodeAt(0) : -1;
    foldCode[c] = f;
  }
  return f;
}

/**
 * The word hash of a token, and the bucket of its accent-folded form when that differs (else −1):
 * FNV-1a of the token and of its folded letters, in one pass over its char codes.
 */
function wordHashes(token: string, mask: number, out: Int32Array): void {
  let h = (FNV ^ SEED_WORD) >>> 0,
    g = (FNV ^ SEED_FOLD) >>> 0,
    changed = false,
    simple = true;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    h = Math.imul(h ^ c, PRIME);
    if (c < 128) g = Math.imul(g ^ c, PRIME);
    else if (simple) {
      const f = c < FOLD_TABLE ? foldOf(c) : -1;
      if (f < 0) simple = false;
      else {
        if (f !== c) changed = true;
        g = Math.imul(g ^ f, PRIME);
      }
    }
  }
  out[0] = h >>> 0;
  if (simple) out[1] = changed ? (g >>> 0) & mask : -1;
  else {
    const folded = foldVi(token);
    out[1] = folded !== token ? hashString(folded, SEED_FOLD) & mask : -1;
  }
}

export interface RawRows {
  rowPtr: Int32Array;
  indices: Int32Array;
  /** 1 + log count of each bucket in its block. */
  values: Float32Array;
  /** Where the char block starts in every row. */
  split: Int32Array;
}

/**
 * Builds CSR rows from streams of buckets: each block's buckets are merged (bucket once, with
 * 1 + log of its count) through a small open-addressing table sized to the block and stamped per
 * block, so it is never cleared and stays in cache (a table over all 2^bits buckets would miss on
 * almost every look-up; sorting each block cost more than hashing it).
 */
/** 1 + log c for small counts c (Float32, as stored). */
const LOG_TABLE = Float32Array.from({ length: 256 }, (_, c) => (c ? 1 + Math.log(c) : 0));

class RowBuilder {
  indices = new Int32Array(1 << 16);
  values = new Float32Array(1 << 16);
  nnz = 0;
  /** The current block's buckets, with repeats. */
  buf = new Int32Array(1 << 12);
  len = 0;
  private keys = new Int32Array(1 << 10);
  private pos = new Int32Array(1 << 10);
  private stamps = new Int32Array(1 << 10);
  private shift = 22;
  private stamp = 0;

  /** Room for a block of at most `most` buckets. */
  reserve(most: number): void {
    if (most > this.buf.length) {
      let size = this.buf.length;
      while (size < most) size *= 2;
      this.buf = new Int32Array(size);
    }
    if (this.nnz + most > this.indices.length) {
      let size = this.indices.length * 2;
      while (size < this.nnz + most) size *= 2;
      const ni = new Int32Array(size);
      ni.set(this.indices.subarray(0, this.nnz));
      this.indices = ni;
      const nv = new Float32Array(size);
      nv.set(this.values.subarray(0, this.nnz));
      this.values = nv;
    }
    if (2 * most > this.keys.length) {
      let size = this.keys.length;
      while (2 * most > size) {
        size *= 2;
        this.shift--;
      }
      this.keys = new Int32Array(size);
      this.pos = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.stamp = 0;
    }
  }

  /** Appends the buffered block to the rows (merged, 1 + log count) and empties the buffer. */
  flush(): void {
    const { buf, keys, pos, stamps, indices, values, shift } = this;
    const m = keys.length - 1,
      stamp = ++this.stamp,
      from = this.nnz;
    let nnz = from;
    for (let j = 0; j < this.len; j++) {
      const b = buf[j];
      let s = Math.imul(b, -1640531535) >>> shift;
      for (;;) {
        if (stamps[s] !== stamp) {
          stamps[s] = stamp;
          keys[s] = b;
          pos[s] = nnz;
          indices[nnz] = b;
          values[nnz++] = 1;
          break;
        }
        if (keys[s] === b) {
          values[pos[s]]++;
          break;
        }
        s = (s + 1) & m;
      }
    }
    for (let k = from; k < nnz; k++) {
      const c = values[k];
      values[k] = c < LOG_TABLE.length ? LOG_TABLE[c] : 1 + Math.log(c);
    }
    this.nnz = nnz;
    this.len = 0;
  }
}

/**
 * Hashed buckets of every text, in CSR rows of typed arrays: per row the word block (unigrams,
 * accent-folded unigrams where they differ, bigrams), then the char block (2–5-grams of every
 * whitespace-separated word padded with a space on each side, as scikit-learn's char_wb), each
 * bucket once per block with 1 + log of its count. N-grams are hashed from char codes as they are
 * read (FNV-1a, one running hash per start position): no substring is built for them.
 */
export function hashRows(texts: (string | null)[], bits: number): RawRows {
  const mask = (1 << bits) - 1;
  const rowPtr = new Int32Array(texts.length + 1),
    split = new Int32Array(texts.length);
  const out = new RowBuilder();
  const hw = new Int32Array(2);
  for (let i = 0; i < texts.length; i++) {
    const norm = normalizeText(texts[i] ?? '');
    const tokens = tokenizeNormalized(norm);
    // Word block: at most 3 buckets per token.
    out.reserve(3 * tokens.length);
    let buf = out.buf,
      n = 0,
      prev = 0;
    for (let t = 0; t < tokens.length; t++) {
      wordHashes(tokens[t], mask, hw);
      const h = hw[0] >>> 0;
      buf[n++] = h & mask;
      if (hw[1] >= 0) buf[n++] = hw[1];
      if (t > 0) buf[n++] = mix(prev, h) & mask;
      prev = h;
    }
    out.len = n;
    out.flush();
    split[i] = out.nnz;
    // Char block: 2–5-grams inside each word padded with spaces (" w "); at most 4 per start,
    // len + 1 starts per word, so 6 per character is a bound.
    const L = norm.length;
    out.reserve(6 * (L + 1));
    buf = out.buf;
    n = 0;
    let w = 0;
    while (w < L) {
      while (w < L && isSpace(norm.charCodeAt(w))) w++;
      if (w >= L) break;
      let e = w;
      while (e < L && !isSpace(norm.charCodeAt(e))) e++;
      // Starts at the leading pad (w − 1) up to the last letter; the pads (w − 1 and e) read as a space.
      for (let s = w - 1; s < e; s++) {
        let h = (FNV ^ SEED_CHAR) >>> 0;
        const last = Math.min(s + 4, e);
        for (let q = s; q <= last; q++) {
          h = Math.imul(h ^ (q < w || q >= e ? 32 : norm.charCodeAt(q)), PRIME);
          if (q > s) buf[n++] = (h >>> 0) & mask;
        }
      }
      w = e;
    }
    out.len = n;
    out.flush();
    rowPtr[i + 1] = out.nnz;
  }
  const nnz = out.nnz;
  return { rowPtr, indices: out.indices.subarray(0, nnz), values: out.values.subarray(0, nnz), split };
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
