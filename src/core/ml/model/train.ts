/**
 * Cross-validated training of the logistic model: stratified folds, one fit per fold scored on
 * the rows it did not see (out-of-fold), per-fold metrics, permutation importance on the
 * out-of-fold scores, and the final fit on every row.
 */
import { createRandom, seedFrom } from '../../random';
import { stratifiedFolds } from './folds';
import { fitLogistic, fitStandardiser, predictLogistic, standardise, type Standardiser } from './logistic';
import { auc, bestF1Threshold, confusion, logLoss } from './metrics';

export const METRICS = ['auc', 'accuracy', 'f1', 'precision', 'recall', 'log_loss', 'base_rate'] as const;
export type MetricName = (typeof METRICS)[number];

export interface TrainOptions {
  folds: number;
  balanced: boolean;
  seed: number;
  C?: number;
  /** Awaited after each fit (fraction done, what was done); rejects to cancel. */
  progress?: (fraction: number, message: string) => Promise<void>;
}

export interface TrainResult {
  standardiser: Standardiser;
  coef: Float64Array;
  intercept: number;
  /** Best-F1 cut on the out-of-fold scores. */
  threshold: number;
  /** Out-of-fold probability of each row (rows with an unknown target: the final model's). */
  score: Float64Array;
  fold: Int32Array;
  /** The value of each metric in each fold. */
  perFold: Record<MetricName, number[]>;
  /** AUC of all out-of-fold scores pooled. */
  pooledAuc: number;
  /** Mean drop of the pooled out-of-fold AUC when a feature's values are shuffled. */
  importance: Float64Array;
  converged: boolean;
}

/** Weights 1, or n / (2 · n_class) per row ("balanced", like scikit-learn) over the rows `rows`. */
function classWeights(y: Uint8Array, rows: Int32Array, balanced: boolean): Float64Array {
  const w = new Float64Array(rows.length).fill(1);
  if (!balanced) return w;
  let pos = 0;
  for (const i of rows) if (y[i]) pos++;
  const wp = rows.length / (2 * pos), wn = rows.length / (2 * (rows.length - pos));
  rows.forEach((i, r) => { w[r] = y[i] ? wp : wn; });
  return w;
}

function fitRows(x: Float64Array, d: number, y: Uint8Array, rows: Int32Array, balanced: boolean, C: number) {
  const s = fitStandardiser(x, rows.length, d, rows);
  const z = standardise(x, d, s, rows);
  const yy = Uint8Array.from(rows, (i) => y[i]);
  const fit = fitLogistic(z, rows.length, d, yy, classWeights(y, rows, balanced), C);
  return { s, z, yy, fit };
}

/** Trains on `x` (n × d, row-major, NaN = missing) and `y` (1/0, 255 = unknown). Needs both classes in every fold. */
export async function trainLogistic(x: Float64Array, n: number, d: number, y: Uint8Array, options: TrainOptions): Promise<TrainResult> {
  const C = options.C ?? 1, k = options.folds;
  const progress = options.progress ?? (async () => {});
  const fold = stratifiedFolds(y, k, options.seed);
  const score = new Float64Array(n).fill(NaN);
  const perFold = Object.fromEntries(METRICS.map((m) => [m, [] as number[]])) as Record<MetricName, number[]>;
  const held: { rows: Int32Array; z: Float64Array; coef: Float64Array; logit: Float64Array }[] = [];
  let converged = true;
  for (let f = 0; f < k; f++) {
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < n; i++) if (fold[i] === f) test.push(i); else if (fold[i] >= 0) train.push(i);
    const trainRows = Int32Array.from(train), testRows = Int32Array.from(test);
    const { s, z, yy, fit } = fitRows(x, d, y, trainRows, options.balanced, C);
    converged &&= fit.converged;
    // The fold's cut: best F1 on its own training rows.
    const inSample = predictLogistic(z, trainRows.length, d, fit.coef, fit.intercept);
    const all = new Int32Array(trainRows.length).map((_, r) => r);
    const cut = bestF1Threshold(inSample, yy, all);
    const zt = standardise(x, d, s, testRows);
    const p = predictLogistic(zt, testRows.length, d, fit.coef, fit.intercept);
    testRows.forEach((i, r) => { score[i] = p[r]; });
    const c = confusion(score, y, testRows, cut);
    let pos = 0;
    for (const i of testRows) if (y[i]) pos++;
    perFold.auc.push(auc(score, y, testRows));
    perFold.accuracy.push(c.accuracy);
    perFold.f1.push(c.f1);
    perFold.precision.push(c.precision);
    perFold.recall.push(c.recall);
    perFold.log_loss.push(logLoss(score, y, testRows));
    perFold.base_rate.push(pos / testRows.length);
    const logit = new Float64Array(testRows.length);
    for (let r = 0; r < testRows.length; r++) {
      let t = fit.intercept;
      for (let j = 0; j < d; j++) t += zt[r * d + j] * fit.coef[j];
      logit[r] = t;
    }
    held.push({ rows: testRows, z: zt, coef: fit.coef, logit });
    await progress((f + 1) / (k + 2), `fold ${f + 1} of ${k}: AUC ${perFold.auc[f].toFixed(3)}`);
  }

  const known = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => fold[i] >= 0));
  const pooledAuc = auc(score, y, known);
  const threshold = bestF1Threshold(score, y, known);

  // Permutation importance: shuffle one feature within each fold's held-out rows, rescore, measure the AUC drop.
  const importance = new Float64Array(d);
  const repeats = 3;
  const random = createRandom(seedFrom(options.seed, 'importance'));
  const permuted = Float64Array.from(score);
  for (let j = 0; j < d; j++) {
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      for (const h of held) {
        const m = h.rows.length, order = new Int32Array(m).map((_, i) => i);
        for (let i = m - 1; i > 0; i--) { const t = Math.floor(random() * (i + 1)); [order[i], order[t]] = [order[t], order[i]]; }
        const cj = h.coef[j];
        for (let i = 0; i < m; i++) {
          const t = h.logit[i] + cj * (h.z[order[i] * d + j] - h.z[i * d + j]);
          permuted[h.rows[i]] = 1 / (1 + Math.exp(-t));
        }
      }
      drop += pooledAuc - auc(permuted, y, known);
    }
    importance[j] = drop / repeats;
  }
  await progress((k + 1) / (k + 2), 'importance measured');

  const final = fitRows(x, d, y, known, options.balanced, C);
  converged &&= final.fit.converged;
  const unknown = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => fold[i] < 0));
  if (unknown.length) {
    const p = predictLogistic(standardise(x, d, final.s, unknown), unknown.length, d, final.fit.coef, final.fit.intercept);
    unknown.forEach((i, r) => { score[i] = p[r]; });
  }
  await progress(1, 'final model fitted on every row');
  return { standardiser: final.s, coef: final.fit.coef, intercept: final.fit.intercept, threshold, score, fold, perFold, pooledAuc, importance, converged };
}
