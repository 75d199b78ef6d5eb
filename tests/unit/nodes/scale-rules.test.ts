/** Every node says how it scales (the rule a partitioned engine reads), and a key rule names a real parameter. */
import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../../nodes/index';

describe('scale rules', () => {
  it('every node type declares rows, key, reduce or whole', () => {
    expect(NODE_TYPES.filter((def) => def.scale === undefined).map((def) => def.type)).toEqual([]);
    for (const def of NODE_TYPES) {
      const rule = def.scale!;
      if (typeof rule === 'object') expect(Object.keys(def.params.shape), `${def.type}: key ${rule.key}`).toContain(rule.key);
      else expect(['rows', 'reduce', 'whole']).toContain(rule);
    }
  });
});
