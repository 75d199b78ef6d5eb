/**
 * Principal component analysis on a flat row-major Float64Array (n × d): column means, the d × d
 * covariance (divided by n − 1, as ml-pca and scikit-learn), and its eigen decomposition by
 * cyclic Jacobi rotations (exact for the small symmetric matrices of feature counts). Signs are
 * fixed so that the largest loading of every component is positive (deterministic output).
 */

export interface PcaFit {
  means: Float64Array;
  /** Components (eigenvectors) as rows: components × d, row-major, by decreasing variance. */
  loadings: Float64Array;
  /** Variance along every component (eigenvalues), decreasing; length d. */
  variances: Float64Array;
}

/** Eigenvalues and eigenvectors (columns of V, d × d row-major) of the symmetric matrix A (overwritten). */
export function jacobiEigen(A: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += A[p * d + q] * A[p * d + q];
    if (off < 1e-30) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * d + q] - A[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < d; k++) {
          // rotate columns p, q
          const akp = A[k * d + p],
            akq = A[k * d + q];
          A[k * d + p] = c * akp - s * akq;
          A[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          // rotate rows p, q
          const apk = A[p * d + k],
            aqk = A[q * d + k];
          A[p * d + k] = c * apk - s * aqk;
          A[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = V[k * d + p],
            vkq = V[k * d + q];
          V[k * d + p] = c * vkp - s * vkq;
          V[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: d }, (_, i) => A[i * d + i]), vectors: V };
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
  const { values, vectors } = jacobiEigen(cov, d);
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
