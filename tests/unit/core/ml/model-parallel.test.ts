/** Folds fitted on helper threads: the same models, scores and figures with 0, 1 or 2 helpers, for both methods. */
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/contract/random';
import { trainModel } from '../../../../src/core/ml/model/train';
import { nodeHelpers } from '../../../../workers/node-helpers';

function data(n: number, d: number) {
  const random = createRandom(7);
  const x = new Float64Array(n * d),
    y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = -1;
    for (let j = 0; j < d; j++) {
      const v = random() * 2 - 1;
      x[i * d + j] = j === 2 && random() < 0.05 ? NaN : v;
      z += (j % 3 === 0 ? 1.5 : -0.7) * v * (j < 4 ? 1 : 0.2);
    }
    y[i] = random() < 1 / (1 + Math.exp(-2 * z)) ? 1 : 0;
  }
  return { x, y };
}

describe('model training on helper threads', () => {
  const two = nodeHelpers(2),
    one = nodeHelpers(1);
  afterAll(() => Promise.all([two.terminate(), one.terminate()]));

  for (const method of ['logistic', 'trees'] as const) {
    it(`${method}: identical out-of-fold scores, figures, importance and final model with 0, 1 and 2 helpers`, {
      timeout: 120_000,
    }, async () => {
      const n = method === 'trees' ? 3000 : 4000,
        d = 6;
      const { x, y } = data(n, d);
      const copy = Float64Array.from(x);
      const run = (helpers?: typeof two) => trainModel(x, n, d, y, { method, folds: 5, balanced: false, seed: 3, helpers, shareAbove: 0 });
      const alone = await run();
      const withOne = await run(one);
      expect(one.running).toBe(1);
      const withTwo = await run(two);
      expect(two.running).toBe(2);
      for (const other of [withOne, withTwo]) {
        expect(Array.from(other.score)).toEqual(Array.from(alone.score));
        expect(other.perFold).toEqual(alone.perFold);
        expect(Array.from(other.importance)).toEqual(Array.from(alone.importance));
        expect(other.threshold).toBe(alone.threshold);
        expect(other.final).toEqual(alone.final);
      }
      expect(alone.perFold.auc.every((a) => a > 0.7)).toBe(true);
      // The rows sent to the helpers were copies: the caller's matrix is untouched.
      expect(Array.from(x)).toEqual(Array.from(copy));
    });
  }

  it('uses no helper below the size where copying the rows costs more than it saves', async () => {
    const pool = nodeHelpers(2);
    const { x, y } = data(500, 3);
    await trainModel(x, 500, 3, y, { folds: 5, balanced: false, seed: 1, helpers: pool });
    expect(pool.running).toBe(0);
    await pool.terminate();
  });
});
