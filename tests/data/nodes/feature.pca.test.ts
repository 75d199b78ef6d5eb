import { readFileSync } from 'node:fs';
import { tableFromArrays, type Table } from 'apache-arrow';
import { PCA } from 'ml-pca';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.pca';
import { toFloat64 } from '../../../src/core/table/table';
import { expectIpcRoundTrip } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData('mall_customers/Mall_Customers.csv');
const COLS = ['Age', 'Annual Income (k$)', 'Spending Score (1-100)'];

function mall(): Table {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(data.path('mall_customers/Mall_Customers.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return tableFromArrays({
    Gender: parsed.data.map((r) => r.Gender),
    ...Object.fromEntries(COLS.map((c) => [c, Float64Array.from(parsed.data, (r) => Number(r[c]))])),
  });
}

describe.skipIf(!data.available)('feature.pca', () => {
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
      expect(out.schema.fields.map((f) => f.name)).toEqual([
        'Gender',
        ...COLS,
        ...Array.from({ length: components }, (_, r) => `pc${r + 1}`),
      ]);
      expectIpcRoundTrip(out);
    });
  }

  it('explains problems in plain words', async () => {
    await expect(runNode(node, { in: mall() }, { columns: ['Age'] })).rejects.toThrow(/at least 2 numeric columns/);
    await expect(runNode(node, { in: mall() }, { columns: ['Gender', 'Age'] })).rejects.toThrow(/holds text/);
  });
});
