/**
 * Principal component analysis on a flat row-major Float64Array (n × d): column means, the d × d
 * covariance (divided by n − 1, as ml-pca and scikit-learn), and its eigen decomposition by
 * cyclic Jacobi rotations (exact for the small symmetric matrices of feature counts). Signs are
 * fixed so that the largest loading of every component is positive (deterministic output).
 */
import { ABSOLUTE_STOP, jacobiEigen } from './eigen';

export interface PcaFit {
  means: Float64Array;
  /** Components (eigenvectors) as rows: components × d, row-major, by decreasing variance. */
  loadings: Float64Array;
  /** Variance along every component (eigenvalues), decreasing; length d. */
  variances: Float64Array;
}

export function pca(data: Float64Array, n: number, d: number): PcaFit {
  const means = new Float64Array(d);
  for (let i = 0, p = 0; i < n; i++) for (let c = 0; c < d; c++, p++) means[c] += data[p];
  for (let c = 0; c < d; c++) means[c] /= n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) row[c] = data[i * d + c] - means[c];
    for (let a = 0; a < d; a++) {
      const ra = row[a];
      for (let b = a; b < d; b++) cov[a * d + b] += ra * row[b];
    }
  }
  const div = Math.max(1, n - 1);
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= div;
      cov[b * d + a] = cov[a * d + b];
    }
  const { values, vectors } = jacobiEigen(cov, d, ABSOLUTE_STOP);
  const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  const loadings = new Float64Array(d * d),
    variances = new Float64Array(d);
  order.forEach((col, r) => {
    variances[r] = Math.max(0, values[col]);
    let big = 0;
    for (let c = 0; c < d; c++) if (Math.abs(vectors[c * d + col]) > Math.abs(vectors[big * d + col])) big = c;
    const sign = vectors[big * d + col] < 0 ? -1 : 1;
    for (let c = 0; c < d; c++) loadings[r * d + c] = sign * vectors[c * d + col];
  });
  return { means, loadings, variances };
}

/** Scores of the rows on the first `m` components, as m columns. */
export function project(fit: PcaFit, data: Float64Array, n: number, d: number, m: number): Float64Array[] {
  const out = Array.from({ length: m }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (data[i * d + c] - fit.means[c]) * fit.loadings[r * d + c];
      out[r][i] = s;
    }
  }
  return out;
}
