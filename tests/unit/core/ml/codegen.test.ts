import { describe, expect, it } from 'vitest';
import { compileLoop } from '../../../../src/core/ml/codegen';

describe('compileLoop', () => {
  it('compiles a generated loop', () => {
    const sum = compileLoop<(a: Float64Array) => number>(['a'], 'let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s;');
    expect(sum!(Float64Array.of(1, 2, 3.5))).toBe(6.5);
  });

  it('gives null instead of throwing when the code cannot be compiled (callers fall back to plain loops)', () => {
    expect(compileLoop(['a'], 'for (;;')).toBeNull();
  });
});
