/** readMatrix: Arrow columns → one row-major matrix in one pass, with each column's spread. */
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/contract/random';
import { readMatrix } from '../../../../src/core/ml/segments';

describe('readMatrix', () => {
  it('copies the columns row-major and gives the spread each column has on its own (several blocks of rows)', () => {
    const rnd = createRandom(5);
    const n = 5000; // more than one block of 2048 rows, and a partial last block
    const a = Float64Array.from({ length: n }, () => rnd() * 10),
      b = Float64Array.from({ length: n }, () => 100 + rnd());
    const { data, stds } = readMatrix(tableFromArrays({ a, b, skip: Float64Array.from({ length: n }, () => NaN) }), ['b', 'a']);
    expect(data.length).toBe(2 * n);
    for (const i of [0, 1, 2047, 2048, 4095, 4096, n - 1]) {
      expect(data[2 * i]).toBe(b[i]);
      expect(data[2 * i + 1]).toBe(a[i]);
    }
    const std = (x: Float64Array) => {
      let s = 0,
        q = 0;
      for (const v of x) {
        s += v;
        q += v * v;
      }
      return Math.sqrt(Math.max(0, q / x.length - (s / x.length) ** 2));
    };
    expect(stds[0]).toBe(std(b));
    expect(stds[1]).toBe(std(a));
  });

  it('names the columns with missing values and how many rows have one', () => {
    const t = tableFromArrays({ x: Float64Array.from([1, NaN, 3, 4]), y: Float64Array.from([NaN, NaN, 1, Infinity]) });
    expect(() => readMatrix(t, ['x', 'y'])).toThrow(/3 of 4 rows have a missing value in the chosen columns: "x" \(1\), "y" \(3\)/);
  });
});
