/**
 * Small node types for executor tests: a source, a transform and a sink whose runs are counted,
 * declared through the real contract.
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { z } from 'zod';
import { NodeError } from '../../src/core/contract/errors';
import { defineNode, type NodeDef } from '../../src/core/contract/node';
import { floatVector, requireTable, toFloat64, withColumns } from '../../src/core/table/table';

export const runs: Record<string, number> = {};
const count = (id: string) => {
  runs[id] = (runs[id] ?? 0) + 1;
};

export const port = <N extends string>(name: N) => ({ name, kind: 'table' as const, title: { en: name, vi: name } });

export const source = defineNode({
  type: 'test.source',
  version: 1,
  category: 'ingest',
  title: { en: 'Source', vi: 'Nguồn' },
  description: { en: 'Numbers 0..n-1', vi: 'Số 0..n-1' },
  inputs: [],
  outputs: [port('out')],
  params: z.object({
    n: z
      .number()
      .int()
      .min(0)
      .max(1e7)
      .default(5)
      .meta({ label: { en: 'Rows', vi: 'Số dòng' } }),
  }),
  async run(_i, p) {
    count('test.source');
    return { out: tableFromArrays({ x: Float64Array.from({ length: p.n }, (_, i) => i) }) };
  },
});

export const times = defineNode({
  type: 'test.times',
  version: 1,
  category: 'feature',
  title: { en: 'Times', vi: 'Nhân' },
  description: { en: 'x × factor', vi: 'x × hệ số' },
  inputs: [port('in')],
  outputs: [port('out')],
  params: z.object({
    factor: z
      .number()
      .default(2)
      .meta({ label: { en: 'Factor', vi: 'Hệ số' } }),
  }),
  async run(inputs, p) {
    count('test.times');
    const t = requireTable(inputs);
    const x = toFloat64(t.getChild('x')!);
    return { out: withColumns(t, { x: floatVector(x.map((v) => v * p.factor)) }) };
  },
});

export const fail = defineNode({
  type: 'test.fail',
  version: 1,
  category: 'clean',
  title: { en: 'Fail', vi: 'Lỗi' },
  description: { en: 'Always fails', vi: 'Luôn lỗi' },
  inputs: [port('in')],
  outputs: [port('out')],
  params: z.object({}),
  async run() {
    count('test.fail');
    throw new NodeError({ en: 'The column "age" is not in the table.', vi: 'Bảng không có cột "age".' });
  },
});

/** Loops until cancelled, reporting progress. */
export const slow = defineNode({
  type: 'test.slow',
  version: 1,
  category: 'cluster',
  title: { en: 'Slow', vi: 'Chậm' },
  description: { en: 'Spins', vi: 'Quay' },
  inputs: [port('in')],
  outputs: [port('out')],
  params: z.object({}),
  async run(inputs, _p, ctx) {
    count('test.slow');
    const t: Table = requireTable(inputs);
    for (let i = 0; ; i++) {
      const until = performance.now() + 2;
      while (performance.now() < until) {
        /* work */
      }
      await ctx.progress(Math.min(0.99, i / 1000), { en: `step ${i}`, vi: `bước ${i}` });
      if (i > 100000) return { out: t };
    }
  },
});

/** Two inputs; `b` optional. */
export const join = defineNode({
  type: 'test.join',
  version: 1,
  category: 'feature',
  title: { en: 'Join', vi: 'Ghép' },
  description: { en: 'Rows of a', vi: 'Dòng của a' },
  inputs: [port('a'), { ...port('b'), optional: true }],
  outputs: [port('out'), { name: 'model', kind: 'model', title: { en: 'model', vi: 'model' } }],
  params: z.object({}),
  async run(inputs) {
    count('test.join');
    return {
      out: requireTable(inputs, 'a'),
      model: { kind: 'model', format: 'test.rows', version: 1, rows: requireTable(inputs, 'a').numRows },
    };
  },
});

export const TOY_NODES: NodeDef[] = [source, times, fail, slow, join];
export const toyRegistry = (type: string) => TOY_NODES.find((n) => n.type === type);
