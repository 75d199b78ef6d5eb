/**
 * A linear text classifier: multinomial logistic regression with an L2 penalty and class-balanced
 * weights, trained by L-BFGS, on hashed TF-IDF features — word 1–2-grams and character 2–5-grams
 * taken inside word boundaries (as scikit-learn's `char_wb`), sublinear tf (1 + log count), smooth
 * idf, each block L2-normalised — plus optional extra dense features per text (the lexicon score).
 * Rows are CSR sparse (Int32Array indices, Float32Array values); only the hashed buckets seen in
 * the training rows get a weight, so memory follows the training vocabulary (capped).
 * Deterministic: no random choice in training; the cross-validation folds take a seed.
 */
import { NodeError } from '../contract/errors';
import { evaluate, stratifiedFolds, type Evaluation, type LearnResult } from './classifier';
import { type Csr, type FeatureSpace, hashRows, type RawRows, toFeatures, vocabulary } from './linear-features';

export interface LinearOptions {
  /** log2 of the number of hash buckets (default 21). */
  bits?: number;
  /** Inverse L2 strength, as scikit-learn's C (default 1: the loss is summed over rows, ½‖w‖² added). */
  C?: number;
  /** L-BFGS iterations at most (default 80; it usually stops earlier, when the loss no longer moves). */
  maxIter?: number;
  /**
   * `lbfgs` minimises the full objective (as scikit-learn's default solver); `adagrad` makes a few
   * passes of per-row updates, many times cheaper on large sets. `auto` (default): L-BFGS while the
   * training rows hold at most `lbfgsLimit` features in all, else Adagrad.
   */
  solver?: 'auto' | 'lbfgs' | 'adagrad' | 'hybrid';
  /** Total features (non-zeros) of the training rows up to which `auto` picks L-BFGS (default 20,000,000, some 50,000 comments). */
  lbfgsLimit?: number;
  /** Adagrad passes over the rows (default 6). */
  epochs?: number;
  /** Adagrad step size (default 0.5). */
  rate?: number;
  /** Seed of the Adagrad row order (default 42). */
  seed?: number;
  /** Most weighted features kept, by document frequency (default 500,000). */
  maxFeatures?: number;
  /** Weight of the character block relative to the word block (each is L2-normalised first; default 1). */
  charWeight?: number;
  /**
   * Extra dense features of a text (e.g. the lexicon score split into its positive and negative
   * part), appended to the sparse row after normalisation. Must return the same length every time.
   */
  extra?: (text: string) => number[];
  /** A model of the same hashing whose weights start the L-BFGS fit (e.g. a cross-validation fold's). */
  init?: LinearModel;
  /** Called after every L-BFGS iteration with the fraction done; awaited (a place to notice cancel). */
  onProgress?: (fraction: number) => Promise<void> | void;
}

export interface LinearModel {
  kind: 'linear-text';
  bits: number;
  /** Class names, sorted. */
  labels: string[];
  /** Hash bucket → feature index, or −1 for buckets unseen in training. */
  index: Int32Array;
  idf: Float32Array;
  /** Sparse features + extra dense ones. */
  dim: number;
  extraCount: number;
  charWeight: number;
  /** Feature-major weights: weights[f * C + c]. */
  weights: Float64Array;
  bias: Float64Array;
  extra?: (text: string) => number[];
  /** L-BFGS iterations used. */
  iterations: number;
}

// ---------- training ----------

/**
 * The class scores of row i, exponentiated after subtracting their maximum (so nothing overflows),
 * into z; returns their sum: z[c] / sum is the probability of class c. Shared by the full-batch
 * loss (L-BFGS) and the stochastic passes (Adagrad), so both see the same numbers.
 */
function softmaxRow(X: Csr, theta: Float64Array, K: number, biasAt: number, i: number, z: Float64Array): number {
  for (let c = 0; c < K; c++) z[c] = theta[biasAt + c];
  for (let k = X.rowPtr[i], b = X.rowPtr[i + 1]; k < b; k++) {
    const base = X.indices[k] * K,
      v = X.values[k];
    for (let c = 0; c < K; c++) z[c] += v * theta[base + c];
  }
  let max = -Infinity;
  for (let c = 0; c < K; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < K; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  return sum;
}

/** Loss (class-weighted cross-entropy summed over rows + ½‖W‖²/C) and its gradient. Biases are not penalised. */
function lossAndGradient(
  X: Csr,
  y: Int32Array,
  sw: Float64Array,
  C: number,
  K: number,
  dim: number,
  theta: Float64Array,
  grad: Float64Array,
  z: Float64Array,
): number {
  grad.fill(0);
  const biasAt = dim * K;
  const loss =
    K === 2
      ? dataLoss2(X, y, sw, biasAt, theta, grad)
      : K === 3
        ? dataLoss3(X, y, sw, biasAt, theta, grad)
        : dataLossK(X, y, sw, K, biasAt, theta, grad, z);
  const lambda = 1 / C;
  let reg = 0;
  for (let j = 0; j < biasAt; j++) {
    const t = theta[j];
    reg += t * t;
    grad[j] += lambda * t;
  }
  return loss + 0.5 * lambda * reg;
}

/**
 * The data part of the loss, adding its gradient into grad, for any number of classes. The
 * 2- and 3-class versions below do the same with the class scores in locals (about twice as
 * fast: the row loops are what training spends its time on).
 */
function dataLossK(
  X: Csr,
  y: Int32Array,
  sw: Float64Array,
  K: number,
  biasAt: number,
  theta: Float64Array,
  grad: Float64Array,
  z: Float64Array,
): number {
  const { rowPtr, indices, values } = X;
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    const sum = softmaxRow(X, theta, K, biasAt, i, z);
    const w = sw[i],
      yi = y[i];
    loss += w * (Math.log(sum) - Math.log(z[yi]));
    for (let c = 0; c < K; c++) z[c] = w * (z[c] / sum - (c === yi ? 1 : 0));
    for (let c = 0; c < K; c++) grad[biasAt + c] += z[c];
    for (let k = rowPtr[i], b = rowPtr[i + 1]; k < b; k++) {
      const base = indices[k] * K,
        v = values[k];
      for (let c = 0; c < K; c++) grad[base + c] += v * z[c];
    }
  }
  return loss;
}

function dataLoss2(X: Csr, y: Int32Array, sw: Float64Array, biasAt: number, theta: Float64Array, grad: Float64Array): number {
  const { rowPtr, indices, values } = X;
  const b0 = theta[biasAt],
    b1 = theta[biasAt + 1];
  let loss = 0,
    g0 = 0,
    g1 = 0;
  for (let i = 0; i < y.length; i++) {
    let z0 = b0,
      z1 = b1;
    const a = rowPtr[i],
      b = rowPtr[i + 1];
    for (let k = a; k < b; k++) {
      const at = indices[k] * 2,
        v = values[k];
      z0 += v * theta[at];
      z1 += v * theta[at + 1];
    }
    const max = z0 > z1 ? z0 : z1;
    z0 = Math.exp(z0 - max);
    z1 = Math.exp(z1 - max);
    const sum = z0 + z1,
      w = sw[i],
      yi = y[i];
    loss += w * (Math.log(sum) - Math.log(yi === 0 ? z0 : z1));
    const s = w / sum;
    z0 = s * z0 - (yi === 0 ? w : 0);
    z1 = s * z1 - (yi === 1 ? w : 0);
    g0 += z0;
    g1 += z1;
    for (let k = a; k < b; k++) {
      const at = indices[k] * 2,
        v = values[k];
      grad[at] += v * z0;
      grad[at + 1] += v * z1;
    }
  }
  grad[biasAt] += g0;
  grad[biasAt + 1] += g1;
  return loss;
}

function dataLoss3(X: Csr, y: Int32Array, sw: Float64Array, biasAt: number, theta: Float64Array, grad: Float64Array): number {
  const { rowPtr, indices, values } = X;
  const b0 = theta[biasAt],
    b1 = theta[biasAt + 1],
    b2 = theta[biasAt + 2];
  let loss = 0,
    g0 = 0,
    g1 = 0,
    g2 = 0;
  for (let i = 0; i < y.length; i++) {
    let z0 = b0,
      z1 = b1,
      z2 = b2;
    const a = rowPtr[i],
      b = rowPtr[i + 1];
    for (let k = a; k < b; k++) {
      const at = indices[k] * 3,
        v = values[k];
      z0 += v * theta[at];
      z1 += v * theta[at + 1];
      z2 += v * theta[at + 2];
    }
    const max = z0 > z1 ? (z0 > z2 ? z0 : z2) : z1 > z2 ? z1 : z2;
    z0 = Math.exp(z0 - max);
    z1 = Math.exp(z1 - max);
    z2 = Math.exp(z2 - max);
    const sum = z0 + z1 + z2,
      w = sw[i],
      yi = y[i];
    loss += w * (Math.log(sum) - Math.log(yi === 0 ? z0 : yi === 1 ? z1 : z2));
    const s = w / sum;
    z0 = s * z0 - (yi === 0 ? w : 0);
    z1 = s * z1 - (yi === 1 ? w : 0);
    z2 = s * z2 - (yi === 2 ? w : 0);
    g0 += z0;
    g1 += z1;
    g2 += z2;
    for (let k = a; k < b; k++) {
      const at = indices[k] * 3,
        v = values[k];
      grad[at] += v * z0;
      grad[at + 1] += v * z1;
      grad[at + 2] += v * z2;
    }
  }
  grad[biasAt] += g0;
  grad[biasAt + 1] += g1;
  grad[biasAt + 2] += g2;
  return loss;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Minimises the loss with L-BFGS (history 6, backtracking Armijo line search). */
async function lbfgs(
  X: Csr,
  y: Int32Array,
  sw: Float64Array,
  K: number,
  dim: number,
  C: number,
  maxIter: number,
  onProgress?: (f: number) => Promise<void> | void,
  start?: Float64Array<ArrayBuffer>,
): Promise<{ theta: Float64Array; iterations: number }> {
  const P = dim * K + K;
  const M = 6;
  let theta = start ?? new Float64Array(P),
    grad = new Float64Array(P);
  let next = new Float64Array(P),
    nextGrad = new Float64Array(P);
  const z = new Float64Array(K),
    dir = new Float64Array(P);
  const S = Array.from({ length: M }, () => new Float32Array(P)),
    Y = Array.from({ length: M }, () => new Float32Array(P));
  const rho = new Float64Array(M),
    alpha = new Float64Array(M);
  let stored = 0,
    head = 0;
  let f = lossAndGradient(X, y, sw, C, K, dim, theta, grad, z);
  const f0 = Math.max(Math.abs(f), 1);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    // Two-loop recursion: dir = −H·grad.
    for (let j = 0; j < P; j++) dir[j] = -grad[j];
    for (let k = 0; k < stored; k++) {
      const m = (head - 1 - k + M) % M;
      alpha[m] = rho[m] * dot(S[m], dir);
      const Ym = Y[m],
        a = alpha[m];
      for (let j = 0; j < P; j++) dir[j] -= a * Ym[j];
    }
    if (stored > 0) {
      const m = (head - 1 + M) % M;
      const gamma = dot(S[m], Y[m]) / dot(Y[m], Y[m]);
      for (let j = 0; j < P; j++) dir[j] *= gamma;
    }
    for (let k = stored - 1; k >= 0; k--) {
      const m = (head - 1 - k + M) % M;
      const beta = rho[m] * dot(Y[m], dir);
      const Sm = S[m],
        d = alpha[m] - beta;
      for (let j = 0; j < P; j++) dir[j] += d * Sm[j];
    }
    let slope = dot(grad, dir);
    if (!(slope < 0)) {
      // not a descent direction: restart from steepest descent
      for (let j = 0; j < P; j++) dir[j] = -grad[j];
      slope = dot(grad, dir);
      stored = 0;
    }
    let step = stored === 0 && iter === 0 ? 1 / Math.sqrt(dot(grad, grad)) : 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < P; j++) next[j] = theta[j] + step * dir[j];
      fNext = lossAndGradient(X, y, sw, C, K, dim, next, nextGrad, z);
      if (fNext <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNext < f)) break;
    const Sm = S[head],
      Ym = Y[head];
    for (let j = 0; j < P; j++) {
      Sm[j] = next[j] - theta[j];
      Ym[j] = nextGrad[j] - grad[j];
    }
    const sy = dot(Sm, Ym);
    if (sy > 1e-12) {
      rho[head] = 1 / sy;
      head = (head + 1) % M;
      stored = Math.min(stored + 1, M);
    }
    [theta, next] = [next, theta];
    [grad, nextGrad] = [nextGrad, grad];
    const change = (f - fNext) / f0;
    f = fNext;
    if (onProgress) await onProgress((iter + 1) / maxIter);
    if (change < 1e-7) {
      iter++;
      break;
    }
  }
  return { theta, iterations: iter };
}

/** Weights and Adagrad accumulators, kept between passes (a check on part of the rows, then all rows). */
export interface AdagradState {
  theta: Float64Array<ArrayBuffer>;
  /** Sum of squared gradients per feature (shared by its classes: one square root per non-zero) and per bias. */
  acc: Float64Array;
  /** Passes made so far. */
  epochs: number;
}

/**
 * Adagrad on the same objective, one row at a time in a seeded order, over `rows` of X (all rows
 * when omitted); continues from `state` when given. The L2 term is applied to the weights a row
 * touches, scaled by the share of rows (a lazy approximation of the full penalty).
 */
async function adagrad(
  X: Csr,
  y: Int32Array,
  sw: Float64Array,
  K: number,
  dim: number,
  C: number,
  epochs: number,
  rate: number,
  seed: number,
  onProgress?: (f: number) => Promise<void> | void,
  rows?: Int32Array,
  state?: AdagradState,
): Promise<AdagradState> {
  const P = dim * K + K,
    biasAt = dim * K;
  const order = rows ? Int32Array.from(rows) : Int32Array.from({ length: y.length }, (_, i) => i);
  const n = order.length;
  const st = state ?? { theta: new Float64Array(P), acc: new Float64Array(dim + K).fill(1e-8), epochs: 0 };
  const { theta, acc } = st;
  const { rowPtr, indices, values } = X;
  const z = new Float64Array(K);
  const lambda = 1 / (C * n),
    invK = 1 / K;
  let rnd = (seed ^ 0x9e3779b9 ^ Math.imul(st.epochs, 0x85ebca6b)) >>> 0;
  const next = () => {
    rnd = (Math.imul(rnd ^ (rnd >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return rnd / 4294967296;
  };
  const step = Math.max(1, Math.floor(n / 20));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let r = 0; r < n; r++) {
      const i = order[r];
      const sum = softmaxRow(X, theta, K, biasAt, i, z);
      const a = rowPtr[i],
        b = rowPtr[i + 1];
      const w = sw[i],
        yi = y[i];
      for (let c = 0; c < K; c++) z[c] = w * (z[c] / sum - (c === yi ? 1 : 0));
      for (let c = 0; c < K; c++) {
        const g = z[c],
          at = dim + c;
        acc[at] += g * g;
        theta[biasAt + c] -= (rate * g) / Math.sqrt(acc[at]);
      }
      for (let k = a; k < b; k++) {
        const f = indices[k],
          base = f * K,
          v = values[k];
        let sq = 0;
        for (let c = 0; c < K; c++) {
          const g = v * z[c] + lambda * theta[base + c];
          sq += g * g;
        }
        acc[f] += sq * invK;
        const scale = rate / Math.sqrt(acc[f]);
        for (let c = 0; c < K; c++) theta[base + c] -= scale * (v * z[c] + lambda * theta[base + c]);
      }
      if (onProgress && r % step === step - 1) await onProgress((epoch + (r + 1) / n) / epochs);
    }
    st.epochs++;
  }
  return st;
}

/**
 * A model's weights carried over to a new feature space (same hashing, another vocabulary), as
 * the starting point of another fit: a feature known to both keeps its weights, a new one starts
 * at 0. Undefined when the classes differ.
 */
function warmStart(init: LinearModel, to: FeatureSpace, classes: string[]): Float64Array<ArrayBuffer> | undefined {
  const K = classes.length;
  if (init.labels.length !== K || init.labels.some((l, i) => l !== classes[i]) || init.extraCount !== to.extraCount) return undefined;
  const theta = new Float64Array(to.dim * K + K);
  for (let b = 0; b < to.index.length; b++) {
    const f = to.index[b],
      g = init.index[b];
    if (f < 0 || g < 0) continue;
    for (let c = 0; c < K; c++) theta[f * K + c] = init.weights[g * K + c];
  }
  const first = to.dim - to.extraCount,
    firstInit = init.dim - init.extraCount;
  for (let e = 0; e < to.extraCount; e++) for (let c = 0; c < K; c++) theta[(first + e) * K + c] = init.weights[(firstInit + e) * K + c];
  theta.set(init.bias, to.dim * K);
  return theta;
}

export interface Prepared {
  raw: RawRows;
  extras: Float64Array | null;
  extraCount: number;
}

/** Hashes every text once (and computes its extra features), for training and prediction. */
export function prepare(texts: (string | null)[], opts: LinearOptions = {}): Prepared {
  const raw = hashRows(texts, opts.bits ?? 21);
  let extras: Float64Array | null = null,
    extraCount = 0;
  if (opts.extra) {
    extraCount = opts.extra('').length;
    extras = new Float64Array(texts.length * extraCount);
    for (let i = 0; i < texts.length; i++) {
      const e = opts.extra(texts[i] ?? '');
      for (let k = 0; k < extraCount; k++) extras[i * extraCount + k] = e[k] ?? 0;
    }
  }
  return { raw, extras, extraCount };
}

/** Trains on the prepared rows `rows` (indices into the prepared texts) with labels `labels` (same order). */
export async function trainPrepared(
  prep: Prepared,
  rows: ArrayLike<number>,
  labels: string[],
  opts: LinearOptions = {},
): Promise<LinearModel> {
  const bits = opts.bits ?? 21;
  const classes = [...new Set(labels)].sort();
  if (classes.length === 0) throw new Error('trainLinear: no training texts');
  const K = classes.length;
  const { index, idf } = vocabulary(prep.raw, rows, bits, opts.maxFeatures ?? 500_000);
  const dim = idf.length + prep.extraCount;
  const shape = { index, idf, dim, extraCount: prep.extraCount, charWeight: opts.charWeight ?? 1 };
  const X = toFeatures(prep.raw, rows, shape, prep.extras);
  const pos = new Map(classes.map((c, i) => [c, i]));
  const y = Int32Array.from(labels, (l) => pos.get(l)!);
  // Balanced class weights: n / (K · n_c), as scikit-learn's class_weight="balanced".
  const counts = new Float64Array(K);
  for (const c of y) counts[c]++;
  const sw = Float64Array.from(y, (c) => y.length / (K * counts[c]));
  let theta: Float64Array,
    iterations = 0;
  const start = opts.init ? warmStart(opts.init, shape, classes) : undefined;
  if (K === 1) theta = new Float64Array(dim + 1);
  else {
    const solver = opts.solver ?? 'auto';
    const C = opts.C ?? 1,
      maxIter = opts.maxIter ?? 80;
    if (solver === 'lbfgs' || (solver === 'auto' && X.indices.length <= (opts.lbfgsLimit ?? 20_000_000)))
      ({ theta, iterations } = await lbfgs(X, y, sw, K, dim, C, maxIter, opts.onProgress, start));
    else if (solver === 'adagrad')
      ({ theta, iterations } = await adagrad(
        X,
        y,
        sw,
        K,
        dim,
        C,
        opts.epochs ?? 6,
        opts.rate ?? 0.5,
        opts.seed ?? 42,
        opts.onProgress,
      ).then((st) => ({ theta: st.theta, iterations: st.epochs })));
    else {
      // Adagrad passes find the neighbourhood cheaply; L-BFGS iterations from there reach the optimum.
      const E = opts.epochs ?? 2,
        share = E / (E + maxIter);
      const report = opts.onProgress;
      const st =
        start === undefined
          ? await adagrad(X, y, sw, K, dim, C, E, opts.rate ?? 0.5, opts.seed ?? 42, report && ((f) => report(share * f)))
          : undefined;
      ({ theta, iterations } = await lbfgs(
        X,
        y,
        sw,
        K,
        dim,
        C,
        maxIter,
        report && ((f) => report(share + (1 - share) * f)),
        start ?? st!.theta,
      ));
    }
  }
  return {
    kind: 'linear-text',
    bits,
    labels: classes,
    ...shape,
    weights: theta.subarray(0, dim * K),
    bias: theta.slice(dim * K, dim * K + K),
    extra: opts.extra,
    iterations,
  };
}

/** Class probabilities (model.labels order) of prepared rows, row-major into `into` (rows × classes). */
export function predictPrepared(model: LinearModel, prep: Prepared, rows: ArrayLike<number>, into: Float64Array): Float64Array {
  const X = toFeatures(prep.raw, rows, model, prep.extras);
  const K = model.labels.length;
  for (let r = 0; r < rows.length; r++) {
    const out = into.subarray(r * K, r * K + K);
    for (let c = 0; c < K; c++) out[c] = model.bias[c];
    for (let k = X.rowPtr[r]; k < X.rowPtr[r + 1]; k++) {
      const base = X.indices[k] * K,
        v = X.values[k];
      for (let c = 0; c < K; c++) out[c] += v * model.weights[base + c];
    }
    let max = -Infinity,
      sum = 0;
    for (let c = 0; c < K; c++) if (out[c] > max) max = out[c];
    for (let c = 0; c < K; c++) {
      out[c] = Math.exp(out[c] - max);
      sum += out[c];
    }
    for (let c = 0; c < K; c++) out[c] /= sum;
  }
  return into;
}

/** Trains a linear model on texts and their labels (same length). */
export async function trainLinear(
  texts: string[],
  labels: string[],
  opts: LinearOptions = {},
): Promise<{ model: LinearModel; prepared: Prepared }> {
  if (texts.length !== labels.length) throw new Error('trainLinear: texts and labels differ in length');
  const prepared = prepare(texts, opts);
  const rows = Int32Array.from(texts.keys());
  return { model: await trainPrepared(prepared, rows, labels, opts), prepared };
}

/** Class probabilities of new texts. */
export function predictLinear(model: LinearModel, texts: string[]): Float64Array {
  const prep = prepare(texts, { bits: model.bits, extra: model.extra });
  return predictPrepared(model, prep, Int32Array.from(texts.keys()), new Float64Array(texts.length * model.labels.length));
}

/** Labelled rows above which the accuracy check holds out one fold of five instead of fitting k folds. */
const HOLDOUT_FROM = 20_000;
/** L-BFGS iterations of the final fit when it starts from a check model's weights (80 from zero). */
const WARM_ITER = 45;

const hasLabel = (l: string | null | undefined): l is string => typeof l === 'string' && l.trim() !== '';

function argmax(p: Float64Array, at: number, K: number): number {
  let best = 0;
  for (let c = 1; c < K; c++) if (p[at + c] > p[at + best]) best = c;
  return best;
}

export interface LinearLearnOptions extends LinearOptions {
  /**
   * Cross-validation folds on the labelled rows (default: 5 up to 3,000 labelled rows, 3 up to
   * 20,000, above that one fold of five held out; 0 skips the check).
   */
  folds?: number;
  /** Start the final fit from the last check model's weights (default true). */
  warm?: boolean;
  /** L-BFGS iterations of each fold's model (default 20: the check need not converge fully, so it errs low). */
  foldIter?: number;
}

/**
 * Same contract as `learnFromLabels` (classifier.ts) with the linear model: rows with a non-empty
 * label teach it, the others get a predicted label; accuracy and macro-F1 are cross-validated
 * (stratified, seeded) on the labelled rows. Progress covers the folds and the final model.
 */
export async function learnFromLabelsLinear(
  texts: (string | null)[],
  labels: (string | null)[],
  seed = 42,
  opts: LinearLearnOptions = {},
): Promise<LearnResult & { evaluation?: Evaluation }> {
  const trainIdx: number[] = [];
  for (let i = 0; i < labels.length; i++) if (hasLabel(labels[i])) trainIdx.push(i);
  if (trainIdx.length === 0) {
    throw new NodeError({
      en: 'No row has a label, so there is nothing to learn from. Fill the label column for some rows (a few dozen per class).',
      vi: 'Không có dòng nào có nhãn nên không thể học. Hãy điền cột nhãn cho một số dòng (vài chục dòng cho mỗi loại).',
    });
  }
  const trainLabels = trainIdx.map((i) => labels[i]!.trim());
  const classes = [...new Set(trainLabels)].sort();
  const K = classes.length;
  const report = opts.onProgress;
  await report?.(0);
  const prep = prepare(texts, opts);
  const rows = Int32Array.from(trainIdx);
  const n = trainIdx.length;
  // Above HOLDOUT_FROM labelled rows one fold of five is held out and checked, instead of k fits.
  const holdout = opts.folds === undefined && n > HOLDOUT_FROM;
  const folds = opts.folds ?? (holdout ? 5 : n <= 3_000 ? 5 : 3);
  const k = Math.min(folds, n);
  const fits = holdout ? 1 : k;
  const foldIter = opts.foldIter ?? 20;
  const useFolds = K >= 2 && k >= 2;
  // The final fit starts from the last check model's weights, so it needs fewer iterations.
  const finalIter = opts.maxIter ?? (useFolds && opts.warm !== false ? WARM_ITER : 80);
  // Share of the work: each check model ~ foldIter iterations on (k−1)/k of the rows.
  const foldWork = useFolds ? (fits * foldIter * (k - 1)) / k : 0,
    total = foldWork + finalIter;
  let accuracy = NaN,
    macroF1 = NaN,
    evaluation: Evaluation | undefined,
    last: LinearModel | undefined;
  if (useFolds) {
    const fold = stratifiedFolds(trainLabels, k, seed);
    const predicted = new Array<string>(n);
    const truth: string[] = [],
      guess: string[] = [];
    for (let f = 0; f < fits; f++) {
      const inRows: number[] = [],
        inLabels: string[] = [],
        outAt: number[] = [];
      for (let r = 0; r < n; r++) {
        if (fold[r] !== f) {
          inRows.push(trainIdx[r]);
          inLabels.push(trainLabels[r]);
        } else outAt.push(r);
      }
      const done = (f * foldIter * (k - 1)) / k;
      const model = await trainPrepared(prep, inRows, inLabels, {
        ...opts,
        maxIter: foldIter,
        onProgress: report && ((x) => report((done + (x * foldIter * (k - 1)) / k) / total)),
      });
      last = model;
      const Km = model.labels.length;
      const p = predictPrepared(
        model,
        prep,
        outAt.map((r) => trainIdx[r]),
        new Float64Array(outAt.length * Km),
      );
      outAt.forEach((r, j) => {
        predicted[r] = model.labels[argmax(p, j * Km, Km)];
        truth.push(trainLabels[r]);
        guess.push(predicted[r]);
      });
    }
    evaluation = evaluate(truth, guess);
    ({ accuracy, macroF1 } = evaluation);
  }
  const model = await trainPrepared(prep, rows, trainLabels, {
    ...opts,
    init: opts.warm === false ? undefined : last,
    maxIter: finalIter,
    onProgress: report && ((x) => report((foldWork + x * finalIter) / total)),
  });
  const predicted = new Array<string>(texts.length);
  const probabilities = new Float64Array(texts.length * K);
  const labelled = new Uint8Array(texts.length);
  trainIdx.forEach((i, j) => {
    labelled[i] = 1;
    predicted[i] = trainLabels[j];
    probabilities[i * K + classes.indexOf(trainLabels[j])] = 1;
  });
  const rest: number[] = [];
  for (let i = 0; i < texts.length; i++) if (!labelled[i]) rest.push(i);
  const p = predictPrepared(model, prep, rest, new Float64Array(rest.length * K));
  rest.forEach((i, j) => {
    probabilities.set(p.subarray(j * K, j * K + K), i * K);
    predicted[i] = classes[argmax(p, j * K, K)];
  });
  return { predicted, accuracy, macroF1, trained: trainIdx.length, classes, probabilities, evaluation };
}
