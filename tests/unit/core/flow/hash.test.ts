import { describe, expect, it } from 'vitest';
import { hashString, hashValue, stableStringify } from '../../../../src/core/flow/hash';

describe('hashing', () => {
  it('ignores key order and is stable', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(hashValue({ a: 1, b: 2 })).toBe(hashValue({ b: 2, a: 1 }));
    expect(hashString('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashString('abc')).toBe(hashString('abc'));
  });

  it('tells apart values that differ slightly', () => {
    const seen = new Set<string>();
    for (let k = 2; k < 2000; k++) seen.add(hashValue({ type: 'cluster.kmeans', params: { k } }));
    expect(seen.size).toBe(1998);
    expect(hashValue({ a: '1' })).not.toBe(hashValue({ a: 1 }));
    expect(hashValue([1, 2])).not.toBe(hashValue([2, 1]));
  });

  it('drops undefined fields like JSON does', () => {
    expect(hashValue({ a: 1, b: undefined })).toBe(hashValue({ a: 1 }));
  });
});
