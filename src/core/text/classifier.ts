/**
 * A small text classifier shared by `text.sentiment` and the journey nodes: multinomial naive
 * Bayes over hashed features — word unigrams and bigrams (plus accent-folded unigrams, so
 * "tot" and "tốt" meet) and character 3–5-grams — in a fixed number of buckets (2^18 by default),
 * so memory is bounded whatever the vocabulary. Features are counted once per text (binarised).
 * Deterministic: the only random choice (cross-validation folds) takes a seed.
 */
import { NodeError } from '../contract/errors';
import { createRandom, seedFrom } from '../contract/random';
import { foldVi, normalizeText, tokenizeNormalized } from './tokenize';
import { FNV, hashString, mix, PRIME, SEED_CHAR, SEED_FOLD, SEED_WORD } from './hashing';
import { dealFolds } from '../table/folds';

export interface ClassifierOptions {
  /** log2 of the number of hashed feature buckets (default 18). */
  bits?: number;
  /** Additive (Lidstone) smoothing (default 0.5). */
  alpha?: number;
  /** Use character 3–5-grams (default true). */
  charGrams?: boolean;
}

export interface Model {
  kind: 'text-classifier';
  bits: number;
  /** Class names, sorted. */
  labels: string[];
  logPrior: Float64Array;
  /** log P(feature | class), row-major: labels.length × 2^bits. */
  logLik: Float32Array;
  charGrams: boolean;
}

export interface Prediction {
  label: string;
  /** Posterior probability per class (tempered so that long texts are not all 0/1). */
  scores: Record<string, number>;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}
export interface Evaluation {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
}

// ---------- features ----------

/** The distinct feature buckets of a text, sorted. */
export function featurize(text: string, bits = 18, charGrams = true): Int32Array {
  const mask = (1 << bits) - 1;
  const norm = normalizeText(text);
  const tokens = tokenizeNormalized(norm);
  const out: number[] = [];
  let prev = 0x9e3779b9;
  for (const token of tokens) {
    const h = hashString(token, SEED_WORD);
    out.push(h & mask);
    out.push(mix(prev, h) & mask);
    const folded = foldVi(token);
    if (folded !== token) out.push(hashString(folded, SEED_FOLD) & mask);
    prev = h;
  }
  if (tokens.length) out.push(mix(prev, 0x2545f491) & mask);
  if (charGrams && tokens.length) {
    const joined = ` ${tokens.join(' ')} `;
    const n = joined.length;
    for (let i = 0; i + 3 <= n; i++) {
      let h = (FNV ^ SEED_CHAR) >>> 0;
      for (let k = 0; k < 5 && i + k < n; k++) {
        h = Math.imul(h ^ joined.charCodeAt(i + k), PRIME);
        if (k >= 2) out.push((h >>> 0) & mask);
      }
    }
  }
  const arr = Int32Array.from(out).sort();
  let w = 0;
  for (let r = 0; r < arr.length; r++) if (r === 0 || arr[r] !== arr[r - 1]) arr[w++] = arr[r];
  return arr.subarray(0, w);
}

// ---------- training and prediction ----------

function trainOnFeatures(feats: Int32Array[], labels: string[], opts: ClassifierOptions): Model {
  const bits = opts.bits ?? 18,
    alpha = opts.alpha ?? 0.5;
  const B = 1 << bits;
  const classes = [...new Set(labels)].sort();
  if (classes.length === 0) throw new Error('trainClassifier: no training texts');
  const index = new Map(classes.map((c, i) => [c, i]));
  const C = classes.length;
  const counts = new Float32Array(C * B);
  const totals = new Float64Array(C),
    docs = new Float64Array(C);
  for (let d = 0; d < feats.length; d++) {
    const c = index.get(labels[d])!;
    docs[c]++;
    const f = feats[d],
      base = c * B;
    for (let j = 0; j < f.length; j++) counts[base + f[j]]++;
    totals[c] += f.length;
  }
  // Vocabulary = buckets seen in any class (not 2^bits), as an unhashed model would have.
  let vocab = 0;
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++)
      if (counts[c * B + b] > 0) {
        vocab++;
        break;
      }
  }
  const logLik = counts; // reuse the buffer in place
  for (let c = 0; c < C; c++) {
    const denom = Math.log(totals[c] + alpha * Math.max(vocab, 1));
    const base = c * B;
    for (let b = 0; b < B; b++) logLik[base + b] = Math.log(logLik[base + b] + alpha) - denom;
  }
  const logPrior = new Float64Array(C);
  for (let c = 0; c < C; c++) logPrior[c] = Math.log(docs[c] / feats.length);
  return { kind: 'text-classifier', bits, labels: classes, logPrior, logLik, charGrams: opts.charGrams ?? true };
}

/** Trains a classifier on texts and their labels (same length). */
export function trainClassifier(texts: string[], labels: string[], opts: ClassifierOptions = {}): Model {
  if (texts.length !== labels.length) throw new Error('trainClassifier: texts and labels differ in length');
  const bits = opts.bits ?? 18,
    charGrams = opts.charGrams ?? true;
  return trainOnFeatures(
    texts.map((t) => featurize(t ?? '', bits, charGrams)),
    labels,
    opts,
  );
}

function predictFeatures(model: Model, f: Int32Array, into?: Float64Array): { best: number; probs: Float64Array } {
  const C = model.labels.length,
    B = 1 << model.bits;
  const logits = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let s = 0;
    const base = c * B;
    for (let j = 0; j < f.length; j++) s += model.logLik[base + f[j]];
    logits[c] = s;
  }
  // Temper by the square root of the feature count: naive Bayes counts correlated n-grams as
  // independent evidence; this keeps the ranking (and the label) but gives usable probabilities.
  const temper = 1 / Math.max(1, Math.sqrt(f.length));
  let best = 0,
    max = -Infinity;
  for (let c = 0; c < C; c++) {
    logits[c] = logits[c] * temper + model.logPrior[c];
    if (logits[c] > max) {
      max = logits[c];
      best = c;
    }
  }
  const probs = into ?? new Float64Array(C);
  let sum = 0;
  for (let c = 0; c < C; c++) {
    probs[c] = Math.exp(logits[c] - max);
    sum += probs[c];
  }
  for (let c = 0; c < C; c++) probs[c] /= sum;
  return { best, probs };
}

/** The probability of every class (in `model.labels` order) for a text, written into `into`. */
export function classProbabilities(model: Model, text: string, into: Float64Array): Float64Array {
  return predictFeatures(model, featurize(text ?? '', model.bits, model.charGrams), into).probs;
}

/** The most likely label of a text and the probability of every class. */
export function predict(model: Model, text: string): Prediction {
  const { best, probs } = predictFeatures(model, featurize(text ?? '', model.bits, model.charGrams));
  const scores: Record<string, number> = {};
  model.labels.forEach((l, c) => {
    scores[l] = probs[c];
  });
  return { label: model.labels[best], scores };
}

// ---------- evaluation ----------

/** Accuracy, macro-F1 and per-class precision/recall/F1 of predictions against the truth. */
export function evaluate(truth: string[], predicted: string[]): Evaluation {
  const classes = [...new Set(truth)].sort();
  const perClass: Record<string, ClassMetrics> = {};
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  let f1sum = 0;
  for (const c of classes) {
    let tp = 0,
      fp = 0,
      fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (predicted[i] === c && truth[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (truth[i] === c) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0,
      recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { precision, recall, f1, support: tp + fn };
    f1sum += f1;
  }
  return { accuracy: truth.length ? correct / truth.length : NaN, macroF1: classes.length ? f1sum / classes.length : NaN, perClass };
}

/** Stratified fold number of every row: each class is shuffled (seeded) and dealt round-robin. */
export function stratifiedFolds(labels: string[], folds: number, seed: number): Int32Array {
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byClass.get(l);
    if (list) list.push(i);
    else byClass.set(l, [i]);
  });
  const classes = [...byClass.keys()].sort().map((key) => byClass.get(key)!);
  return dealFolds(classes, labels.length, folds, createRandom(seedFrom('folds', seed)));
}

/** Stratified k-fold cross-validation (seeded): out-of-fold accuracy, macro-F1 and per-class metrics. */
export function crossValidate(texts: string[], labels: string[], folds = 5, seed = 42, opts: ClassifierOptions = {}): Evaluation {
  const bits = opts.bits ?? 18,
    charGrams = opts.charGrams ?? true;
  const feats = texts.map((t) => featurize(t ?? '', bits, charGrams));
  return crossValidateFeatures(feats, labels, folds, seed, opts);
}

function crossValidateFeatures(feats: Int32Array[], labels: string[], folds: number, seed: number, opts: ClassifierOptions): Evaluation {
  const fold = stratifiedFolds(labels, folds, seed);
  const predicted = new Array<string>(labels.length);
  for (let k = 0; k < folds; k++) {
    const trainF: Int32Array[] = [],
      trainL: string[] = [];
    for (let i = 0; i < labels.length; i++)
      if (fold[i] !== k) {
        trainF.push(feats[i]);
        trainL.push(labels[i]);
      }
    if (trainF.length === 0) continue;
    const model = trainOnFeatures(trainF, trainL, opts);
    for (let i = 0; i < labels.length; i++) {
      if (fold[i] === k) predicted[i] = model.labels[predictFeatures(model, feats[i]).best];
    }
  }
  return evaluate(labels, predicted);
}

export interface LearnResult {
  /** The label of every row: its own where it had one, else the model's prediction. */
  predicted: string[];
  /** Cross-validated on the labelled rows (NaN when there are too few to split). */
  accuracy: number;
  macroF1: number;
  /** How many rows had a label. */
  trained: number;
  /** The classes, sorted, and every row's probability of each (row-major rows × classes); labelled rows are one-hot. */
  classes: string[];
  probabilities: Float64Array;
}

const hasLabel = (l: string | null | undefined): l is string => typeof l === 'string' && l.trim() !== '';

/**
 * Rows with a non-empty label teach the classifier; the others get a predicted label.
 * Accuracy is cross-validated (up to 5 stratified folds, seeded) on the labelled rows.
 */
export function learnFromLabels(texts: (string | null)[], labels: (string | null)[], seed = 42, opts: ClassifierOptions = {}): LearnResult {
  const bits = opts.bits ?? 18,
    charGrams = opts.charGrams ?? true;
  const trainIdx: number[] = [];
  for (let i = 0; i < labels.length; i++) if (hasLabel(labels[i])) trainIdx.push(i);
  if (trainIdx.length === 0) {
    throw new NodeError({
      en: 'No row has a label, so there is nothing to learn from. Fill the label column for some rows (a few dozen per class).',
      vi: 'Không có dòng nào có nhãn nên không thể học. Hãy điền cột nhãn cho một số dòng (vài chục dòng cho mỗi loại).',
    });
  }
  const trainLabels = trainIdx.map((i) => labels[i]!.trim());
  const trainFeats = trainIdx.map((i) => featurize(texts[i] ?? '', bits, charGrams));
  const model = trainOnFeatures(trainFeats, trainLabels, opts);
  const C = model.labels.length;
  const counts = new Map<string, number>();
  for (const l of trainLabels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const folds = Math.min(5, trainIdx.length);
  let accuracy = NaN,
    macroF1 = NaN;
  if (C >= 2 && folds >= 2) ({ accuracy, macroF1 } = crossValidateFeatures(trainFeats, trainLabels, folds, seed, opts));
  const predicted = new Array<string>(texts.length);
  const probabilities = new Float64Array(texts.length * C);
  const labelled = new Uint8Array(texts.length);
  trainIdx.forEach((i, k) => {
    labelled[i] = 1;
    predicted[i] = trainLabels[k];
    probabilities[i * C + model.labels.indexOf(trainLabels[k])] = 1;
  });
  for (let i = 0; i < texts.length; i++) {
    if (labelled[i]) continue;
    const { best } = predictFeatures(model, featurize(texts[i] ?? '', bits, charGrams), probabilities.subarray(i * C, i * C + C));
    predicted[i] = model.labels[best];
  }
  return { predicted, accuracy, macroF1, trained: trainIdx.length, classes: model.labels, probabilities };
}
