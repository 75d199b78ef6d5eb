import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/clean.select';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';
import type { Table } from 'apache-arrow';

const input = tableFromArrays({ id: Int32Array.from([1, 2]), name: ['An', 'Bình'], score: Float64Array.from([0.5, 1.5]) });

describe('clean.select', () => {
  it('keeps the chosen columns in order and renames', async () => {
    const { outputs } = await runNode(node, { in: input }, { columns: ['score', 'name'], rename: { name: 'tên' } });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => f.name)).toEqual(['score', 'tên']);
    expect(rows(out)).toEqual([
      { score: 0.5, tên: 'An' },
      { score: 1.5, tên: 'Bình' },
    ]);
    expectIpcRoundTrip(out);
  });

  it('keeps every column when none are chosen', async () => {
    const { outputs } = await runNode(node, { in: input }, {});
    expect((outputs.out as Table).numCols).toBe(3);
  });

  it('names the missing column and the ones that exist', async () => {
    await expect(runNode(node, { in: input }, { columns: ['age'] })).rejects.toThrow(/"age" is not in the table.*id, name, score/);
  });

  it('refuses two columns with the same new name', async () => {
    await expect(runNode(node, { in: input }, { rename: { name: 'id' } })).rejects.toThrow(/both be called "id"/);
  });
});
