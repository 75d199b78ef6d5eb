/**
 * Cross-validated training of a yes/no model: stratified folds, one fit per fold scored on the
 * rows it did not see (out-of-fold), per-fold metrics, permutation importance on the out-of-fold
 * scores, and the final fit on every row. The learner (logistic regression or boosted trees) is
 * a parameter; both see raw values and do their own standardising or binning per fit.
 */
import { createRandom, seedFrom } from '../../contract/random';
import { stratifiedFolds } from './folds';
import { auc, bestF1Threshold, confusion, logLoss } from './metrics';
import type { Text } from '../../contract/i18n';
import type { Helpers } from '../../contract/helpers';
import { type Fitted, fitRows, predictRows } from './fit';
import { fitFolds, PARALLEL_ABOVE } from './parallel';

export const METRICS = ['auc', 'accuracy', 'f1', 'precision', 'recall', 'log_loss', 'base_rate'] as const;
export type MetricName = (typeof METRICS)[number];

export interface TrainOptions {
  method?: 'logistic' | 'trees';
  folds: number;
  balanced: boolean;
  seed: number;
  /** Inverse strength of the L2 penalty of the logistic regression (scikit-learn's C). */
  C?: number;
  /** Helper threads: the folds are fitted on them when the table is big enough (same results). */
  helpers?: Helpers;
  /** Rows × columns from which helpers are used (default PARALLEL_ABOVE; 0 in tests). */
  shareAbove?: number;
  /** Awaited after each fit (fraction done, what was done); rejects to cancel. */
  progress?: (fraction: number, message: Text) => Promise<void>;
}

export interface TrainResult {
  final: Fitted;
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

const range = (m: number) => new Int32Array(m).map((_, i) => i);

/** Trains on `x` (n × d, row-major, NaN = missing) and `y` (1/0, 255 = unknown). Needs both classes in every fold. */
export async function trainModel(x: Float64Array, n: number, d: number, y: Uint8Array, options: TrainOptions): Promise<TrainResult> {
  const k = options.folds;
  const progress = options.progress ?? (async () => {});
  const fold = stratifiedFolds(y, k, options.seed);
  const score = new Float64Array(n).fill(NaN);
  const perFold = Object.fromEntries(METRICS.map((m) => [m, [] as number[]])) as Record<MetricName, number[]>;
  const held: { rows: Int32Array; fit: Fitted }[] = [];
  let converged = true;
  const trainSets: Int32Array[] = [],
    testSets: Int32Array[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [],
      test: number[] = [];
    for (let i = 0; i < n; i++)
      if (fold[i] === f) test.push(i);
      else if (fold[i] >= 0) train.push(i);
    trainSets.push(Int32Array.from(train));
    testSets.push(Int32Array.from(test));
  }
  let fitted = 0;
  const fits = await fitFolds(
    x,
    d,
    y,
    trainSets,
    { method: options.method, balanced: options.balanced, C: options.C },
    options.helpers,
    options.shareAbove ?? PARALLEL_ABOVE,
    () => {
      fitted++;
      return progress(fitted / (k + 2), { en: `fold ${fitted} of ${k} fitted`, vi: `đã khớp lần chia ${fitted}/${k}` });
    },
  );
  for (let f = 0; f < k; f++) {
    const trainRows = trainSets[f],
      testRows = testSets[f];
    const fit = fits[f];
    converged &&= fit.converged;
    // The fold's cut: best F1 on its own training rows.
    const inSample = predictRows(fit, x, d, trainRows);
    const cut = bestF1Threshold(
      inSample,
      Uint8Array.from(trainRows, (i) => y[i]),
      range(trainRows.length),
    );
    const p = predictRows(fit, x, d, testRows);
    testRows.forEach((i, r) => {
      score[i] = p[r];
    });
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
    held.push({ rows: testRows, fit });
  }

  const known = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => fold[i] >= 0));
  const pooledAuc = auc(score, y, known);
  const threshold = bestF1Threshold(score, y, known);

  // Permutation importance: shuffle one feature within each fold's held-out rows, rescore, measure the AUC drop.
  const importance = new Float64Array(d);
  const repeats = options.method === 'trees' ? 1 : 3;
  const random = createRandom(seedFrom(options.seed, 'importance'));
  const permuted = Float64Array.from(score);
  const copies = held.map((h) => {
    const m = h.rows.length,
      xs = new Float64Array(m * d);
    for (let r = 0; r < m; r++) xs.set(x.subarray(h.rows[r] * d, h.rows[r] * d + d), r * d);
    return xs;
  });
  for (let j = 0; j < d; j++) {
    let drop = 0;
    for (let rep = 0; rep < repeats; rep++) {
      held.forEach((h, t) => {
        const m = h.rows.length,
          xs = copies[t],
          original = new Float64Array(m);
        for (let r = 0; r < m; r++) original[r] = xs[r * d + j];
        const order = range(m);
        for (let i = m - 1; i > 0; i--) {
          const s = Math.floor(random() * (i + 1));
          [order[i], order[s]] = [order[s], order[i]];
        }
        for (let r = 0; r < m; r++) xs[r * d + j] = original[order[r]];
        const p = predictRows(h.fit, xs, d, range(m));
        for (let r = 0; r < m; r++) {
          permuted[h.rows[r]] = p[r];
          xs[r * d + j] = original[r];
        }
      });
      drop += pooledAuc - auc(permuted, y, known);
    }
    importance[j] = drop / repeats;
    await progress((k + (j + 1) / d) / (k + 2), {
      en: `importance of column ${j + 1} of ${d}`,
      vi: `mức quan trọng của cột ${j + 1}/${d}`,
    });
  }

  const final = fitRows(x, d, y, known, options);
  converged &&= final.converged;
  const unknown = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => fold[i] < 0));
  if (unknown.length) {
    const p = predictRows(final, x, d, unknown);
    unknown.forEach((i, r) => {
      score[i] = p[r];
    });
  }
  await progress(1, { en: 'final model fitted on every row', vi: 'đã khớp mô hình cuối trên mọi dòng' });
  return { final, threshold, score, fold, perFold, pooledAuc, importance, converged };
}
