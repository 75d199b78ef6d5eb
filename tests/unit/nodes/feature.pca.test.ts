import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromArrays, type Table } from 'apache-arrow';
import { PCA } from 'ml-pca';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.pca';
import { toFloat64 } from '../../../src/core/table';
import { expectIpcRoundTrip } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const DATA = path.resolve(process.cwd(), '../shared/data');
const COLS = ['Age', 'Annual Income (k$)', 'Spending Score (1-100)'];

function mall(): Table {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(DATA, 'mall_customers/Mall_Customers.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  return tableFromArrays({ Gender: parsed.data.map((r) => r.Gender), ...Object.fromEntries(COLS.map((c) => [c, Float64Array.from(parsed.data, (r) => Number(r[c]))])) });
}

describe('feature.pca', () => {
  for (const components of [2, 3]) {
    it(`matches ml-pca up to sign on Mall Customers (${components} components)`, async () => {
      const table = mall();
      const { outputs } = await runNode(node, { in: table }, { columns: COLS, components });
      const out = outputs.out as Table;
      const points = Array.from({ length: table.numRows }, (_, i) => COLS.map((c) => table.getChild(c)!.get(i) as number));
      const ref = new PCA(points);
      const proj = ref.predict(points, { nComponents: components }).to2DArray();
      for (let r = 0; r < components; r++) {
        const ours = toFloat64(out.getChild(`pc${r + 1}`)!);
        const sign = Math.sign(ours[0]) === Math.sign(proj[0][r]) ? 1 : -1;
        ours.forEach((v, i) => expect(v).toBeCloseTo(sign * proj[i][r], 8));
      }
      const explained = outputs.explained as Table;
      const share = toFloat64(explained.getChild('share')!);
      ref.getExplainedVariance().forEach((v, r) => expect(share[r]).toBeCloseTo(v, 10));
      expect(toFloat64(explained.getChild('cumulative')!)[2]).toBeCloseTo(1, 12);
      expect(out.schema.fields.map((f) => f.name)).toEqual(['Gender', ...COLS, ...Array.from({ length: components }, (_, r) => `pc${r + 1}`)]);
      expectIpcRoundTrip(out);
    });
  }

  it('recovers a known direction and is deterministic in sign', async () => {
    const n = 500, t = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 10);
    const table = tableFromArrays({ a: t, b: Float64Array.from(t, (v, i) => 2 * v + Math.cos(i) * 0.1), c: Float64Array.from({ length: n }, (_, i) => Math.cos(i * 3.1)) });
    const { outputs } = await runNode(node, { in: table }, {});
    const explained = outputs.explained as Table;
    expect(toFloat64(explained.getChild('share')!)[0]).toBeGreaterThan(0.98);
    expect(explained.getChild('main_columns')!.get(0)).toMatch(/^b \+0\.89/);
  });

  it('explains problems in plain words', async () => {
    await expect(runNode(node, { in: mall() }, { columns: ['Age'] })).rejects.toThrow(/at least 2 numeric columns/);
    await expect(runNode(node, { in: mall() }, { columns: ['Gender', 'Age'] })).rejects.toThrow(/holds text/);
  });
});
