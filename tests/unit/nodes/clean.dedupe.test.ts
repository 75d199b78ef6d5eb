import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/clean.dedupe';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';

function input(): Table {
  return new Table({
    user: vectorFromArray(['an', 'bình', 'an', null, 'bình', null], new Utf8()),
    post: vectorFromArray([1, 2, 1, 3, 2, 3], new Int32()),
    score: vectorFromArray([0.5, 1, 0.5, NaN, 2, NaN], new Float64()),
  });
}

describe('clean.dedupe', () => {
  it('compares whole rows by default (missing equals missing) and keeps the first copy in order', async () => {
    const { outputs, warnings, notes } = await runNode(node, { in: input() });
    const out = outputs.out as Table;
    expect(rows(out)).toEqual([
      { user: 'an', post: 1, score: 0.5 },
      { user: 'bình', post: 2, score: 1 },
      { user: null, post: 3, score: NaN },
      { user: 'bình', post: 2, score: 2 },
    ]);
    expect(warnings).toEqual(['Removed 2 duplicate rows (same values in every column); 4 of 6 rows remain.']);
    expect(notes[0].vi).toBe('Đã bỏ 2 dòng trùng lặp (cùng giá trị ở mọi cột); còn lại 4 trên 6 dòng.');
    expect(out.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Int32', 'Float64']);
    expectIpcRoundTrip(out);
  });

  it('uses key columns and can keep the last copy', async () => {
    const first = (await runNode(node, { in: input() }, { columns: ['user', 'post'] })).outputs.out as Table;
    expect(Array.from(first.getChild('score')!.toArray() as Float64Array)).toEqual([0.5, 1, NaN]);
    const last = await runNode(node, { in: input() }, { columns: ['user'], keep: 'last' });
    expect(rows(last.outputs.out as Table)).toEqual([
      { user: 'an', post: 1, score: 0.5 },
      { user: 'bình', post: 2, score: 2 },
      { user: null, post: 3, score: NaN },
    ]);
    expect(last.warnings[0]).toBe('Removed 3 duplicate rows (same "user"); 3 of 6 rows remain.');
  });

  it('says so when there is nothing to remove, and names a missing key column', async () => {
    const r = await runNode(node, { in: input() }, { columns: ['score', 'user', 'post'] });
    expect((r.outputs.out as Table).numRows).toBe(4);
    const none = await runNode(node, { in: new Table({ a: vectorFromArray([1, 2, 3], new Int32()) }) });
    expect(none.warnings).toEqual(['No duplicates found: all 3 rows are different.']);
    await expect(runNode(node, { in: input() }, { columns: ['status_id'] })).rejects.toMatchObject({
      message: expect.stringMatching(/The column "status_id" is not in the table/),
      vi: expect.stringMatching(/Bảng không có cột "status_id"/),
    });
    await expect(runNode(node, {})).rejects.toThrow(/Nothing is connected/);
  });
});
