import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/ingest.file';
import { CancelledError, type NodeError } from '../../../src/core/contract/errors';
import type { NodeDef } from '../../../src/core/contract/node';
import { parseParams } from '../../../src/core/contract/params';
import { getNode } from '../../../nodes/index';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { xlsx } from '../../helpers/xlsx';

const def = node as unknown as NodeDef;

async function ingest(files: Record<string, Uint8Array | string>, params: Record<string, unknown>) {
  const r = await runNode(def, {}, params, { files });
  return { table: r.outputs.out as Table, warnings: r.warnings, progress: r.progress };
}
const types = (t: Table) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

describe('ingest.file: JSON, NDJSON, Arrow', () => {
  it('reads a JSON array of objects with the union of keys in first-seen order', async () => {
    const json = JSON.stringify([
      { id: 1, name: 'An', tags: ['a', 'b'] },
      { id: 2.5, vip: true, name: '', extra: { x: 1 } },
      { id: null, name: 'Bình', vip: false },
    ]);
    const { table } = await ingest({ 'people.json': json }, { path: 'people.json' });
    expect(types(table)).toEqual(['id:Float64', 'name:Utf8', 'tags:Utf8', 'vip:Bool', 'extra:Utf8']);
    expect(rows(table)).toEqual([
      { id: 1, name: 'An', tags: '["a","b"]', vip: null, extra: null },
      { id: 2.5, name: null, tags: null, vip: true, extra: '{"x":1}' },
      { id: null, name: 'Bình', tags: null, vip: false, extra: null },
    ]);
    expectIpcRoundTrip(table);
  });

  it('reads NDJSON (also saved as .json or without an extension), mixed kinds becoming text', async () => {
    const text = '{"user":"u1","n":3}\n\n{"user":"u2","n":"many"}\r\n{"user":"u3"}\n';
    for (const name of ['events.ndjson', 'events.jsonl', 'events.json', 'events']) {
      const { table } = await ingest({ [name]: text }, { path: name });
      expect(rows(table)).toEqual([
        { user: 'u1', n: '3' },
        { user: 'u2', n: 'many' },
        { user: 'u3', n: null },
      ]);
      expectIpcRoundTrip(table);
    }
  });

  it('reads Arrow IPC files and streams, by extension or by content', async () => {
    const source = tableFromArrays({ x: Float64Array.from([1, 2, 3]), name: ['a', 'b', 'c'] });
    for (const [name, format] of [
      ['t.arrow', 'file'],
      ['t.feather', 'file'],
      ['blob', 'file'],
      ['t.ipc', 'stream'],
      ['stream', 'stream'],
    ] as const) {
      const { table } = await ingest({ [name]: tableToIPC(source, format) }, { path: name });
      expect(rows(table)).toEqual(rows(source));
      expectIpcRoundTrip(table);
    }
  });

  it('reads CSV text whatever its extension, and TSV by extension', async () => {
    expect(rows((await ingest({ 'a.txt': 'x;y\n1;2\n' }, { path: 'a.txt' })).table)).toEqual([{ x: 1, y: 2 }]);
    expect(rows((await ingest({ 'a.tsv': 'x,y\tz\n1,2\t3\n' }, { path: 'a.tsv' })).table)).toEqual([{ 'x,y': '1,2', z: 3 }]);
    expect(rows((await ingest({ 'a.csv': 'x|y\n1|2\n' }, { path: 'a.csv', delimiter: '|' })).table)).toEqual([{ x: 1, y: 2 }]);
    expect(rows((await ingest({ 'a.csv': '[id],name\n1,An\n' }, { path: 'a.csv' })).table)).toEqual([{ '[id]': 1, name: 'An' }]);
    expect(rows((await ingest({ 'a.txt': '[{"id": 1}]' }, { path: 'a.txt' })).table)).toEqual([{ id: 1 }]);
    expect(rows((await ingest({ 'a.dat': 'x,y\n1,2\n' }, { path: 'a.dat', format: 'csv', header: 'no' })).table)).toEqual([
      { 'Column 1': 'x', 'Column 2': 'y' },
      { 'Column 1': '1', 'Column 2': '2' },
    ]);
  });

  it('converts UTF-16 text (Excel "Unicode text") and strips a UTF-8 BOM', async () => {
    const text = 'tên\tđiểm\r\nNguyễn Ánh\t9\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 255;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(rows((await ingest({ 'x.txt': utf16 }, { path: 'x.txt' })).table)).toEqual([{ tên: 'Nguyễn Ánh', điểm: 9 }]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\n1,2\n')]);
    expect((await ingest({ 'b.csv': bom }, { path: 'b.csv' })).table.schema.fields[0].name).toBe('a');
  });
});

describe('ingest.file: bad input, in plain words', () => {
  const fails = (files: Record<string, Uint8Array | string>, params: Record<string, unknown>) => expect(ingest(files, params)).rejects;

  it('an empty file', async () => {
    await fails({ 'e.csv': '' }, { path: 'e.csv' }).toThrow(/The file "e.csv" is empty/);
    await fails({ 'e.csv': '\n \r\n' }, { path: 'e.csv' }).toThrow(/is empty/);
  });

  it('binary data, or text that is not UTF-8 when UTF-8 is chosen', async () => {
    await fails({ 'x.csv': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 10, 0]) }, { path: 'x.csv' }).toThrow(
      /does not look like a CSV or JSON text file \(it contains binary data\)/,
    );
    await fails(
      { 'x.csv': new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x74, 0xe9, 0x2c, 0x31]) },
      { path: 'x.csv', encoding: 'utf-8' },
    ).toThrow(/not UTF-8 text/);
    const err = await ingest({ 'x.csv': new Uint8Array([1, 0, 2]) }, { path: 'x.csv' }).catch((e: { vi: string }) => e);
    expect((err as { vi: string }).vi).toMatch(/không giống tệp văn bản CSV/);
  });

  it('a row with more values than columns, naming the line', async () => {
    await fails({ 'a.csv': 'a,b\n1,2\n"x\ny",3\n4,5,6\n' }, { path: 'a.csv' }).toThrow(/Line 5 has 3 values, but the header has 2 columns/);
  });

  it('rows with fewer values are padded and reported once', async () => {
    const r = await runNode(def, {}, { path: 'a.csv' }, { files: { 'a.csv': 'a,b,c\n1,2,3\n4\n5,6\n7,8,9\n' } });
    expect(rows(r.outputs.out as Table)[1]).toEqual({ a: 4, b: null, c: null });
    expect(r.notes).toEqual([
      {
        en: '2 rows had fewer values than the 3 columns (the first on line 3); the missing values were left empty.',
        vi: '2 dòng có ít giá trị hơn 3 cột (dòng đầu tiên như vậy ở dòng 3 của tệp); các giá trị thiếu được để trống.',
      },
    ]);
  });

  it('an unterminated quote, naming the line where it opened', async () => {
    await fails({ 'a.csv': 'a,b\n1,2\n3,"oops\n5,6\n' }, { path: 'a.csv' }).toThrow(/\(\"\) opened on line 3 is never closed/);
  });

  it('invalid JSON, with its line; JSON that is not a list of objects', async () => {
    await fails({ 'a.json': '[\n {"a": 1},\n {"a": 2,}\n]' }, { path: 'a.json' }).toThrow(/not valid JSON near line 3/);
    await fails({ 'a.json': '{"a": 1, "b": [1, 2]}\n' }, { path: 'a.json', format: 'json' }).toThrow(/must be a list of records/);
    await fails({ 'a.json': '[1, 2]' }, { path: 'a.json' }).toThrow(/item 1 is 1/);
    await fails({ 'a.ndjson': '{"a": 1}\n{"a": 2\n' }, { path: 'a.ndjson' }).toThrow(/Line 2 is not valid JSON/);
    await fails({ 'a.ndjson': '{"a": 1}\n[2]\n' }, { path: 'a.ndjson' }).toThrow(/Line 2 is not an object/);
  });

  it("a missing file, with the reader's message", async () => {
    await fails({}, { path: 'gone.csv' }).toThrow(
      /Could not read the file "gone.csv": The file "gone.csv" is not available. Add it again./,
    );
    await fails({}, {}).toThrow(/No file is chosen yet/);
  });

  it('a file that is not Parquet although it says so, chosen or detected', async () => {
    await fails({ 'a.parquet': 'PAR1....' }, { path: 'a.parquet' }).toThrow(/could not be read as Parquet/);
    await fails({ blob: 'PAR1....' }, { path: 'blob' }).toThrow(/could not be read as Parquet/);
    await fails({ 'a.csv': 'a\n1\n' }, { path: 'a.csv', format: 'parquet' }).toThrow(/could not be read as Parquet/);
  });

  it('a file that is not Arrow although it says so', async () => {
    await fails({ 'a.arrow': 'a,b\n1,2\n' }, { path: 'a.arrow' }).toThrow(/could not be read as Arrow IPC/);
  });

  it('stops when cancelled', async () => {
    const big = `a,b\n${'1,2\n'.repeat(1_000_000)}`;
    const controller = new AbortController();
    controller.abort();
    await expect(runNode(def, {}, { path: 'big.csv' }, { files: { 'big.csv': big }, signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});

describe('ingest.file declaration', () => {
  it('is registered, declares its file and has bilingual labels without "title" keys', () => {
    expect(getNode('ingest.file')).toBe(def);
    expect(def.files?.({ path: 'x.csv' } as never)).toEqual(['x.csv']);
    const parsed = parseParams(def, {});
    expect(parsed.ok && parsed.params).toEqual({
      path: '',
      format: 'auto',
      delimiter: 'auto',
      header: 'auto',
      encoding: 'auto',
      sheet: '',
    });
    for (const key of ['path', 'format', 'delimiter', 'header', 'encoding', 'sheet']) {
      const meta = (def.params.shape as Record<string, { meta(): Record<string, unknown> }>)[key].meta();
      expect(meta).toHaveProperty('label.vi');
      expect(meta).not.toHaveProperty('title');
    }
    expect((def.params.shape as Record<string, { meta(): Record<string, unknown> }>).path.meta().widget).toBe('file');
  });

  it('reports progress up to 1 while reading', async () => {
    const { progress } = await ingest({ 'a.csv': `a,b\n${'1,2\n'.repeat(400_000)}` }, { path: 'a.csv' });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)!.fraction).toBe(1);
  });
});

describe('ingest.file: Parquet', () => {
  it('reads Parquet by extension and by its PAR1 magic, and round-trips what it read', async () => {
    const { writeParquet } = await import('../../../src/core/io/parquet');
    const source = (await ingest({ 'a.csv': 'tên,điểm,vip\nNguyễn Ánh,9.5,true\nBảo,,false\n' }, { path: 'a.csv' })).table;
    const bytes = await writeParquet(source);
    for (const name of ['a.parquet', 'no-extension', 'wrong.csv']) {
      const { table, progress } = await ingest({ [name]: bytes }, { path: name, format: name === 'wrong.csv' ? 'parquet' : 'auto' });
      expect(types(table)).toEqual(['tên:Float64', 'điểm:Float64', 'vip:Bool'].map((t, i) => (i === 0 ? 'tên:Utf8' : t)));
      expect(rows(table)).toEqual([
        { tên: 'Nguyễn Ánh', điểm: 9.5, vip: true },
        { tên: 'Bảo', điểm: null, vip: false },
      ]);
      expect(progress.at(-1)!.fraction).toBe(1);
      expectIpcRoundTrip(table);
    }
  });
});

describe('ingest.file: Excel (.xlsx)', () => {
  const book = () =>
    xlsx({
      'Khách hàng': [
        ['tên', 'điểm', 'ngày mua', 'vip', 'mã'],
        ['Nguyễn Thị Ánh', 9.5, new Date(Date.UTC(2024, 0, 15)), true, '00123'],
        ['Trần Bảo', '7', null, false, 'A-7'],
        [null, null, null, null, null],
        ['Lê Đức', 8, new Date(Date.UTC(2024, 1, 29)), null, 42],
      ],
      'Trang 2': [
        ['a', 'b'],
        [1, 'x'],
      ],
    });

  it('reads the first sheet with its header row and CSV-like types, detected by extension or by ZIP content', async () => {
    for (const [name, format] of [
      ['khach.xlsx', 'auto'],
      ['upload.bin', 'auto'],
      ['khach.dat', 'xlsx'],
    ]) {
      const { table } = await ingest({ [name]: book() }, { path: name, format });
      expect(types(table)).toEqual(['tên:Utf8', 'điểm:Float64', 'ngày mua:Timestamp<MILLISECOND>', 'vip:Bool', 'mã:Utf8']);
      expect(rows(table)).toEqual([
        { tên: 'Nguyễn Thị Ánh', điểm: 9.5, 'ngày mua': Date.UTC(2024, 0, 15), vip: true, mã: '00123' },
        { tên: 'Trần Bảo', điểm: 7, 'ngày mua': null, vip: false, mã: 'A-7' },
        { tên: 'Lê Đức', điểm: 8, 'ngày mua': Date.UTC(2024, 1, 29), vip: null, mã: '42' },
      ]);
      expectIpcRoundTrip(table);
    }
  });

  it('reads a named sheet; header "no" keeps the first row as data', async () => {
    expect(rows((await ingest({ 'b.xlsx': book() }, { path: 'b.xlsx', sheet: 'Trang 2' })).table)).toEqual([{ a: 1, b: 'x' }]);
    expect(rows((await ingest({ 'b.xlsx': book() }, { path: 'b.xlsx', sheet: 'Trang 2', header: 'no' })).table)).toEqual([
      { 'Column 1': 'a', 'Column 2': 'b' },
      { 'Column 1': '1', 'Column 2': 'x' },
    ]);
  });

  it('a missing sheet names the sheets there are; a broken workbook says so, in both languages', async () => {
    const err = (await ingest({ 'b.xlsx': book() }, { path: 'b.xlsx', sheet: 'Sheet9' }).catch((e: NodeError) => e)) as NodeError;
    expect(err.message).toMatch(/no sheet named "Sheet9". Its sheets are: Khách hàng, Trang 2/);
    expect(err.vi).toMatch(/không có trang tính nào tên "Sheet9"/);
    await expect(ingest({ 'b.xlsx': 'a,b\n1,2\n' }, { path: 'b.xlsx' })).rejects.toThrow(/could not be read as an Excel workbook/);
    await expect(ingest({ 'e.xlsx': xlsx({ S: [] }) }, { path: 'e.xlsx' })).rejects.toThrow(/The sheet is empty/);
  });
});

describe('ingest.file: text encodings', () => {
  const vi = 'tên,bình luận\nNguyễn Thị Ánh,Sản phẩm rất đẹp\nTrần Đức,Giao hàng chậm quá\n';
  const expected = [
    { tên: 'Nguyễn Thị Ánh', 'bình luận': 'Sản phẩm rất đẹp' },
    { tên: 'Trần Đức', 'bình luận': 'Giao hàng chậm quá' },
  ];
  /** Windows-1258 bytes, written by hand: base letters, then the tone as a combining mark byte. */
  const cp1258 = (text: string): Uint8Array => {
    const letters: Record<string, number> = {
      Ă: 0xc3,
      ă: 0xe3,
      Â: 0xc2,
      â: 0xe2,
      Đ: 0xd0,
      đ: 0xf0,
      Ê: 0xca,
      ê: 0xea,
      Ô: 0xd4,
      ô: 0xf4,
      Ơ: 0xd5,
      ơ: 0xf5,
      Ư: 0xdd,
      ư: 0xfd,
    };
    const tones: Record<string, number> = { '\u0300': 0xcc, '\u0309': 0xd2, '\u0303': 0xde, '\u0301': 0xec, '\u0323': 0xf2 };
    const out: number[] = [];
    for (const ch of text) {
      const parts = [...ch.normalize('NFD')];
      const tone = parts.find((m) => tones[m] !== undefined);
      const base = parts
        .filter((m) => m !== tone)
        .join('')
        .normalize('NFC');
      if (base.charCodeAt(0) < 128) out.push(base.charCodeAt(0));
      else if (letters[base] !== undefined) out.push(letters[base]);
      else throw new Error(`no cp1258 byte for ${base}`);
      if (tone) out.push(tones[tone]);
    }
    return new Uint8Array(out);
  };
  const cp1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0)); // Latin-1 letters share 1252 bytes

  it('detects Windows-1258 (Vietnamese) and composes its tone marks, with a note', async () => {
    const { table, warnings } = await ingest({ 'vi.csv': cp1258(vi) }, { path: 'vi.csv' });
    expect(rows(table)).toEqual(expected);
    expect(warnings).toEqual([
      'The file is not UTF-8; it was read as Windows-1258 (Vietnamese). If letters look wrong, choose the encoding by hand.',
    ]);
    expect(rows((await ingest({ 'vi.csv': cp1258(vi) }, { path: 'vi.csv', encoding: 'windows-1258' })).table)).toEqual(expected);
  });

  it('detects Windows-1252 for Western text; Windows-1252 bytes 0x80–0x9F are its own letters', async () => {
    const text = 'name,city\nJosé,Málaga\nRenée,Besançon\n';
    const bytes = new Uint8Array([...cp1252(text), ...cp1252('Zoë,'), 0x80, 0x0a]);
    const { table, warnings } = await ingest({ 'w.csv': bytes }, { path: 'w.csv' });
    expect(rows(table)).toEqual([
      { name: 'José', city: 'Málaga' },
      { name: 'Renée', city: 'Besançon' },
      { name: 'Zoë', city: '€' },
    ]);
    expect(warnings[0]).toMatch(/read as Windows-1252/);
    const json = cp1252('[{"ville": "Besançon"}]');
    expect(rows((await ingest({ 'w.json': json }, { path: 'w.json', encoding: 'windows-1252' })).table)).toEqual([{ ville: 'Besançon' }]);
  });

  it('UTF-8 with or without BOM, and UTF-16 LE/BE with or without BOM', async () => {
    const utf8 = new TextEncoder().encode(vi);
    const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
      const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
      if (bom) out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
      for (let i = 0, o = bom ? 2 : 0; i < text.length; i++, o += 2) {
        const hi = text.charCodeAt(i) >> 8,
          lo = text.charCodeAt(i) & 255;
        out[o] = bigEndian ? hi : lo;
        out[o + 1] = bigEndian ? lo : hi;
      }
      return out;
    };
    const cases: [Uint8Array, Record<string, unknown>, RegExp | null][] = [
      [utf8, {}, null],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), {}, null],
      [utf8, { encoding: 'utf-8' }, null],
      [utf16(vi, false, true), {}, null],
      [utf16(vi, true, true), {}, null],
      [utf16(vi, false, false), {}, /UTF-16 LE/],
      [utf16(vi, true, false), {}, /UTF-16 BE/],
      [utf16(vi, false, false), { encoding: 'utf-16le' }, null],
      [utf16(vi, false, true), { encoding: 'utf-16le' }, null],
    ];
    for (const [bytes, params, note] of cases) {
      const { table, warnings } = await ingest({ 'v.csv': bytes }, { path: 'v.csv', ...params });
      expect(rows(table)).toEqual(expected);
      if (note) expect(warnings[0]).toMatch(note);
      else expect(warnings).toEqual([]);
    }
  });

  it('a forced wrong encoding is obeyed (the analyst chose it)', async () => {
    const { table } = await ingest({ 'v.csv': new TextEncoder().encode('a\nđ\n') }, { path: 'v.csv', encoding: 'windows-1252' });
    expect(rows(table)).toEqual([{ a: 'Ä‘' }]);
  });
});

describe('ingest.file: encoding guesses on short samples', () => {
  it('Italian or French Windows-1252 text with ò/ì after consonants stays Windows-1252', async () => {
    const { guessLegacy } = await import('../../../src/core/io/encoding');
    expect(guessLegacy(Uint8Array.from('però così, città; été', (c) => c.charCodeAt(0)))).toBe('windows-1252');
    expect(guessLegacy(new Uint8Array([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]))).toBe('windows-1258'); // Nguyễn
  });
});
