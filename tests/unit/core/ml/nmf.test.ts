/** NMF (coordinate descent, nndsvda): exact on a low-rank matrix, generated loops equal the plain ones, SVD right. */
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/contract/random';
import { kernelsFor, nmf, nmfBestOf, randomizedSvd, type NmfStart, type SparseRows } from '../../../../src/core/ml/nmf';
import { nodeHelpers } from '../../../../workers/node-helpers';

/** A sparse non-negative n × m matrix W·H of rank r, with many zeros. */
function lowRank(n: number, m: number, r: number, seed: number): SparseRows {
  const rng = createRandom(seed);
  const W = Array.from({ length: n * r }, () => (rng() < 0.5 ? 0 : rng()));
  const H = Array.from({ length: r * m }, () => (rng() < 0.6 ? 0 : rng()));
  const rowPtr = new Int32Array(n + 1);
  const indices: number[] = [],
    values: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let v = 0;
      for (let t = 0; t < r; t++) v += W[i * r + t] * H[t * m + j];
      if (v > 0) {
        indices.push(j);
        values.push(v);
      }
    }
    rowPtr[i + 1] = indices.length;
  }
  return { rowPtr, indices: Int32Array.from(indices), values: Float64Array.from(values), cols: m };
}

const norm = (X: SparseRows) => Math.sqrt(X.values.reduce((s, v) => s + v * v, 0));

describe('nmf', () => {
  it('recovers a rank-3 non-negative matrix almost exactly', async () => {
    const X = lowRank(200, 60, 3, 1);
    const fit = await nmf(X, { k: 3, seed: 1, maxIter: 2000, tol: 1e-8 });
    expect(fit.error / norm(X)).toBeLessThan(1e-3);
    for (const v of fit.W) expect(v).toBeGreaterThanOrEqual(0);
    for (const v of fit.Ht) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('error falls with k, and random init also converges', async () => {
    const X = lowRank(150, 50, 6, 2);
    const e2 = (await nmf(X, { k: 2, seed: 1 })).error;
    const e4 = (await nmf(X, { k: 4, seed: 1 })).error;
    expect(e4).toBeLessThan(e2);
    const random = await nmf(X, { k: 6, seed: 3, init: 'random', maxIter: 1000, tol: 1e-6 });
    expect(random.error / norm(X)).toBeLessThan(0.05);
  });

  it('generated loops give the same numbers as the plain loops, bit for bit', async () => {
    expect(kernelsFor(5)).not.toBeNull();
    const X = lowRank(120, 40, 4, 3);
    const a = await nmf(X, { k: 5, seed: 9 });
    const b = await nmf(X, { k: 5, seed: 9, plain: true });
    expect(a.rounds).toBe(b.rounds);
    expect(Array.from(a.W)).toEqual(Array.from(b.W));
    expect(Array.from(a.Ht)).toEqual(Array.from(b.Ht));
  });

  it('randomized SVD finds the singular values (checked against the Frobenius norm of a rank-2 matrix)', () => {
    const X = lowRank(80, 30, 2, 4);
    const { S, U } = randomizedSvd(X, 2, 5);
    // For a rank-2 matrix, σ1² + σ2² = ‖X‖².
    expect(Math.sqrt(S[0] * S[0] + S[1] * S[1])).toBeCloseTo(norm(X), 8);
    expect(S[0]).toBeGreaterThanOrEqual(S[1]);
    let uu = 0;
    for (let i = 0; i < 80; i++) uu += U[i * 2] * U[i * 2 + 1];
    expect(Math.abs(uu)).toBeLessThan(1e-8);
  });

  it('calls onRound every round and stops when it throws', async () => {
    const X = lowRank(50, 20, 2, 5);
    const seen: number[] = [];
    await expect(
      nmf(X, {
        k: 2,
        seed: 1,
        onRound: (r) => {
          seen.push(r);
          if (r === 3) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('nmfBestOf keeps the highest score among the fits within the error slack, and equals a plain fit of that start', async () => {
    const X = lowRank(60, 30, 4, 9);
    const starts: NmfStart[] = [
      { init: 'nndsvda', seed: 1 },
      { init: 'random', seed: 2 },
      { init: 'random', seed: 3 },
      { init: 'random', seed: 4 },
    ];
    const ranked = await nmfBestOf(X, 4, starts, { maxIter: 300, errorSlack: Infinity }, (f) => -f.error);
    expect(ranked.errors).toHaveLength(4);
    expect(ranked.fit.error).toBe(Math.min(...ranked.errors));
    const plain = await nmf(X, { k: 4, seed: starts[ranked.chosen].seed, init: starts[ranked.chosen].init, maxIter: 300 });
    expect(Array.from(plain.W)).toEqual(Array.from(ranked.fit.W));
    // A score preferring high error: without slack the worst fit wins; with slack 0 only the lowest-error fit may.
    const worst = await nmfBestOf(X, 4, starts, { maxIter: 300, errorSlack: Infinity }, (f) => f.error);
    expect(worst.fit.error).toBe(Math.max(...worst.errors));
    const guarded = await nmfBestOf(X, 4, starts, { maxIter: 300, errorSlack: 0 }, (f) => f.error);
    expect(guarded.fit.error).toBe(Math.min(...guarded.errors));
    expect(guarded.scores.filter((s) => s === -Infinity)).toHaveLength(
      guarded.errors.filter((e) => e > Math.min(...guarded.errors)).length,
    );
  });

  it('nmfBestOf on helper threads gives the same fits, errors and choice as in one thread', async () => {
    const X = lowRank(80, 40, 4, 11);
    const starts: NmfStart[] = [
      { init: 'nndsvda', seed: 1 },
      { init: 'random', seed: 2 },
      { init: 'random', seed: 3 },
      { init: 'random', seed: 5 },
    ];
    const pool = nodeHelpers(2);
    afterAll(() => pool.terminate());
    const seen = new Set<number>();
    const alone = await nmfBestOf(X, 4, starts, { maxIter: 300 }, (f) => -f.error);
    const shared = await nmfBestOf(
      X,
      4,
      starts,
      { maxIter: 300, helpers: pool, shareAbove: 0 },
      (f) => -f.error,
      (i) => {
        seen.add(i);
      },
    );
    expect(shared.errors).toEqual(alone.errors);
    expect(shared.chosen).toBe(alone.chosen);
    expect(Array.from(shared.fit.W)).toEqual(Array.from(alone.fit.W));
    expect(Array.from(shared.fit.Ht)).toEqual(Array.from(alone.fit.Ht));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});
