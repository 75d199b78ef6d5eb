/**
 * Column names come from the user's data, so nodes must not build tables from plain objects: an
 * object moves a column named "2019" to the front and turns "__proto__" into its prototype.
 */
import { Float64, Utf8, vectorFromArray, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import aggregate from '../../../nodes/feature.aggregate';
import missing from '../../../nodes/clean.missing';
import join from '../../../nodes/feature.join';
import profile from '../../../nodes/cluster.profile';
import { tableOfNamed } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { rows } from '../../helpers/tables';

const names = (t: Table) => t.schema.fields.map((f) => f.name);
const num = (v: (number | null)[]) => vectorFromArray(v, new Float64());
const str = (v: (string | null)[]) => vectorFromArray(v, new Utf8());

describe('nodes keep data-given column names and their order', () => {
  it('feature.aggregate: a key column named "__proto__" is kept as the first column, values summed per key', async () => {
    const table = tableOfNamed(['__proto__', 'spend'], [str(['a', 'b', 'a']), num([1, 2, 3])]);
    const out = (await runNode(aggregate, { in: table }, { by: '__proto__', values: ['spend'], distinct: [], time: '', type: '' })).outputs
      .out as Table;
    expect(names(out)).toEqual(['__proto__', 'interactions', 'sum_spend', 'mean_spend']);
    expect(out.getChild('__proto__')!.toArray()).toEqual(['a', 'b']);
    expect(out.getChild('sum_spend')!.toArray()).toEqual(Float64Array.from([4, 2]));
  });

  it('clean.missing: filling "__proto__" and "2019" keeps both in place, and dropping an empty column keeps the order', async () => {
    const table = tableOfNamed(
      ['name', '2019', '__proto__', 'empty'],
      [str(['x', 'y', 'z']), num([1, null, 3]), num([null, 4, 6]), num([null, null, null])],
    );
    const out = (await runNode(missing, { in: table }, { strategy: 'fill', fill: 'mean' })).outputs.out as Table;
    expect(names(out)).toEqual(['name', '2019', '__proto__']);
    expect(out.getChild('2019')!.toArray()).toEqual(Float64Array.from([1, 2, 3]));
    expect(out.getChild('__proto__')!.toArray()).toEqual(Float64Array.from([5, 4, 6]));
  });

  it('feature.join: right columns named "2019" and "constructor" are added after the left ones, a clash gets _right', async () => {
    const left = tableOfNamed(['id', 'constructor'], [str(['a', 'b']), num([1, 2])]);
    const right = tableOfNamed(['id', '2019', 'constructor'], [str(['b', 'a']), num([20, 10]), num([7, 8])]);
    const out = (await runNode(join, { in: left, right }, { on: ['id'] })).outputs.out as Table;
    expect(names(out)).toEqual(['id', 'constructor', '2019', 'constructor_right']);
    expect(rows(out)).toEqual([
      { id: 'a', constructor: 1, 2019: 10, constructor_right: 8 },
      { id: 'b', constructor: 2, 2019: 20, constructor_right: 7 },
    ]);
  });

  it('cluster.profile: per-feature columns follow the chosen feature order, also for "2019"', async () => {
    const n = 40;
    const seg = Array.from({ length: n }, (_, i) => (i < 20 ? 0 : 1));
    const table = tableOfNamed(
      ['spend', '2019', 'segment'],
      [num(seg.map((s, i) => s * 10 + (i % 3))), num(seg.map((s, i) => 5 - s + (i % 2))), vectorFromArray(seg)],
    );
    const out = (await runNode(profile, { in: table }, { columns: ['spend', '2019'] })).outputs.out as Table;
    expect(names(out).slice(0, 9)).toEqual([
      'segment',
      'size',
      'share',
      'mean_spend',
      'lift_spend',
      'z_spend',
      'mean_2019',
      'lift_2019',
      'z_2019',
    ]);
  });
});
