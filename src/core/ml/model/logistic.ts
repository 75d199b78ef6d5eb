/**
 * L2-regularised logistic regression on standardised features, the objective of scikit-learn's
 * `LogisticRegression(C)`: C · Σ wᵢ · logloss(yᵢ, pᵢ) + ½‖β‖² (the intercept is not penalised),
 * fitted by Newton's method (IRLS) with a Cholesky solve and a backtracking line search, all in
 * Float64Arrays. Rows are stored row-major: `x[i * d + j]`.
 */

export interface Standardiser {
  means: Float64Array;
  /** Population standard deviation (like scikit-learn's StandardScaler); 1 for a constant column. */
  scales: Float64Array;
}

/** Means and scales of the columns of `x` (n × d) over the rows in `rows` (all rows by default); NaN values are skipped. */
export function fitStandardiser(x: Float64Array, n: number, d: number, rows?: Int32Array): Standardiser {
  const means = new Float64Array(d),
    scales = new Float64Array(d),
    counts = new Float64Array(d);
  const m = rows ? rows.length : n;
  for (let r = 0; r < m; r++) {
    const p = (rows ? rows[r] : r) * d;
    for (let j = 0; j < d; j++) {
      const v = x[p + j];
      if (v === v) {
        means[j] += v;
        counts[j]++;
      }
    }
  }
  for (let j = 0; j < d; j++) means[j] = counts[j] ? means[j] / counts[j] : 0;
  for (let r = 0; r < m; r++) {
    const p = (rows ? rows[r] : r) * d;
    for (let j = 0; j < d; j++) {
      const v = x[p + j];
      if (v === v) {
        const e = v - means[j];
        scales[j] += e * e;
      }
    }
  }
  for (let j = 0; j < d; j++) {
    const s = counts[j] ? Math.sqrt(scales[j] / counts[j]) : 0;
    scales[j] = s > 1e-12 * Math.max(1, Math.abs(means[j])) ? s : 1;
  }
  return { means, scales };
}

/** The rows `rows` of `x`, standardised; a missing value becomes 0 (the mean). */
export function standardise(x: Float64Array, d: number, s: Standardiser, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) {
    const p = rows[r] * d,
      q = r * d;
    for (let j = 0; j < d; j++) {
      const v = x[p + j];
      out[q + j] = v === v ? (v - s.means[j]) / s.scales[j] : 0;
    }
  }
  return out;
}

export interface LogisticFit {
  coef: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** log(1 + e^z), without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** The objective at (β, b). */
function objective(
  z: Float64Array,
  n: number,
  d: number,
  y: Uint8Array,
  w: Float64Array,
  C: number,
  beta: Float64Array,
  b: number,
): number {
  let loss = 0;
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let t = b;
    for (let j = 0; j < d; j++) t += z[p + j] * beta[j];
    loss += w[i] * (softplus(t) - (y[i] ? t : 0));
  }
  let pen = 0;
  for (let j = 0; j < d; j++) pen += beta[j] * beta[j];
  return C * loss + 0.5 * pen;
}

/** Solves A x = g for a symmetric positive definite A (m × m, overwritten by its Cholesky factor). */
function choleskySolve(a: Float64Array, m: number, g: Float64Array): Float64Array {
  for (let j = 0; j < m; j++) {
    let s = a[j * m + j];
    for (let k = 0; k < j; k++) s -= a[j * m + k] * a[j * m + k];
    const diag = Math.sqrt(Math.max(s, 1e-300));
    a[j * m + j] = diag;
    for (let i = j + 1; i < m; i++) {
      let t = a[i * m + j];
      for (let k = 0; k < j; k++) t -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = t / diag;
    }
  }
  const x = Float64Array.from(g);
  for (let i = 0; i < m; i++) {
    let t = x[i];
    for (let k = 0; k < i; k++) t -= a[i * m + k] * x[k];
    x[i] = t / a[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let t = x[i];
    for (let k = i + 1; k < m; k++) t -= a[k * m + i] * x[k];
    x[i] = t / a[i * m + i];
  }
  return x;
}

/**
 * Fits the model on standardised rows `z` (n × d), labels `y` (0/1) and row weights `w`.
 * Stops when the largest gradient entry is below `tol` (relative to n · C) or after `maxIterations` steps.
 */
export function fitLogistic(
  z: Float64Array,
  n: number,
  d: number,
  y: Uint8Array,
  w: Float64Array,
  C = 1,
  options: { tol?: number; maxIterations?: number } = {},
): LogisticFit {
  const tol = options.tol ?? 1e-10,
    maxIterations = options.maxIterations ?? 100;
  const m = d + 1; // the intercept is the last unknown
  const beta = new Float64Array(d);
  // Start the intercept at the weighted log-odds of the base rate.
  let sw = 0,
    swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i];
    if (y[i]) swy += w[i];
  }
  let b = Math.log(Math.max(swy, 1e-12) / Math.max(sw - swy, 1e-12));
  let f = objective(z, n, d, y, w, C, beta, b);
  const g = new Float64Array(m),
    h = new Float64Array(m * m);
  let iterations = 0,
    converged = false;
  for (; iterations < maxIterations; iterations++) {
    g.fill(0);
    h.fill(0);
    for (let i = 0, p = 0; i < n; i++, p += d) {
      let t = b;
      for (let j = 0; j < d; j++) t += z[p + j] * beta[j];
      const pr = sigmoid(t);
      const r = C * w[i] * (pr - y[i]);
      const s = C * w[i] * pr * (1 - pr);
      for (let j = 0; j < d; j++) {
        const zj = z[p + j];
        g[j] += r * zj;
        const sz = s * zj,
          row = j * m;
        for (let k = 0; k <= j; k++) h[row + k] += sz * z[p + k];
        h[row + d] += sz;
      }
      g[d] += r;
      h[d * m + d] += s;
    }
    for (let j = 0; j < d; j++) {
      g[j] += beta[j];
      h[j * m + j] += 1;
    }
    // Mirror the lower triangle (and the intercept column into its row).
    for (let j = 0; j < d; j++) {
      h[d * m + j] = h[j * m + d];
      for (let k = 0; k < j; k++) h[k * m + j] = h[j * m + k];
    }
    let gmax = 0;
    for (let j = 0; j < m; j++) gmax = Math.max(gmax, Math.abs(g[j]));
    if (gmax <= tol * Math.max(1, C * sw)) {
      converged = true;
      break;
    }
    const step = choleskySolve(h, m, g);
    let t = 1,
      next = f;
    const nb = new Float64Array(d);
    let decrease = 0;
    for (let j = 0; j < m; j++) decrease += g[j] * step[j];
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < d; j++) nb[j] = beta[j] - t * step[j];
      next = objective(z, n, d, y, w, C, nb, b - t * step[d]);
      if (next <= f - 1e-4 * t * decrease || next <= f) break;
      t *= 0.5;
    }
    beta.set(nb);
    b -= t * step[d];
    const change = f - next;
    f = next;
    if (change >= 0 && change <= 1e-16 * Math.max(1, Math.abs(f)) && gmax <= 1e-6 * Math.max(1, C * sw)) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { coef: beta, intercept: b, iterations, converged };
}

/** Probabilities of the positive class for standardised rows `z` (n × d). */
export function predictLogistic(z: Float64Array, n: number, d: number, coef: ArrayLike<number>, intercept: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let t = intercept;
    for (let j = 0; j < d; j++) t += z[p + j] * coef[j];
    out[i] = sigmoid(t);
  }
  return out;
}
