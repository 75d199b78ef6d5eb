import { readFileSync } from 'node:fs';
import { Table, tableFromArrays } from 'apache-arrow';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/clean.missing';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData('marketing_campaign_customer_personality/marketing_campaign.csv', 'fb_live_sellers_thailand/Live.csv');

/** A CSV parsed simply: numeric columns become Float64 (blank → NaN), others text (blank → null). */
function csv(file: string, delimiter: string, numeric: string[]): Table {
  const text = readFileSync(data.path(file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true });
  const fields = parsed.meta.fields!.map((f, i) => f || `column_${i}`);
  const cols: Record<string, Float64Array | (string | null)[]> = {};
  parsed.meta.fields!.forEach((f, i) => {
    cols[fields[i]] = numeric.includes(f)
      ? Float64Array.from(parsed.data, (r) => (r[f]?.trim() ? Number(r[f]) : NaN))
      : parsed.data.map((r) => (r[f]?.trim() ? r[f] : null));
  });
  return tableFromArrays(cols as Record<string, Float64Array | string[]>);
}

describe.skipIf(!data.available)('clean.missing', () => {
  it('drops the 24 customers without an income in the marketing campaign data', async () => {
    const t = csv('marketing_campaign_customer_personality/marketing_campaign.csv', ';', ['Income', 'Year_Birth', 'MntWines']);
    const nan = Array.from(toFloat64(t.getChild('Income')!)).filter(Number.isNaN).length;
    expect(nan).toBe(24);
    const { outputs, warnings } = await runNode(node, { in: t }, { columns: ['Income'] });
    expect((outputs.out as Table).numRows).toBe(t.numRows - 24);
    expect(warnings.join(' ')).toMatch(/Removed 24 of 2240 rows/);
    const filled = (await runNode(node, { in: t }, { columns: ['Income'], strategy: 'fill' })).outputs.out as Table;
    const inc = toFloat64(filled.getChild('Income')!);
    const known = Array.from(toFloat64(t.getChild('Income')!)).filter((v) => !Number.isNaN(v));
    expect(inc.every((v) => !Number.isNaN(v))).toBe(true);
    const nanIdx = Array.from(toFloat64(t.getChild('Income')!)).findIndex(Number.isNaN);
    expect(inc[nanIdx]).toBeCloseTo(known.reduce((a, b) => a + b, 0) / known.length, 6);
  });

  it('removes the empty trailing columns of the Facebook live sellers export', async () => {
    const t = csv('fb_live_sellers_thailand/Live.csv', ',', ['num_reactions', 'num_comments']);
    const { outputs, warnings } = await runNode(node, { in: t }, {});
    const out = outputs.out as Table;
    expect(t.numCols - out.numCols).toBe(4);
    expect(out.numRows).toBe(t.numRows);
    expect(warnings.join(' ')).toMatch(/Removed 4 completely empty columns/);
  });
});
