import { describe, expect, it } from 'vitest';
import { ABSOLUTE_STOP, jacobiEigen, RELATIVE_STOP } from '../../../../src/core/ml/eigen';

/** A random symmetric d × d matrix, entries scaled by `scale`. */
function symmetric(d: number, scale: number, seed: number): Float64Array {
  let s = seed;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647 - 0.5;
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      A[i * d + j] = scale * rnd();
      A[j * d + i] = A[i * d + j];
    }
  return A;
}

/** Largest |A v − λ v| over every eigenpair, relative to the largest |λ|. */
function residual(A: Float64Array, d: number, values: Float64Array, vectors: Float64Array): number {
  let worst = 0,
    top = 0;
  for (const v of values) top = Math.max(top, Math.abs(v));
  for (let e = 0; e < d; e++)
    for (let i = 0; i < d; i++) {
      let av = 0;
      for (let j = 0; j < d; j++) av += A[i * d + j] * vectors[j * d + e];
      worst = Math.max(worst, Math.abs(av - values[e] * vectors[i * d + e]));
    }
  return worst / top;
}

describe('jacobiEigen', () => {
  it('both stopping rules diagonalise a matrix of ordinary scale, with orthonormal vectors', () => {
    for (const stop of [ABSOLUTE_STOP, RELATIVE_STOP])
      for (const d of [2, 5, 17]) {
        const A = symmetric(d, 3, d + 11);
        const { values, vectors } = jacobiEigen(Float64Array.from(A), d, stop);
        expect(residual(A, d, values, vectors)).toBeLessThan(1e-12);
        for (let a = 0; a < d; a++)
          for (let b = 0; b < d; b++) {
            let dot = 0;
            for (let r = 0; r < d; r++) dot += vectors[r * d + a] * vectors[r * d + b];
            expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
          }
        // The trace is kept.
        let trace = 0;
        for (let i = 0; i < d; i++) trace += A[i * d + i];
        expect(values.reduce((x, y) => x + y, 0)).toBeCloseTo(trace, 10);
      }
  });

  it('the relative rule also diagonalises a matrix of tiny entries, where the absolute one stops at once', () => {
    const d = 6;
    const A = symmetric(d, 1e-20, 3);
    const relative = jacobiEigen(Float64Array.from(A), d, RELATIVE_STOP);
    expect(residual(A, d, relative.values, relative.vectors)).toBeLessThan(1e-12);
    const absolute = jacobiEigen(Float64Array.from(A), d, ABSOLUTE_STOP);
    // No rotation: the vectors are the identity and the values the diagonal.
    for (let i = 0; i < d; i++) expect(absolute.values[i]).toBe(A[i * d + i]);
    expect(residual(A, d, absolute.values, absolute.vectors)).toBeGreaterThan(1e-3);
  });
});
