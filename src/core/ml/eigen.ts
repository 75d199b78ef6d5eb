/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (exact for the d × d
 * covariances of PCA and the l × l Gram matrices of the randomised SVD in NMF). One function, the
 * stopping rule chosen by the caller.
 */

/**
 * When the sweeps stop, from the sum of squares of the entries above the diagonal (`off`) and of
 * the diagonal (`diag`): `absolute` stops when off < `tol` (PCA, covariances of scaled features),
 * `relative` when off ≤ `tol` · diag or off = 0 (NMF, Gram matrices of any scale).
 */
export interface JacobiStop {
  rule: 'absolute' | 'relative';
  tol: number;
}

/** PCA's rule (covariances): off-diagonal sum of squares below 1e-30. */
export const ABSOLUTE_STOP: JacobiStop = { rule: 'absolute', tol: 1e-30 };
/** NMF's rule (Gram matrices): off-diagonal sum of squares at most 1e-30 of the diagonal's. */
export const RELATIVE_STOP: JacobiStop = { rule: 'relative', tol: 1e-30 };

/**
 * Eigenvalues and eigenvectors (columns of V, d × d row-major) of the symmetric d × d matrix A,
 * which is overwritten (pass a copy to keep it). At most 100 sweeps; the eigenvalues in the
 * order of the diagonal (not sorted).
 */
export function jacobiEigen(A: Float64Array, d: number, stop: JacobiStop = ABSOLUTE_STOP): { values: Float64Array; vectors: Float64Array } {
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0,
      diag = 0;
    for (let p = 0; p < d; p++) {
      diag += A[p * d + p] * A[p * d + p];
      for (let q = p + 1; q < d; q++) off += A[p * d + q] * A[p * d + q];
    }
    if (stop.rule === 'absolute' ? off < stop.tol : off <= stop.tol * diag || off === 0) break;
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
