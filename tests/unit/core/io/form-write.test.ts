import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { paramFields } from '../../../../src/core/contract/form';
import { defineNode, type NodeDef } from '../../../../src/core/contract/node';
import { csvCell, toCsv, toJsonRows } from '../../../../src/core/io/write';
import { summarize } from '../../../../workers/summary';
import { NODE_TYPES } from '../../../../nodes/index';

const def = defineNode({
  type: 'test.form',
  version: 1,
  category: 'cluster',
  title: { en: 'T', vi: 'T' },
  description: { en: 'D', vi: 'D' },
  inputs: [],
  outputs: [],
  params: z.object({
    k: z
      .union([z.number().int().min(2).max(50), z.literal('auto')])
      .default(4)
      .meta({ label: { en: 'Segments', vi: 'Số phân khúc' } }),
    method: z
      .enum(['zscore', 'minmax'])
      .default('zscore')
      .meta({ options: { zscore: { en: 'Z-score', vi: 'Z-score' }, minmax: { en: 'Min–max', vi: 'Min–max' } } }),
    columns: z.array(z.string()).default([]).meta({ widget: 'columns', columnType: 'number' }),
    user: z.string().default('user_id').meta({ widget: 'column', port: 'right' }),
    on: z.boolean().default(true),
    rename: z.record(z.string(), z.string()).default({}),
  }),
  async run() {
    return {};
  },
}) as unknown as NodeDef;

describe('paramFields (the inspector form derived from zod)', () => {
  it('maps each param to a widget with its metadata and default', () => {
    const fields = Object.fromEntries(paramFields(def).map((f) => [f.key, f]));
    expect(fields.k).toMatchObject({ widget: 'number-or-auto', min: 2, max: 50, default: 4, label: { vi: 'Số phân khúc' } });
    expect(fields.method).toMatchObject({ widget: 'enum', options: [{ value: 'zscore', label: { en: 'Z-score' } }, { value: 'minmax' }] });
    expect(fields.columns).toMatchObject({ widget: 'columns', columnType: 'number', port: 'in' });
    expect(fields.user).toMatchObject({ widget: 'column', port: 'right', default: 'user_id' });
    expect(fields.on).toMatchObject({ widget: 'boolean', default: true, label: { en: 'on' } });
    expect(fields.rename.widget).toBe('keyvalue');
  });

  it('works for every registered node, with bilingual labels on every param', () => {
    for (const node of NODE_TYPES) {
      for (const f of paramFields(node)) {
        expect(f.label.en, `${node.type}.${f.key}`).toBeTruthy();
        expect(f.label.vi, `${node.type}.${f.key}`).toBeTruthy();
      }
      expect(node.title.vi && node.description.vi, node.type).toBeTruthy();
    }
  });
});

describe('writing tables', () => {
  it('escapes spreadsheet formulas and quotes CSV cells', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('@user')).toBe("'@user");
    expect(csvCell('-1')).toBe('-1'); // a plain number is not a formula
    expect(csvCell('-1 x')).toBe("'-1 x");
    expect(csvCell("'=x")).toBe("''=x"); // guarded again, so reading it back gives '=x
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(NaN)).toBe('');
  });

  it('writes CSV and JSON rows', () => {
    const t = tableFromArrays({ name: ['An', 'Bình, Hà Nội'], n: Float64Array.from([1, 2.5]) });
    expect(toCsv(t)).toBe('\uFEFFname,n\nAn,1\n"Bình, Hà Nội",2.5\n');
    expect(JSON.parse(toJsonRows(t))).toEqual([
      { name: 'An', n: 1 },
      { name: 'Bình, Hà Nội', n: 2.5 },
    ]);
  });
});

describe('column summaries for the data panel', () => {
  it('gives range, mean and missing for numbers, distinct and top values for text', () => {
    const t = tableFromArrays({ n: Float64Array.from([1, NaN, 3]), s: ['a', 'b', 'a'] });
    const [n, s] = summarize(t);
    expect(n).toMatchObject({ kind: 'number', min: 1, max: 3, mean: 2 });
    expect(s).toMatchObject({
      kind: 'string',
      missing: 0,
      distinct: 2,
      top: [
        { value: 'a', count: 2 },
        { value: 'b', count: 1 },
      ],
    });
  });

  it('says when a text column has more distinct values than it counted', () => {
    const many = tableFromArrays({ id: Array.from({ length: 100_050 }, (_, i) => `u${i}`) });
    const [id] = summarize(many);
    expect(id.distinct).toBe(100_000);
    expect(id.distinctCapped).toBe(true);
    expect(summarize(tableFromArrays({ s: ['a', 'b'] }))[0].distinctCapped).toBeUndefined();
  });
});
