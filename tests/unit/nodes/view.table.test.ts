import { Float64, Table, Utf8, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/view.table';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const input = new Table({
  name: vectorFromArray(['Cúc', 'An', null, 'Bình'], new Utf8()),
  score: vectorFromArray([2, null, 3, 2], new Float64()),
});

describe('view.table', () => {
  it('passes the table through unchanged by default', async () => {
    const { outputs } = await runNode(node, { in: input }, {});
    expect(outputs.out).toBe(input);
    expect(node.category).toBe('view');
  });

  it('sorts numbers (ties keep their order, missing last) and limits', async () => {
    const asc = (await runNode(node, { in: input }, { sort: 'score' })).outputs.out as Table;
    expect(rows(asc).map((r) => r.name)).toEqual(['Cúc', 'Bình', null, 'An']);
    const desc = (await runNode(node, { in: input }, { sort: 'score', descending: true, limit: 2 })).outputs.out as Table;
    expect(rows(desc)).toEqual([
      { name: null, score: 3 },
      { name: 'Cúc', score: 2 },
    ]);
    expectIpcRoundTrip(desc);
  });

  it('sorts text with missing values last', async () => {
    const out = (await runNode(node, { in: input }, { sort: 'name' })).outputs.out as Table;
    expect(rows(out).map((r) => r.name)).toEqual(['An', 'Bình', 'Cúc', null]);
  });

  it('limits without sorting, and names an unknown column', async () => {
    const out = (await runNode(node, { in: tableFromArrays({ a: Float64Array.from([1, 2, 3]) }) }, { limit: 2 })).outputs.out as Table;
    expect(rows(out)).toEqual([{ a: 1 }, { a: 2 }]);
    await expect(runNode(node, { in: input }, { sort: 'age' })).rejects.toThrow(/"age" is not in the table/);
  });
});
