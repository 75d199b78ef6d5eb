import { readFileSync } from 'node:fs';
import { tableFromArrays, type Table } from 'apache-arrow';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.scale';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData('mall_customers/Mall_Customers.csv');

const col = (t: Table, name: string) => Array.from(toFloat64(t.getChild(name)!));

/** Straightforward reference implementations (numpy semantics: population std, linear quantiles). */
function reference(values: number[], method: string): number[] {
  const v = values.filter((x) => !Number.isNaN(x));
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  const s = [...v].sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = p * (s.length - 1),
      lo = Math.floor(pos);
    return s[lo] + (pos - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]);
  };
  return values.map((x) =>
    method === 'zscore'
      ? (x - mean) / std
      : method === 'minmax'
        ? (x - s[0]) / (s[s.length - 1] - s[0])
        : (x - q(0.5)) / (q(0.75) - q(0.25)),
  );
}

describe.skipIf(!data.available)('feature.scale', () => {
  it('matches a straightforward reference on real data', async () => {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(data.path('mall_customers/Mall_Customers.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    const keys = ['Age', 'Annual Income (k$)', 'Spending Score (1-100)'];
    const t = tableFromArrays(
      Object.fromEntries(keys.map((k) => [k, Float64Array.from(parsed.data, (r) => Number(r[k]))])) as Record<string, Float64Array>,
    );
    for (const method of ['zscore', 'minmax', 'robust']) {
      const out = (await runNode(node, { in: t }, { method })).outputs.out as Table;
      for (const k of keys) {
        const expected = reference(col(t, k), method);
        col(out, k).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 10));
      }
    }
  });
});
