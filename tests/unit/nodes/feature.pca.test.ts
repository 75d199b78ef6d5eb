import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.pca';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';

describe('feature.pca', () => {
  it('recovers a known direction and is deterministic in sign', async () => {
    const n = 500,
      t = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 10);
    const table = tableFromArrays({
      a: t,
      b: Float64Array.from(t, (v, i) => 2 * v + Math.cos(i) * 0.1),
      c: Float64Array.from({ length: n }, (_, i) => Math.cos(i * 3.1)),
    });
    const { outputs } = await runNode(node, { in: table }, {});
    const explained = outputs.explained as Table;
    expect(toFloat64(explained.getChild('share')!)[0]).toBeGreaterThan(0.98);
    expect(explained.getChild('main_columns')!.get(0)).toMatch(/^b \+0\.89/);
  });
});
