/** One fit of either family on some rows of a raw matrix, and its scores: what a fold (here or on a helper) runs. */
import { fitLogistic, fitStandardiser, predictLogistic, standardise, type Standardiser } from './logistic';
import { fitTrees, predictTrees, type TreesFit } from './trees';

/** A fitted model of either family, able to score rows of a raw matrix. */
export type Fitted =
  | { method: 'logistic'; standardiser: Standardiser; coef: Float64Array; intercept: number; converged: boolean }
  | { method: 'trees'; trees: TreesFit; converged: boolean };

/** What a fit needs besides its rows (plain, cloneable to a helper). */
export interface FoldOptions {
  method?: 'logistic' | 'trees';
  balanced: boolean;
  /** Inverse strength of the L2 penalty of the logistic regression (scikit-learn's C). */
  C?: number;
}

/** Weights 1, or n / (2 · n_class) per row ("balanced", like scikit-learn) over the rows `rows`. */
function classWeights(y: Uint8Array, rows: Int32Array, balanced: boolean): Float64Array {
  const w = new Float64Array(rows.length).fill(1);
  if (!balanced) return w;
  let pos = 0;
  for (const i of rows) if (y[i]) pos++;
  const wp = rows.length / (2 * pos),
    wn = rows.length / (2 * (rows.length - pos));
  rows.forEach((i, r) => {
    w[r] = y[i] ? wp : wn;
  });
  return w;
}

export function fitRows(x: Float64Array, d: number, y: Uint8Array, rows: Int32Array, options: FoldOptions): Fitted {
  const w = classWeights(y, rows, options.balanced);
  if (options.method === 'trees') return { method: 'trees', trees: fitTrees(x, d, y, rows, w), converged: true };
  const s = fitStandardiser(x, rows.length, d, rows);
  const z = standardise(x, d, s, rows);
  const fit = fitLogistic(
    z,
    rows.length,
    d,
    Uint8Array.from(rows, (i) => y[i]),
    w,
    options.C ?? 1,
  );
  return { method: 'logistic', standardiser: s, coef: fit.coef, intercept: fit.intercept, converged: fit.converged };
}

/** Probabilities for the rows `rows` of `x` (n × d, raw values). */
export function predictRows(fit: Fitted, x: Float64Array, d: number, rows: Int32Array): Float64Array {
  if (fit.method === 'trees') return predictTrees(fit.trees, x, d, rows);
  return predictLogistic(standardise(x, d, fit.standardiser, rows), rows.length, d, fit.coef, fit.intercept);
}
