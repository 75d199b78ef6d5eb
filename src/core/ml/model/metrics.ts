/** Scores of a yes/no prediction: AUC, log loss, precision/recall/F1 at a threshold, best-F1 threshold, gains. */

/** Area under the ROC curve (ties count half): the chance that a random positive scores above a random negative. NaN without both classes. */
export function auc(score: ArrayLike<number>, y: ArrayLike<number>, rows?: ArrayLike<number>): number {
  const m = rows ? rows.length : score.length;
  const idx = new Int32Array(m);
  for (let r = 0; r < m; r++) idx[r] = rows ? rows[r] : r;
  idx.sort((a, b) => score[a] - score[b]);
  let pos = 0,
    rankSum = 0;
  for (let i = 0; i < m; ) {
    let j = i;
    while (j + 1 < m && score[idx[j + 1]] === score[idx[i]]) j++;
    const rank = (i + j) / 2 + 1; // mean rank of the tied run
    for (let k = i; k <= j; k++)
      if (y[idx[k]]) {
        pos++;
        rankSum += rank;
      }
    i = j + 1;
  }
  const neg = m - pos;
  if (!pos || !neg) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Mean log loss (probabilities clipped to [1e-15, 1 − 1e-15], like scikit-learn). */
export function logLoss(score: ArrayLike<number>, y: ArrayLike<number>, rows: ArrayLike<number>): number {
  let s = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const p = Math.min(Math.max(score[i], 1e-15), 1 - 1e-15);
    s -= y[i] ? Math.log(p) : Math.log(1 - p);
  }
  return s / rows.length;
}

export interface Confusion {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Accuracy, precision, recall and F1 when rows scoring at or above `threshold` are called positive (0 for an undefined ratio, like scikit-learn). */
export function confusion(score: ArrayLike<number>, y: ArrayLike<number>, rows: ArrayLike<number>, threshold: number): Confusion {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r],
      call = score[i] >= threshold;
    if (y[i]) {
      if (call) tp++;
      else fn++;
    } else if (call) fp++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0,
    recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    accuracy: (tp + tn) / rows.length,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** The score cut (a score of one of the rows) with the highest F1 on `rows`; 0.5 when there is no positive. */
export function bestF1Threshold(score: ArrayLike<number>, y: ArrayLike<number>, rows: ArrayLike<number>): number {
  const idx = Int32Array.from(rows as ArrayLike<number>);
  idx.sort((a, b) => score[b] - score[a]);
  let positives = 0;
  for (const i of idx) if (y[i]) positives++;
  if (!positives) return 0.5;
  let tp = 0,
    best = -1,
    cut = 0.5;
  for (let k = 0; k < idx.length; ) {
    let j = k;
    while (j < idx.length && score[idx[j]] === score[idx[k]]) {
      if (y[idx[j]]) tp++;
      j++;
    }
    const f1 = (2 * tp) / (j + positives); // called = j, precision = tp/j, recall = tp/positives
    if (f1 > best) {
      best = f1;
      cut = score[idx[k]];
    }
    k = j;
  }
  return cut;
}

/** Share of the positives among the top x% of rows by score, for each x in `percents`. */
export function gains(score: ArrayLike<number>, y: ArrayLike<number>, rows: ArrayLike<number>, percents: number[]): number[] {
  const idx = Int32Array.from(rows as ArrayLike<number>);
  idx.sort((a, b) => score[b] - score[a]);
  const cum = new Float64Array(idx.length + 1);
  for (let k = 0; k < idx.length; k++) cum[k + 1] = cum[k] + (y[idx[k]] ? 1 : 0);
  const total = cum[idx.length];
  return percents.map((x) => (total ? cum[Math.round((x / 100) * idx.length)] / total : 0));
}

/** Mean and sample standard deviation (n − 1) of the finite values. */
export function meanStd(values: number[]): { mean: number; std: number } {
  const v = values.filter((x) => Number.isFinite(x));
  if (!v.length) return { mean: NaN, std: NaN };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
  return { mean, std };
}
