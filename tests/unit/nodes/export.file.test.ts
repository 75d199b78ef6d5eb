import { Float64, Table, Utf8, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node, { exportBytes, exportName } from '../../../nodes/export.file';
import { readParquet } from '../../../src/core/io/parquet';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';

const input = () =>
  new Table({
    name: vectorFromArray(['=HYPERLINK("x")', '+84 912', '-1', '@an', 'Đẹp, "quá"', null], new Utf8()),
    spend: vectorFromArray([1.5, NaN, -2, 0, 1e3, 7], new Float64()),
  });
const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

describe('export.file', () => {
  it('passes its table on unchanged and says how to download it', async () => {
    const t = input();
    const { outputs, warnings, notes } = await runNode(node, { in: t }, { name: 'khách hàng/VIP' });
    expect(outputs.out).toBe(t);
    expect(warnings).toEqual(['6 rows ready to save as "khách hàng_VIP.csv": press Download in the data panel.']);
    expect(notes[0].vi).toMatch(/bấm Tải xuống/);
    expectIpcRoundTrip(outputs.out as Table);
    await expect(runNode(node, {}, {})).rejects.toThrow(/Nothing is connected to the input "in"/);
  });

  it('names files safely with the right extension', () => {
    expect(exportName('results.csv', 'csv')).toBe('results.csv');
    expect(exportName('results.csv', 'parquet')).toBe('results.parquet');
    expect(exportName('  ', 'json')).toBe('audience.json');
    expect(exportName('a:b*c?', 'arrow')).toBe('a_b_c_.arrow');
  });

  it('CSV: UTF-8 with BOM for spreadsheets, formula-like cells escaped, quotes doubled, missing empty', async () => {
    const { bytes, name, mime } = await exportBytes(input(), 'csv', 'out');
    expect(name).toBe('out.csv');
    expect(mime).toMatch(/^text\/csv/);
    expect(decode(bytes)).toBe(
      ['\uFEFFname,spend', `"'=HYPERLINK(""x"")",1.5`, "'+84 912,", '-1,-2', "'@an,0", '"Đẹp, ""quá""",1000', ',7', ''].join('\n'),
    );
  });

  it('JSON rows, Arrow file and Parquet keep the values', async () => {
    const json = JSON.parse(decode((await exportBytes(input(), 'json')).bytes));
    expect(json[4]).toEqual({ name: 'Đẹp, "quá"', spend: 1000 });
    expect(json).toHaveLength(6);
    const arrow = tableFromIPC((await exportBytes(input(), 'arrow')).bytes);
    expect(rows(arrow)).toEqual(rows(input()));
    const parquet = await exportBytes(input(), 'parquet', 'p');
    expect(parquet.name).toBe('p.parquet');
    const back = await readParquet(parquet.bytes);
    expect(back.getChild('name')!.toArray()).toEqual(input().getChild('name')!.toArray());
    expect(Array.from(back.getChild('spend')!.toArray() as Float64Array)).toEqual([1.5, NaN, -2, 0, 1000, 7]);
  });
});
