import { readFileSync } from 'node:fs';
import { Type, type Table } from 'apache-arrow';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/ingest.file';
import type { NodeDef } from '../../../src/core/contract/node';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip } from '../../helpers/tables';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData(
  'fb_live_sellers_thailand/Live.csv',
  'mall_customers/Mall_Customers.csv',
  'marketing_campaign_customer_personality/marketing_campaign.csv',
  'uci_facebook_metrics/dataset_Facebook.csv',
  'uci_online_shoppers_intention/online_shoppers_intention.csv',
  'uci_sentiment_labelled_sentences/amazon_cells_labelled.txt',
  'uci_sentiment_labelled_sentences/yelp_labelled.txt',
  'uci_sentiment_labelled_sentences/imdb_labelled.txt',
  'uit_visfd/Dev.csv',
);
const def = node as unknown as NodeDef;

async function ingest(files: Record<string, Uint8Array | string>, params: Record<string, unknown>) {
  const r = await runNode(def, {}, params, { files });
  return { table: r.outputs.out as Table, warnings: r.warnings, progress: r.progress };
}
const load = (rel: string) => ingest({ [rel]: readFileSync(data.path(rel)) }, { path: rel });
const types = (t: Table) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

/**
 * Compares a table cell by cell with papaparse's reading of the same file. Documented differences:
 * empty cells, NA/NaN/null and blanks are missing in number columns; text keeps its exact
 * characters (papaparse's untyped reading), so "00123" stays text; yes/no values ignore case.
 */
function expectSameAsPapa(table: Table, rel: string, delimiter: string, header: boolean): number {
  const text = readFileSync(data.path(rel), 'utf8').replace(/^\uFEFF/, '');
  const typed = Papa.parse<unknown[]>(text, { delimiter, dynamicTyping: true, skipEmptyLines: true }).data;
  const raw = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
  const body = header ? 1 : 0;
  expect(table.numRows).toBe(raw.length - body);
  if (header) expect(table.schema.fields.map((f) => f.name)).toEqual(raw[0].map((h, i) => h.trim() || `Column ${i + 1}`));
  let cells = 0;
  table.schema.fields.forEach((field, c) => {
    const vector = table.getChildAt(c)!;
    for (let r = 0; r < table.numRows; r++) {
      const ours = vector.get(r);
      const t = typed[r + body][c],
        s = raw[r + body][c] ?? '';
      const where = `${rel} row ${r + 1} column "${field.name}"`;
      if (field.typeId === Type.Float) {
        if (typeof t === 'number') expect(ours, where).toBe(t);
        else
          expect(
            [
              ours,
              String(t ?? '')
                .trim()
                .toLowerCase(),
            ],
            where,
          ).toEqual([null, expect.stringMatching(/^(|na|n\/a|nan|null|none|#n\/a)$/)]);
      } else if (field.typeId === Type.Bool) {
        expect(ours, where).toBe(s.trim() === '' ? null : s.trim().toLowerCase() === 'true');
      } else {
        expect(ours, where).toBe(s === '' ? null : s);
      }
      cells++;
    }
  });
  return cells;
}

describe.skipIf(!data.available)('ingest.file on real exports, checked against papaparse', () => {
  it('Live.csv: BOM, 7,050 rows, 16 columns of which 4 are empty', async () => {
    const { table, warnings } = await load('fb_live_sellers_thailand/Live.csv');
    expect(table.numRows).toBe(7050);
    expect(table.numCols).toBe(16);
    expect(table.schema.fields[0].name).toBe('status_id');
    expect(types(table).slice(0, 4)).toEqual(['status_id:Utf8', 'status_type:Utf8', 'status_published:Utf8', 'num_reactions:Float64']);
    for (const name of ['Column1', 'Column2', 'Column3', 'Column4']) expect(table.getChild(name)!.nullCount).toBe(7050);
    expect(warnings).toEqual([]);
    expect(expectSameAsPapa(table, 'fb_live_sellers_thailand/Live.csv', ',', true)).toBe(7050 * 16);
    expectIpcRoundTrip(table);
  });

  it('dataset_Facebook.csv: ";"-separated with blanks', async () => {
    const { table } = await load('uci_facebook_metrics/dataset_Facebook.csv');
    expect([table.numRows, table.numCols]).toEqual([500, 19]);
    expect(table.getChild('Type')!.type.typeId).toBe(Type.Utf8);
    expect(table.getChild('like')!.nullCount).toBeGreaterThan(0);
    expectSameAsPapa(table, 'uci_facebook_metrics/dataset_Facebook.csv', ';', true);
    expectIpcRoundTrip(table);
  });

  it('Mall_Customers.csv', async () => {
    const { table } = await load('mall_customers/Mall_Customers.csv');
    expect(types(table)).toEqual([
      'CustomerID:Float64',
      'Gender:Utf8',
      'Age:Float64',
      'Annual Income (k$):Float64',
      'Spending Score (1-100):Float64',
    ]);
    expect(expectSameAsPapa(table, 'mall_customers/Mall_Customers.csv', ',', true)).toBe(1000);
    expectIpcRoundTrip(table);
  });

  it('marketing_campaign.csv: BOM, ";"-separated (as its README says), missing incomes', async () => {
    const { table } = await load('marketing_campaign_customer_personality/marketing_campaign.csv');
    expect([table.numRows, table.numCols]).toEqual([2240, 29]);
    expect(table.getChild('Income')!.nullCount).toBe(24);
    expect(table.getChild('Dt_Customer')!.type.typeId).toBe(Type.Utf8);
    expectSameAsPapa(table, 'marketing_campaign_customer_personality/marketing_campaign.csv', ';', true);
    expectIpcRoundTrip(table);
  });

  it('sentiment sentences: tab-separated, no header', async () => {
    for (const rel of [
      'uci_sentiment_labelled_sentences/amazon_cells_labelled.txt',
      'uci_sentiment_labelled_sentences/yelp_labelled.txt',
    ]) {
      const { table } = await load(rel);
      expect(types(table)).toEqual(['Column 1:Utf8', 'Column 2:Float64']);
      expect(expectSameAsPapa(table, rel, '\t', false)).toBe(2000);
      expectIpcRoundTrip(table);
    }
  });

  it('IMDb sentences: a stray opening quote is reported with its line instead of swallowing rows', async () => {
    await expect(load('uci_sentiment_labelled_sentences/imdb_labelled.txt')).rejects.toThrow(/opened on line 20 is never closed/);
  });

  it('Vietnamese comments: quoted multi-line fields, \\r\\n', async () => {
    const { table } = await load('uit_visfd/Dev.csv');
    expect(types(table)).toEqual(['index:Float64', 'comment:Utf8', 'n_star:Float64', 'date_time:Utf8', 'label:Utf8']);
    expectSameAsPapa(table, 'uit_visfd/Dev.csv', ',', true);
    expectIpcRoundTrip(table);
  });

  it('online shoppers: TRUE/FALSE columns become yes/no values', async () => {
    const { table } = await load('uci_online_shoppers_intention/online_shoppers_intention.csv');
    expect(table.getChild('Revenue')!.type.typeId).toBe(Type.Bool);
    expectSameAsPapa(table, 'uci_online_shoppers_intention/online_shoppers_intention.csv', ',', true);
    expectIpcRoundTrip(table);
  });
});
