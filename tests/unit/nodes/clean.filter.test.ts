import { Float64, Int32, Table, TimestampMillisecond, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/clean.filter';
import { paramFields } from '../../../src/core/contract/form';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';

function input(): Table {
  return new Table({
    id: vectorFromArray([1, 2, 3, 4, 5], new Int32()),
    likes: vectorFromArray([10, 250, NaN, 100, 40], new Float64()),
    city: vectorFromArray(['Hà Nội', 'HUẾ', null, 'Huế'.normalize('NFD'), 'Đà Nẵng'], new Utf8()),
    note: vectorFromArray(['Giá tốt', '', 'quá đẹp', null, 'ĐẸP QUÁ'], new Utf8()),
    at: makeVector(
      makeData({
        type: new TimestampMillisecond(),
        length: 5,
        nullCount: 0,
        data: BigInt64Array.from(
          [Date.UTC(2026, 0, 1), Date.UTC(2026, 5, 30), Date.UTC(2026, 6, 1), Date.UTC(2025, 11, 31), Date.UTC(2026, 2, 1)].map(BigInt),
        ),
      }),
    ),
  });
}

const ids = (t: Table) => Array.from(t.getChild('id')!.toArray() as Int32Array);
const run = (conditions: unknown[], match = 'all') => runNode(node, { in: input() }, { conditions, match });

describe('clean.filter', () => {
  it('compares numbers with typed arrays; missing values never match', async () => {
    const cases: [string, string, number[]][] = [
      ['>', '40', [2, 4]],
      ['>=', '40', [2, 4, 5]],
      ['<', '100', [1, 5]],
      ['<=', '100', [1, 4, 5]],
      ['=', '250', [2]],
      ['!=', '250', [1, 4, 5]],
      ['in', '10, 40', [1, 5]],
    ];
    for (const [op, value, want] of cases) {
      expect(ids((await run([{ column: 'likes', op, value }])).outputs.out as Table), `${op} ${value}`).toEqual(want);
    }
  });

  it('compares text without case, with accents, composed or decomposed alike (NFC)', async () => {
    expect(ids((await run([{ column: 'city', op: '=', value: 'huế' }])).outputs.out as Table)).toEqual([2, 4]);
    expect(ids((await run([{ column: 'city', op: '=', value: 'Hue' }])).outputs.out as Table)).toEqual([]);
    expect(ids((await run([{ column: 'note', op: 'contains', value: 'đẹp' }])).outputs.out as Table)).toEqual([3, 5]);
    expect(ids((await run([{ column: 'note', op: 'not contains', value: 'đẹp' }])).outputs.out as Table)).toEqual([1, 2]);
    expect(ids((await run([{ column: 'city', op: 'starts with', value: 'đà' }])).outputs.out as Table)).toEqual([5]);
    expect(ids((await run([{ column: 'city', op: 'in', value: 'hà nội, đà nẵng' }])).outputs.out as Table)).toEqual([1, 5]);
    expect(ids((await run([{ column: 'city', op: '!=', value: 'huế' }])).outputs.out as Table)).toEqual([1, 5]);
  });

  it('finds missing cells (null, NaN, blank text) and present ones', async () => {
    expect(ids((await run([{ column: 'note', op: 'is missing' }])).outputs.out as Table)).toEqual([2, 4]);
    expect(ids((await run([{ column: 'likes', op: 'is not missing' }])).outputs.out as Table)).toEqual([1, 2, 4, 5]);
  });

  it('compares dates by their value', async () => {
    expect(ids((await run([{ column: 'at', op: '>=', value: '2026-06-30' }])).outputs.out as Table)).toEqual([2, 3]);
    expect(ids((await run([{ column: 'at', op: '<', value: '1/1/2026' }])).outputs.out as Table)).toEqual([4]);
  });

  it('combines conditions with all / any, says how many rows were kept and keeps every column type', async () => {
    const all = await run([
      { column: 'likes', op: '>=', value: '200' },
      { column: 'city', op: 'contains', value: 'huế' },
    ]);
    const out = all.outputs.out as Table;
    expect(ids(out)).toEqual([2]);
    expect(all.warnings).toEqual(['Kept 1 of 5 rows (likes >= "200" AND city contains "huế").']);
    expect(all.notes[0].vi).toBe('Giữ 1 trên 5 dòng (likes >= "200" VÀ city contains "huế").');
    expect(out.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Float64', 'Utf8', 'Utf8', 'Timestamp<MILLISECOND>']);
    expect(rows(out)[0]).toEqual({ id: 2, likes: 250, city: 'HUẾ', note: '', at: Date.UTC(2026, 5, 30) });
    expectIpcRoundTrip(out);
    const any = await run(
      [
        { column: 'likes', op: '>', value: '200' },
        { column: 'note', op: 'is missing' },
      ],
      'any',
    );
    expect(ids(any.outputs.out as Table)).toEqual([2, 4]);
    expect(any.warnings[0]).toMatch(/Kept 2 of 5 rows \(likes > "200" OR note is missing\)/);
  });

  it('keeps every row when there is no condition', async () => {
    const r = await run([]);
    expect((r.outputs.out as Table).numRows).toBe(5);
    expect(r.warnings).toEqual(['No conditions yet, so every row is kept.']);
  });

  it('explains bad conditions in both languages', async () => {
    await expect(run([{ column: 'likes', op: '>', value: 'nhiều' }])).rejects.toMatchObject({
      message: expect.stringMatching(/compares numbers, but "nhiều" is not a number/),
      vi: expect.stringMatching(/không phải là số/),
    });
    await expect(run([{ column: 'at', op: '>', value: 'hôm qua' }])).rejects.toMatchObject({
      message: expect.stringMatching(/compares dates, but "hôm qua" is not a date/),
      vi: expect.stringMatching(/không phải là ngày/),
    });
    await expect(run([{ column: 'likes', op: 'in', value: '1, x' }])).rejects.toThrow(/"x" is not a number/);
    await expect(run([{ column: 'nope', op: '=', value: '1' }])).rejects.toMatchObject({
      message: expect.stringMatching(/The column "nope" is not in the table/),
      vi: expect.stringMatching(/Bảng không có cột "nope"/),
    });
    await expect(run([{ column: '', op: '=', value: '1' }])).rejects.toMatchObject({
      message: expect.stringMatching(/A condition has no column/),
      vi: expect.stringMatching(/chưa chọn cột/),
    });
    await expect(runNode(node, {}, {})).rejects.toThrow(/Nothing is connected to the input "in"/);
  });

  it('declares a conditions form field with its operators', () => {
    const field = paramFields(node).find((f) => f.key === 'conditions')!;
    expect(field.widget).toBe('conditions');
    expect(field.operators!.map((o) => o.value)).toContain('starts with');
    expect(field.operators!.find((o) => o.value === 'in')!.label.vi).toMatch(/một trong/);
  });
});
