import { Bool, Dictionary, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.join';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';

const users = () =>
  new Table({
    user: vectorFromArray(['an', 'bình', 'chi', null, 'an'], new Utf8()),
    city: vectorFromArray(['HN', 'HCM', 'HN', 'DN', 'HN'], new Utf8()),
  });
const features = () =>
  new Table({
    user: vectorFromArray(['bình', 'an', 'dũng', null], new Utf8()),
    city: vectorFromArray(['Huế', 'Hà Nội', 'HN', 'x'], new Utf8()),
    posts: vectorFromArray([3, 5, 1, 9], new Int32()),
    vip: vectorFromArray([true, null, false, true], new Bool()),
    tier: vectorFromArray(['gold', 'silver', 'gold', 'x'], new Dictionary(new Utf8(), new Int32())),
  });

describe('feature.join', () => {
  it('left join (default): many-to-one, unmatched and missing keys keep empty right columns, _right suffix', async () => {
    const { outputs, warnings, notes } = await runNode(node, { in: users(), right: features() }, { on: ['user'] });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'user:Utf8',
      'city:Utf8',
      'city_right:Utf8',
      'posts:Int32',
      'vip:Bool',
      'tier:Dictionary<Int32, Utf8>',
    ]);
    expect(rows(out)).toEqual([
      { user: 'an', city: 'HN', city_right: 'Hà Nội', posts: 5, vip: null, tier: 'silver' },
      { user: 'bình', city: 'HCM', city_right: 'Huế', posts: 3, vip: true, tier: 'gold' },
      { user: 'chi', city: 'HN', city_right: null, posts: null, vip: null, tier: null },
      { user: null, city: 'DN', city_right: null, posts: null, vip: null, tier: null },
      { user: 'an', city: 'HN', city_right: 'Hà Nội', posts: 5, vip: null, tier: 'silver' },
    ]);
    expect(warnings).toEqual(['3 of 5 left rows found a match; 2 kept with empty right columns.']);
    expect(notes[0].vi).toBe('3 trên 5 dòng của bảng trái tìm được dòng khớp; 2 dòng được giữ với các cột bảng phải để trống.');
    expectIpcRoundTrip(out);
  });

  it('inner join on two keys, many-to-many', async () => {
    const left = new Table({
      a: vectorFromArray([1, 1, 2, 3], new Int32()),
      b: vectorFromArray(['x', 'x', 'y', 'z'], new Utf8()),
      v: vectorFromArray([10, 11, 20, 30], new Float64()),
    });
    const right = new Table({
      b: vectorFromArray(['x', 'x', 'y', 'y'], new Utf8()),
      a: vectorFromArray([1, 1, 9, 2], new Float64()),
      w: vectorFromArray(['p', 'q', 'r', 's'], new Utf8()),
    });
    const { outputs, warnings } = await runNode(node, { in: left, right }, { on: ['a', 'b'], how: 'inner' });
    const out = outputs.out as Table;
    expect(rows(out)).toEqual([
      { a: 1, b: 'x', v: 10, w: 'p' },
      { a: 1, b: 'x', v: 10, w: 'q' },
      { a: 1, b: 'x', v: 11, w: 'p' },
      { a: 1, b: 'x', v: 11, w: 'q' },
      { a: 2, b: 'y', v: 20, w: 's' },
    ]);
    expect(warnings).toEqual([
      '3 of 4 left rows found a match; 1 was left out. Some keys appear several times in the right table, so 2 extra rows were added.',
    ]);
    expectIpcRoundTrip(out);
  });

  it('matches numbers and text keys by their text, and handles an empty right table', async () => {
    const left = new Table({ id: vectorFromArray([7, 8], new Int32()) });
    const right = new Table({ id: vectorFromArray(['8'], new Utf8()), n: vectorFromArray([1.5], new Float64()) });
    expect(rows((await runNode(node, { in: left, right }, { on: ['id'] })).outputs.out as Table)).toEqual([
      { id: 7, n: null },
      { id: 8, n: 1.5 },
    ]);
    const empty = new Table({ id: vectorFromArray([], new Utf8()), n: vectorFromArray([], new Float64()) });
    const out = (await runNode(node, { in: left, right: empty }, { on: ['id'] })).outputs.out as Table;
    expect(rows(out)).toEqual([
      { id: 7, n: null },
      { id: 8, n: null },
    ]);
    expectIpcRoundTrip(out);
  });

  it('explains problems in both languages', async () => {
    await expect(runNode(node, { in: users() }, { on: ['user'] })).rejects.toThrow(/Nothing is connected to the input "right"/);
    await expect(runNode(node, { in: users(), right: features() }, {})).rejects.toMatchObject({
      message: expect.stringMatching(/Choose the key columns/),
      vi: expect.stringMatching(/Hãy chọn các cột khoá/),
    });
    await expect(runNode(node, { in: users(), right: features() }, { on: ['posts'] })).rejects.toMatchObject({
      message: expect.stringMatching(/^The left table has no column "posts" to join on/),
      vi: expect.stringMatching(/^Bảng trái không có cột "posts"/),
    });
    await expect(runNode(node, { in: features(), right: users() }, { on: ['posts'] })).rejects.toThrow(
      /^The right table has no column "posts"/,
    );
  });
});
