import {
  Bool,
  Float64,
  Int32,
  Int64,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  tableFromArrays,
  vectorFromArray,
  Table,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readParquet, writeParquet } from '../../../../src/core/io/parquet';
import { NodeError } from '../../../../src/core/contract/errors';
import type { Text } from '../../../../src/core/contract/i18n';
import ingestSample from '../../../../nodes/ingest.sample';
import { runNode } from '../../../helpers/run-node';
import { expectIpcRoundTrip, expectTablesEqual, rows } from '../../../helpers/tables';

const ts = (ms: (number | null)[]) => vectorFromArray(ms, new TimestampMillisecond());

describe('Parquet round trip (table → parquet → table)', () => {
  it('keeps numbers, text (Vietnamese, empty and missing), yes/no values and timestamps', async () => {
    const table = new Table({
      score: vectorFromArray([1.5, null, -3, 1e300, 0], new Float64()),
      name: vectorFromArray(['Nguyễn Thị Ánh', 'Bob', null, '', 'Trần Đức'], new Utf8()),
      vip: vectorFromArray([true, false, null, true, false], new Bool()),
      seen: ts([Date.UTC(2024, 0, 2, 3, 4, 5), null, 0, Date.UTC(1969, 6, 20), Date.UTC(2030, 11, 31, 23, 59, 59, 999)]),
    });
    const bytes = await writeParquet(table);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('PAR1');
    const back = await readParquet(bytes);
    expectTablesEqual(back, table);
    expectIpcRoundTrip(back);
  });

  it('integers come back as Float64 with the same values; dictionary text as plain text', async () => {
    const table = new Table({
      hour: makeVector(makeData({ type: new Int32(), length: 3, nullCount: 0, data: new Int32Array([0, 7, 23]) })),
      big: vectorFromArray([1n, -2n, null], new Int64()),
      channel: vectorFromArray(['web', 'app', 'web']),
    });
    const back = await readParquet(await writeParquet(table));
    expect(back.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['hour:Float64', 'big:Float64', 'channel:Utf8']);
    expect(rows(back)).toEqual([
      { hour: 0, big: 1, channel: 'web' },
      { hour: 7, big: -2, channel: 'app' },
      { hour: 23, big: null, channel: 'web' },
    ]);
  });

  it('an empty table and a table of 250,000 rows (several row groups, with progress)', async () => {
    const empty = tableFromArrays({ a: new Float64Array(0) });
    expect((await readParquet(await writeParquet(empty))).numRows).toBe(0);
    const n = 250_000;
    const big = tableFromArrays({
      i: Float64Array.from({ length: n }, (_, i) => i),
      s: Array.from({ length: n }, (_, i) => `u${i % 997}`),
    });
    const fractions: number[] = [];
    const back = await readParquet(await writeParquet(big), {
      progress: async (f) => {
        fractions.push(f);
      },
    });
    expect(back.numRows).toBe(n);
    expect(back.getChild('i')!.get(n - 1)).toBe(n - 1);
    expect(back.getChild('s')!.get(1000)).toBe('u3');
    expect(fractions.length).toBeGreaterThanOrEqual(3);
  });

  it('the sample interactions survive the round trip (hour becomes Float64)', async () => {
    const sample = (await runNode(ingestSample, {}, { size: 2000 })).outputs.out as Table;
    const back = await readParquet(await writeParquet(sample));
    expect(back.numRows).toBe(2000);
    expect(back.schema.fields.map((f) => f.name)).toEqual(sample.schema.fields.map((f) => f.name));
    expect(rows(back)).toEqual(rows(sample));
  });
});

describe('readParquet: types and problems', () => {
  it('INT64 beyond 2^53 is read as a rounded number with a bilingual note', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'id', type: 'INT64', data: [2n ** 60n, 5n] },
        { name: 'day', data: [new Date(Date.UTC(2024, 4, 1)), null], type: 'TIMESTAMP' },
      ],
    });
    const notes: Text[] = [];
    const back = await readParquet(new Uint8Array(buf), { warn: (m) => notes.push(m) });
    expect(back.getChild('id')!.get(0)).toBe(2 ** 60);
    expect(back.getChild('day')!.type.toString()).toBe('Timestamp<MILLISECOND>');
    expect(back.getChild('day')!.get(0)).toBe(Date.UTC(2024, 4, 1));
    expect(notes).toHaveLength(1);
    expect(notes[0].en).toMatch(/Column "id": 1 whole number\(s\) are larger than 2\^53/);
    expect(notes[0].vi).toMatch(/Cột "id"/);
  });

  it('nested values become JSON text', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const buf = parquetWriteBuffer({ columnData: [{ name: 'tags', type: 'JSON', data: [{ a: [1, 2] }, null] }] });
    expect(rows(await readParquet(new Uint8Array(buf)))).toEqual([{ tags: '{"a":[1,2]}' }, { tags: null }]);
  });

  it('a truncated or fake file fails with a plain message in both languages', async () => {
    const good = await writeParquet(tableFromArrays({ a: new Float64Array([1, 2, 3]) }));
    for (const bad of [new TextEncoder().encode('PAR1 not really'), good.subarray(0, good.length - 10)]) {
      const err = await readParquet(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NodeError);
      expect((err as NodeError).message).toMatch(/could not be read as Parquet/);
      expect((err as NodeError).vi).toMatch(/Không đọc được tệp này dưới dạng Parquet/);
    }
  });
});
