import { Dictionary, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { missingMask } from '../../../../src/core/table/missing';

const dict = (values: (string | null)[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));

describe('missingMask', () => {
  it('marks null, empty and blank dictionary words, and keeps words with text (also Vietnamese)', () => {
    const values = ['an', '', '  ', null, 'bình', '\t\n', 'an', ' x '];
    expect(Array.from(missingMask(dict(values)))).toEqual([0, 1, 1, 1, 0, 1, 0, 0]);
  });

  it('gives the same mask for a dictionary column as for the same plain text column, on a slice too', () => {
    const values = Array.from({ length: 3000 }, (_, i) => (i % 11 === 0 ? null : i % 13 === 0 ? ' ' : `user-${i % 997}`));
    const plain = vectorFromArray(values, new Utf8());
    expect(Array.from(missingMask(dict(values)))).toEqual(Array.from(missingMask(plain)));
    const d = dict(values).slice(1000, 2500),
      p = plain.slice(1000, 2500);
    expect(Array.from(missingMask(d))).toEqual(Array.from(missingMask(p)));
    expect(missingMask(d).reduce((a, b) => a + b, 0)).toBe(values.slice(1000, 2500).filter((v) => v === null || v === ' ').length);
  });
});
