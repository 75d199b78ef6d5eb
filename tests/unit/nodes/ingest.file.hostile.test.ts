/**
 * ingest.file / ingest.social / export.file against the hostile corpus (tests/fixtures/hostile):
 * every file either gives rows or a clear bilingual message on the node, within seconds.
 */
import { type Table, Utf8, Float64, Table as ArrowTable, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/ingest.file';
import social from '../../../nodes/ingest.social';
import { tableFromData } from '../../../src/core/table/arrow-build';
import type { NodeDef } from '../../../src/core/contract/node';
import { exportBytes, toCsv } from '../../../src/core/io/write';
import { runNode } from '../../helpers/run-node';
import {
  BIG_IDS,
  HOSTILE_CELLS,
  PROTO_NAMES,
  bigIntJson,
  damagedArrow,
  deepJson,
  deflatedWorkbook,
  oneLineCsv,
  protoRows,
  soundArrow,
  wideCsv,
  xlsxBomb,
} from '../../fixtures/hostile/build';

const def = node as unknown as NodeDef;
const socialDef = social as unknown as NodeDef;
/** Generous: a hang detector, not a benchmark. */
const BOUND_MS = 10_000;

async function timed<T>(run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  }
}

async function ingest(name: string, bytes: Uint8Array | string, params: Record<string, unknown> = {}) {
  const r = await timed(() => runNode(def, {}, { path: name, ...params }, { files: { [name]: bytes } }));
  return { table: r.outputs.out as Table, notes: r.notes };
}

/** The node's refusal: its English text matches `en`, and a Vietnamese text (with diacritics) exists. */
async function refusal(run: () => Promise<unknown>, en: RegExp): Promise<{ en: string; vi: string }> {
  let error: unknown;
  await timed(async () => {
    try {
      await run();
    } catch (err) {
      error = err;
    }
  });
  expect(error, 'expected the node to refuse').toBeInstanceOf(Error);
  const err = error as Error & { vi?: string };
  expect(err.name).toBe('NodeError');
  expect(err.message).toMatch(en);
  expect(err.vi).toBeTruthy();
  expect(err.vi).not.toBe(err.message);
  expect(err.vi).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  return { en: err.message, vi: err.vi! };
}
const refuse = (name: string, bytes: Uint8Array | string, en: RegExp, params: Record<string, unknown> = {}) =>
  refusal(() => runNode(def, {}, { path: name, ...params }, { files: { [name]: bytes } }), en);

const cells = (t: Table, name: string): unknown[] => {
  const index = t.schema.fields.findIndex((f) => f.name === name);
  expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
  return Array.from({ length: t.numRows }, (_, i) => t.getChildAt(index)!.get(i));
};

describe('wide and one-line CSV files', () => {
  it('20,000 columns are read, quickly', async () => {
    const { table } = await ingest('wide.csv', wideCsv(20_000, 3));
    expect(table.numCols).toBe(20_000);
    expect(table.numRows).toBe(3);
    expect(cells(table, 'c19999')).toEqual([99, 99, 99]);
  });

  it('more than 20,000 columns are refused with the count', async () => {
    const m = await refuse('wider.csv', wideCsv(25_000), /This file has 25,000 columns; at most 20,000 can be read/);
    expect(m.vi).toMatch(/25\.000 cột/);
    await refuse('widest.csv', wideCsv(100_000), /100,000 columns; at most 20,000/);
  });

  it('a 200 MB file that is one line of millions of values is refused within seconds', async () => {
    await refuse('one-line.csv', oneLineCsv(200 * 1024 * 1024), /This file has more than 1,000,000 columns; at most 20,000 can be read/);
  });

  it('JSON records with more than 20,000 keys are refused too', async () => {
    const keys = Array.from({ length: 20_001 }, (_, i) => `"k${i}":${i}`).join(',');
    await refuse('wide.json', `[{${keys}}]`, /20,001 columns; at most 20,000/);
  });
});

describe('Excel zip bombs', () => {
  it('a 4 MB workbook that inflates to 4 GiB while declaring 1 KB is refused while inflating', async () => {
    const bomb = xlsxBomb(4096, true);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    await refuse(
      'bomb.xlsx',
      bomb,
      /This Excel file is damaged or built to crash programs: the part "xl\/worksheets\/sheet1\.xml" unpacks to more data than the file says/,
    );
  });

  it('a workbook that honestly declares 1 GiB of sheet data is refused before inflating', async () => {
    const m = await refuse('big.xlsx', xlsxBomb(1024, false), /would unpack to 1,024 MB of sheet data .* at most 256 MB can be read/);
    expect(m.en).toMatch(/zip bomb/);
  });

  it('a normal deflated workbook still reads', async () => {
    const { table } = await ingest('ok.xlsx', deflatedWorkbook());
    expect(cells(table, 'name')).toEqual(['An', 'Bình']);
    expect(cells(table, 'n')).toEqual([1, 2]);
  });
});

describe('deep JSON', () => {
  it('10,000 levels deep is refused with a plain message, not a stack overflow', async () => {
    const m = await refuse('deep.json', deepJson(10_000), /This JSON is nested more than 1,000 levels deep \(near line 1, column \d+\)/);
    expect(m.en).not.toMatch(/call stack/i);
    await refuse('deep.ndjson', `{"a":1}\n{"v":${'['.repeat(5000)}${']'.repeat(5000)}}\n`, /nested more than 1,000 levels deep \(line 2\)/);
  });

  it('500 levels deep is read (the nested value becomes its JSON text)', async () => {
    const { table } = await ingest('ok.json', deepJson(500));
    expect(cells(table, 'v')[0]).toBe(`${'['.repeat(500)}${']'.repeat(500)}`);
  });

  it('a Facebook export nested 10,000 levels deep is refused the same way', async () => {
    const text = `{"data":[{"id":"1","comments":{"data":${'['.repeat(10_000)}${']'.repeat(10_000)}}}]}`;
    await refusal(
      () => runNode(socialDef, {}, { platform: 'facebook', path: 'fb.json' }, { files: { 'fb.json': text } }),
      /nested more than 1,000 levels deep/,
    );
  });
});

describe('column names that are Object.prototype members', () => {
  const files = protoRows();
  for (const [format, name, bytes] of [
    ['JSON', 'p.json', files.json],
    ['NDJSON', 'p.ndjson', files.ndjson],
    ['CSV', 'p.csv', files.csv],
    ['Excel', 'p.xlsx', files.xlsx],
  ] as const) {
    it(`${format}: every such column is kept, and a row without it is empty there`, async () => {
      const { table } = await ingest(name, bytes);
      expect(table.schema.fields.map((f) => f.name)).toEqual(['id', ...PROTO_NAMES]);
      expect(cells(table, 'id')).toEqual([1, 2]);
      PROTO_NAMES.forEach((n, i) => expect(cells(table, n)).toEqual([`v${i}`, null]));
    });
  }

  it('the first rows of the brief: {"valueOf":"a"} then a row without it', async () => {
    const { table } = await ingest('v.json', '[{"id":1,"valueOf":"a"},{"id":2}]');
    expect(cells(table, 'valueOf')).toEqual(['a', null]);
  });

  it('a social CSV whose type column says "constructor" keeps that word', async () => {
    const csv = 'user_id,timestamp,type\nu1,2024-01-01T10:00:00Z,constructor\nu2,2024-01-01T11:00:00Z,like\n';
    const r = await runNode(socialDef, {}, { platform: 'csv', path: 's.csv' }, { files: { 's.csv': csv } });
    expect(cells(r.outputs.out as Table, 'type')).toEqual(['constructor', 'reaction']);
  });

  it('JSON export keeps a column named __proto__', async () => {
    // (An object literal {__proto__: …} would set the prototype, so the table is built from a list of names.)
    const table = tableFromData(
      ['id', '__proto__'],
      [vectorFromArray([1, 2], new Float64()).data[0], vectorFromArray(['a', null], new Utf8()).data[0]],
      2,
    );
    expect(table.schema.fields.map((f) => f.name)).toContain('__proto__');
    const text = new TextDecoder().decode((await exportBytes(table, 'json')).bytes);
    expect(text).toBe('[{"id":1,"__proto__":"a"},{"id":2,"__proto__":null}]');
  });
});

describe('damaged Arrow files', () => {
  it('garbage offsets in the body are refused, not read as 5,000 empty texts', async () => {
    await refuse('bad.arrow', damagedArrow('offsets'), /This Arrow file is damaged: .*column "name": offsets that go backwards/);
  });

  it('text that is not UTF-8 is refused', async () => {
    await refuse('bad2.arrow', damagedArrow('utf8'), /This Arrow file is damaged: .*"name": text that is not valid UTF-8/);
  });

  it('a sound file with nulls, dictionaries, dates, booleans and lists reads unchanged', async () => {
    const bytes = soundArrow();
    const { table } = await ingest('ok.arrow', bytes);
    const direct = tableFromIPC(bytes);
    expect(table.numRows).toBe(1000);
    for (const f of direct.schema.fields) expect(JSON.stringify(cells(table, f.name))).toBe(JSON.stringify(cells(direct, f.name)));
  });
});

describe('integers beyond 2^53', () => {
  for (const [format, name] of [
    ['json', 'big.json'],
    ['ndjson', 'big.ndjson'],
  ] as const) {
    it(`${format}: kept as their exact digits (text), with a note`, async () => {
      const { table, notes } = await ingest(name, bigIntJson()[format]);
      expect(cells(table, 'id')).toEqual([...BIG_IDS]);
      expect(cells(table, 'n')).toEqual([0, 1, 2]);
      const note = notes.find((n) => /kept as text/.test(n.en));
      expect(note?.en).toMatch(/^3 whole number\(s\) have more digits than can be kept exactly \(such as 12345678901234567891\)/);
      expect(note?.vi).toMatch(/giữ dưới dạng văn bản/);
    });
  }

  it('2^53 itself and shorter numbers stay numbers, without a note', async () => {
    const { table, notes } = await ingest('ok.json', '[{"id":9007199254740991},{"id":-9007199254740991},{"id":1.2345678901234567890}]');
    expect(cells(table, 'id')).toEqual([9007199254740991, -9007199254740991, 1.2345678901234568]);
    expect(notes.some((n) => /kept as text/.test(n.en))).toBe(false);
  });
});

describe('export → ingest round trip', () => {
  const hostile = () =>
    new ArrowTable({
      text: vectorFromArray([...HOSTILE_CELLS, null], new Utf8()),
      n: vectorFromArray(HOSTILE_CELLS.map((_, i) => (i === 1 ? -1 : i - 5)).concat([NaN]), new Float64()),
    });

  it('hostile cells come back identical, and still cannot run as formulas in a spreadsheet', async () => {
    const table = hostile();
    const file = await exportBytes(table, 'csv', 'hostile');
    const text = new TextDecoder().decode(file.bytes);
    // Nothing in the file starts a cell with a formula character unless it is a plain number.
    for (const line of text
      .replace(/^\uFEFF/, '')
      .split('\n')
      .slice(1, -1)) {
      const first = line.startsWith('"') ? line.slice(1) : line;
      expect(/^[=+@\t\r]/.test(first) || (/^-/.test(first) && !/^-\d+(,|$)/.test(first)), line).toBe(false);
    }
    expect(text).toContain('\n-1,-1\n');
    const { table: back } = await ingest('hostile.csv', file.bytes);
    expect(cells(back, 'text')).toEqual([...HOSTILE_CELLS, null]);
    expect(cells(back, 'n')).toEqual(cells(table, 'n').map((v) => (Number.isNaN(v) ? null : v)));
  });

  it('a header named like a formula round-trips too', async () => {
    const table = new ArrowTable({ '=cmd': vectorFromArray(['a'], new Utf8()), "'@x": vectorFromArray(['b'], new Utf8()) });
    const { table: back } = await ingest('h.csv', (await exportBytes(table, 'csv')).bytes);
    expect(back.schema.fields.map((f) => f.name)).toEqual(['=cmd', "'@x"]);
  });

  it('the command line and the editor write the same CSV bytes (one writer, with the BOM)', async () => {
    const table = hostile();
    const editor = (await exportBytes(table, 'csv')).bytes;
    const cli = new TextEncoder().encode(toCsv(table));
    expect(Buffer.from(cli).equals(Buffer.from(editor))).toBe(true);
    expect([...editor.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
