import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.encode';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip } from '../../helpers/tables';

function input(): Table {
  return new Table({
    id: vectorFromArray([1, 2, 3, 4, 5, 6], new Int32()),
    type: vectorFromArray(['video', 'photo', 'video', null, 'status', 'link'], new Utf8()),
    hour: vectorFromArray([9, 21, 9, 9, NaN, 21], new Float64()),
  });
}
const col = (t: Table, name: string) => Array.from(toFloat64(t.getChild(name)!));

describe('feature.encode', () => {
  it('makes one Float64 0/1 column per category, right after its column; missing rows are all 0', async () => {
    const { outputs, warnings } = await runNode(node, { in: input() }, { columns: ['type', 'hour'] });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:Int32',
      'type:Utf8',
      'type=video:Float64',
      'type=photo:Float64',
      'type=status:Float64',
      'type=link:Float64',
      'hour:Float64',
      'hour=9:Float64',
      'hour=21:Float64',
    ]);
    expect(col(out, 'type=video')).toEqual([1, 0, 1, 0, 0, 0]);
    expect(col(out, 'type=photo')).toEqual([0, 1, 0, 0, 0, 0]);
    expect(col(out, 'type=link')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(col(out, 'hour=9')).toEqual([1, 0, 1, 1, 0, 0]);
    expect(col(out, 'hour=21')).toEqual([0, 1, 0, 0, 0, 1]);
    expect(warnings).toEqual([]);
    expectIpcRoundTrip(out);
  });

  it('keeps the most frequent categories (ties: first seen) and groups the rest into =other', async () => {
    const { outputs, warnings, notes } = await runNode(node, { in: input() }, { columns: ['type'], maxCategories: 2, dropOriginal: true });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => f.name)).toEqual(['id', 'type=video', 'type=photo', 'type=other', 'hour']);
    expect(col(out, 'type=other')).toEqual([0, 0, 0, 0, 1, 1]);
    expect(warnings).toEqual(['Rare categories were grouped into "=other": "type" (2).']);
    expect(notes[0].vi).toBe('Các loại hiếm được gộp vào "=other": "type" (2).');
  });

  it('explains problems in both languages', async () => {
    await expect(runNode(node, { in: input() }, {})).rejects.toMatchObject({
      message: 'Choose the category columns to encode.',
      vi: 'Hãy chọn các cột phân loại cần mã hoá.',
    });
    await expect(runNode(node, { in: input() }, { columns: ['city'] })).rejects.toMatchObject({
      message: expect.stringMatching(/The column "city" is not in the table/),
      vi: expect.stringMatching(/Bảng không có cột "city"/),
    });
  });
});
