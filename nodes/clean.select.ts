import { z } from 'zod';
import { NodeError } from '../src/core/contract/errors';
import { defineNode } from '../src/core/contract/node';
import { requireColumn, requireTable } from '../src/core/table/table';
import { Table, type Vector } from 'apache-arrow';
import { ident, sqlColumn } from '../src/core/sql/quote';
import { columnsParam, tableIn, tableOut } from './kit';

/** Keeps the chosen columns, in the chosen order, and renames some of them. */
export default defineNode({
  type: 'clean.select',
  version: 1,
  category: 'clean',
  title: { en: 'Select columns', vi: 'Chọn cột' },
  description: {
    en: 'Keep only the columns you need, in the order you want, and rename them.',
    vi: 'Chỉ giữ các cột cần dùng, theo thứ tự mong muốn, và đổi tên cột.',
  },
  inputs: [tableIn()],
  outputs: [tableOut()],
  params: z.object({
    columns: columnsParam(
      'any',
      { en: 'Columns to keep', vi: 'Các cột giữ lại' },
      { help: { en: 'Empty keeps every column.', vi: 'Để trống để giữ mọi cột.' } },
    ),
    rename: z
      .record(z.string(), z.string())
      .default({})
      .meta({
        label: { en: 'Rename (old → new)', vi: 'Đổi tên (cũ → mới)' },
        widget: 'keyvalue',
      }),
  }),
  maxRows: (_p, [n]) => n ?? null,
  async run(inputs, params) {
    const table = requireTable(inputs);
    const names = params.columns.length ? params.columns : table.schema.fields.map((f) => f.name);
    const out: Record<string, Vector> = {};
    for (const name of names) {
      const vector = requireColumn(table, name);
      const renamed = Object.hasOwn(params.rename, name) ? params.rename[name] : name;
      if (!renamed.trim()) throw new NodeError({ en: `The new name for "${name}" is empty.`, vi: `Tên mới của "${name}" đang để trống.` });
      if (renamed in out) {
        throw new NodeError({
          en: `Two columns would both be called "${renamed}". Give them different names.`,
          vi: `Hai cột sẽ cùng tên "${renamed}". Hãy đặt tên khác nhau.`,
        });
      }
      out[renamed] = vector;
    }
    for (const old of Object.keys(params.rename)) requireColumn(table, old);
    return { out: new Table(out) };
  },
  sql: {
    build(params, ctx) {
      const input = ctx.inputs.in;
      if (!input) return null;
      const names = params.columns.length ? params.columns : input.columns.map((c) => c.name);
      const seen = new Set<string>();
      const list = names.map((name) => {
        sqlColumn(input, name);
        const renamed = Object.hasOwn(params.rename, name) ? params.rename[name] : name;
        if (!renamed.trim())
          throw new NodeError({ en: `The new name for "${name}" is empty.`, vi: `Tên mới của "${name}" đang để trống.` });
        if (seen.has(renamed))
          throw new NodeError({
            en: `Two columns would both be called "${renamed}". Give them different names.`,
            vi: `Hai cột sẽ cùng tên "${renamed}". Hãy đặt tên khác nhau.`,
          });
        seen.add(renamed);
        return `${ident(name)} AS ${ident(renamed)}`;
      });
      for (const old of Object.keys(params.rename)) sqlColumn(input, old);
      return `SELECT ${list.join(', ')} FROM ${input.relation}`;
    },
  },
  scale: 'rows',
});
