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
import { type Csr, hashRows, type RawRows, toFeatures, vocabulary } from './linear-features';

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
  solver?: 'auto' | 'lbfgs' | 'adagrad';
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

/** Loss (class-weighted cross-entropy summed over rows + ½‖W‖²/C) and its gradient. Biases are not penalised. */
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
  let loss = 0;
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const sum = softmaxRow(X, theta, K, biasAt, i, z);
    const a = X.rowPtr[i],
      b = X.rowPtr[i + 1];
    const w = sw[i],
      yi = y[i];
    loss += w * (Math.log(sum) - Math.log(z[yi]));
    for (let c = 0; c < K; c++) z[c] = w * (z[c] / sum - (c === yi ? 1 : 0));
    for (let c = 0; c < K; c++) grad[biasAt + c] += z[c];
    for (let k = a; k < b; k++) {
      const base = X.indices[k] * K,
        v = X.values[k];
      for (let c = 0; c < K; c++) grad[base + c] += v * z[c];
    }
  }
  const lambda = 1 / C;
  let reg = 0;
  for (let j = 0; j < biasAt; j++) {
    reg += theta[j] * theta[j];
    grad[j] += lambda * theta[j];
  }
  return loss + 0.5 * lambda * reg;
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
): Promise<{ theta: Float64Array; iterations: number }> {
  const P = dim * K + K;
  const M = 6;
  let theta = new Float64Array(P),
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

/**
 * Adagrad on the same objective, one row at a time in a seeded order. The L2 term is applied to
 * the weights a row touches, scaled by the share of rows (a lazy approximation of the full penalty).
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
): Promise<{ theta: Float64Array; iterations: number }> {
  const P = dim * K + K,
    biasAt = dim * K,
    n = y.length;
  const theta = new Float64Array(P),
    acc = new Float64Array(P).fill(1e-8);
  const z = new Float64Array(K);
  const lambda = 1 / (C * n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = (seed ^ 0x9e3779b9) >>> 0;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 4294967296;
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
      const a = X.rowPtr[i],
        b = X.rowPtr[i + 1];
      const w = sw[i],
        yi = y[i];
      for (let c = 0; c < K; c++) z[c] = w * (z[c] / sum - (c === yi ? 1 : 0));
      for (let c = 0; c < K; c++) {
        const g = z[c],
          at = biasAt + c;
        acc[at] += g * g;
        theta[at] -= (rate * g) / Math.sqrt(acc[at]);
      }
      for (let k = a; k < b; k++) {
        const base = X.indices[k] * K,
          v = X.values[k];
        for (let c = 0; c < K; c++) {
          const at = base + c,
            g = v * z[c] + lambda * theta[at];
          acc[at] += g * g;
          theta[at] -= (rate * g) / Math.sqrt(acc[at]);
        }
      }
      if (onProgress && r % step === step - 1) await onProgress((epoch + (r + 1) / n) / epochs);
    }
  }
  return { theta, iterations: epochs };
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
  if (K === 1) theta = new Float64Array(dim + 1);
  else {
    const solver =
      opts.solver === 'lbfgs' || opts.solver === 'adagrad'
        ? opts.solver
        : X.indices.length <= (opts.lbfgsLimit ?? 20_000_000)
          ? 'lbfgs'
          : 'adagrad';
    ({ theta, iterations } =
      solver === 'lbfgs'
        ? await lbfgs(X, y, sw, K, dim, opts.C ?? 1, opts.maxIter ?? 80, opts.onProgress)
        : await adagrad(X, y, sw, K, dim, opts.C ?? 1, opts.epochs ?? 6, opts.rate ?? 0.5, opts.seed ?? 42, opts.onProgress));
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

const hasLabel = (l: string | null | undefined): l is string => typeof l === 'string' && l.trim() !== '';

function argmax(p: Float64Array, at: number, K: number): number {
  let best = 0;
  for (let c = 1; c < K; c++) if (p[at + c] > p[at + best]) best = c;
  return best;
}

export interface LinearLearnOptions extends LinearOptions {
  /** Cross-validation folds on the labelled rows (default: 5 up to 3,000 labelled rows, else 3; 0 skips the check). */
  folds?: number;
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
  const folds = opts.folds ?? (trainIdx.length <= 3_000 ? 5 : 3);
  const k = Math.min(folds, trainIdx.length);
  const foldIter = opts.foldIter ?? 20,
    finalIter = opts.maxIter ?? 80;
  const useFolds = K >= 2 && k >= 2;
  // Share of the work: each fold's model ~ foldIter iterations on (k−1)/k of the rows.
  const foldWork = useFolds ? (k * foldIter * (k - 1)) / k : 0,
    total = foldWork + finalIter;
  let accuracy = NaN,
    macroF1 = NaN,
    evaluation: Evaluation | undefined;
  if (useFolds) {
    const fold = stratifiedFolds(trainLabels, k, seed);
    const predicted = new Array<string>(trainLabels.length);
    for (let f = 0; f < k; f++) {
      const inRows: number[] = [],
        inLabels: string[] = [],
        outAt: number[] = [];
      for (let r = 0; r < trainIdx.length; r++) {
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
      const Km = model.labels.length;
      const p = predictPrepared(
        model,
        prep,
        outAt.map((r) => trainIdx[r]),
        new Float64Array(outAt.length * Km),
      );
      outAt.forEach((r, j) => {
        predicted[r] = model.labels[argmax(p, j * Km, Km)];
      });
    }
    evaluation = evaluate(trainLabels, predicted);
    ({ accuracy, macroF1 } = evaluation);
  }
  const model = await trainPrepared(prep, rows, trainLabels, {
    ...opts,
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
