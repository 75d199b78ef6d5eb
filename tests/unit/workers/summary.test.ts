/** The data panel's column summaries: text counted on its bytes gives the counts of plain strings. */
import { makeVector, Table, tableFromArrays, vectorFromArray, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/contract/random';
import { summarize, summarizeColumn } from '../../../workers/summary';

/** The reference: every value as a string, counted in a Map, most frequent first (ties: first seen). */
function reference(values: (string | null)[]) {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([value, count]) => ({ value, count }));
  return { missing, distinct: counts.size, top };
}

describe('column summaries', () => {
  const rnd = createRandom(11);
  const words = ['a', 'b', 'cà phê', 'phở', '', 'long value '.repeat(3), 'x', 'y', 'ẩm thực', 'z'];
  const values = Array.from({ length: 5000 }, () =>
    rnd() < 0.1 ? null : words[Math.floor(rnd() * rnd() * words.length)] + (rnd() < 0.2 ? String(Math.floor(rnd() * 300)) : ''),
  );

  it('counts text values, missing ones and the most frequent as plain strings do (one chunk, several, sliced)', () => {
    const whole = new Table({ t: vectorFromArray(values, new Utf8()) });
    const ref = reference(values);
    const one = summarizeColumn(whole, 0);
    expect({ missing: one.missing, distinct: one.distinct, top: one.top }).toEqual(ref);
    expect(one.kind).toBe('string');
    // Several chunks, one of them sliced out of a larger one (absolute value offsets, shifted bitmap).
    const big = vectorFromArray(values, new Utf8());
    const parts = [big.slice(0, 1234), big.slice(1234, 3001), big.slice(3001)];
    const chunked = new Table({ t: makeVector(parts.flatMap((p) => p.data)) });
    const two = summarizeColumn(chunked, 0);
    expect({ missing: two.missing, distinct: two.distinct, top: two.top }).toEqual(ref);
    const sliced = summarizeColumn(whole.slice(777, 4321), 0);
    const r3 = reference(values.slice(777, 4321));
    expect({ missing: sliced.missing, distinct: sliced.distinct, top: sliced.top }).toEqual(r3);
  });

  it('stops counting new values after 100,000 different ones and says the count is a lower bound', () => {
    const many = Array.from({ length: 120_000 }, (_, i) => `u${i % 110_000}`);
    const s = summarizeColumn(tableFromArrays({ u: many }), 0);
    expect(s.distinct).toBe(100_000);
    expect(s.distinctCapped).toBe(true);
    // The values seen twice come first (u0…u9999 repeat), in the order they first appeared.
    expect(s.top!.map((x) => x.value)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(s.top![0].count).toBe(2);
  });

  it('summarizes numbers and every column of a table in order', () => {
    const t = tableFromArrays({ n: Float64Array.from([3, NaN, -1, 4]), s: ['p', 'q', 'p', 'p'] });
    const all = summarize(t);
    expect(all.map((c) => c.name)).toEqual(['n', 's']);
    expect(all[0]).toMatchObject({ kind: 'number', missing: 1, min: -1, max: 4, mean: 2 });
    expect(all[1]).toMatchObject({
      kind: 'string',
      missing: 0,
      distinct: 2,
      top: [
        { value: 'p', count: 3 },
        { value: 'q', count: 1 },
      ],
    });
  });
});
