import { describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { parseCsv } from '../../../../src/core/io/csv/read';
import { isMissing, parseNumber } from '../../../../src/core/io/csv/scan';
import { detectDelimiter, detectHeader, sampleRecords, uniqueNames } from '../../../../src/core/io/csv/sniff';
import { createRandom } from '../../../../src/core/contract/random';
import { expectIpcRoundTrip, rows } from '../../../helpers/tables';

const enc = new TextEncoder();
const num = (s: string) => parseNumber(enc.encode(s), 0, enc.encode(s).length);
const csv = async (text: string, options = {}) => (await parseCsv(enc.encode(text), options)).table;
const types = (t: Table) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

describe('parseNumber', () => {
  it('reads plain decimals exactly as parseFloat does', () => {
    for (const s of [
      '0',
      '-0',
      '1',
      '42',
      '-7.25',
      '3.14159',
      '1.',
      '.5',
      '-.5',
      '+3',
      '1e5',
      '2.5E-3',
      '-1.7976931348623157e308',
      '123456789012345',
      '0.000001234',
      '9007199254740992',
      '1.23456789012345678',
      '5e-324',
      ' 12 ',
      '1e400',
    ]) {
      expect(num(s)).toBe(Number(s.trim()));
    }
  });

  it('matches parseFloat on 20,000 random decimals of up to 17 digits', () => {
    const random = createRandom(7);
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(random() * 17);
      const v = (random() - 0.5) * 10 ** Math.floor(random() * 12 - 4);
      const s = i % 3 === 0 ? v.toPrecision(digits) : i % 3 === 1 ? v.toFixed(Math.floor(random() * 8)) : v.toExponential(digits - 1);
      expect(num(s)).toBe(parseFloat(s));
    }
  });

  it('refuses values that are not plain numbers', () => {
    for (const s of [
      '',
      '-',
      '.',
      'e5',
      '1e',
      '1,234',
      '00123',
      '-0012',
      '0x10',
      'Infinity',
      'NaN',
      '12abc',
      '1.2.3',
      '1 2',
      '12345678901234567890',
      '$5',
      '5%',
    ]) {
      expect(Number.isNaN(num(s)), s).toBe(true);
    }
  });

  it('knows the missing-value markers', () => {
    for (const s of ['', '  ', 'NA', 'n/a', 'NaN', 'null', 'NULL', 'None', '#N/A'])
      expect(isMissing(enc.encode(s), 0, enc.encode(s).length), s).toBe(true);
    for (const s of ['0', 'nope', 'Nam', 'nullable']) expect(isMissing(enc.encode(s), 0, enc.encode(s).length), s).toBe(false);
  });
});

describe('detection', () => {
  const delim = (text: string) => String.fromCharCode(detectDelimiter(enc.encode(text), 0));
  it('finds the delimiter that splits every line the same way', () => {
    expect(delim('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(delim('a;b;c\n1,5;2;3\n4;5,5;6\n')).toBe(';');
    expect(delim('text\tlabel\nhello, world\t1\nfine, thanks, bye\t0\n')).toBe('\t');
    expect(delim('a|b\n1|2\n')).toBe('|');
    expect(delim('"x;y",b\n"1;2",3\n')).toBe(',');
    expect(delim('one column\nvalue\n')).toBe(',');
  });

  it('decides whether the first row is a header', () => {
    const header = (text: string) => detectHeader(enc.encode(text), sampleRecords(enc.encode(text), 0, 44));
    expect(header('name,age\nAn,30\nBình,41\n')).toBe(true);
    expect(header('An,30\nBình,41\n')).toBe(false);
    expect(header('1,2,3\n4,5,6\n')).toBe(false);
    expect(header('name,city\nAn,Huế\n')).toBe(true);
    expect(header('id,active\n1,true\n2,false\n')).toBe(true);
  });

  it('makes column names unique', () => {
    expect(uniqueNames(['name', '', 'name', ' age ', 'name', 'name_2'])).toEqual([
      'name',
      'Column 2',
      'name_2',
      'age',
      'name_3',
      'name_2_2',
    ]);
  });
});

describe('parseCsv', () => {
  it('handles quotes with delimiters, newlines and "" inside, and \\r\\n line ends', async () => {
    const t = await csv(
      'id,comment,score\r\n1,"Hello, world",2.5\r\n2,"line one\r\nline two",3\r\n3,"say ""hi""",\r\n4,plain "quote" inside,1e3\r\n',
    );
    expect(types(t)).toEqual(['id:Float64', 'comment:Utf8', 'score:Float64']);
    expect(rows(t)).toEqual([
      { id: 1, comment: 'Hello, world', score: 2.5 },
      { id: 2, comment: 'line one\r\nline two', score: 3 },
      { id: 3, comment: 'say "hi"', score: null },
      { id: 4, comment: 'plain "quote" inside', score: 1000 },
    ]);
    expectIpcRoundTrip(t);
  });

  it('infers numbers, yes/no values and text per column', async () => {
    const t = await csv('a,b,c,d,e,f\n1,TRUE,00123,"1,234",NA,\n2,false,00456,"5,678",3,\n,True,7,9,null,\n');
    expect(types(t)).toEqual(['a:Float64', 'b:Bool', 'c:Utf8', 'd:Utf8', 'e:Float64', 'f:Utf8']);
    expect(rows(t)).toEqual([
      { a: 1, b: true, c: '00123', d: '1,234', e: null, f: null },
      { a: 2, b: false, c: '00456', d: '5,678', e: 3, f: null },
      { a: null, b: true, c: '7', d: '9', e: null, f: null },
    ]);
    expectIpcRoundTrip(t);
  });

  it('reads number columns in one pass with the same values as parseNumber, and falls back for odd cells', async () => {
    const cells = [
      '1',
      '-2.5',
      '.',
      '1.',
      '.25',
      '-',
      '00',
      '0',
      '-0.0',
      '1e3',
      '"7"',
      '123456789012345678',
      '0.1234567890123456',
      ' 4 ',
      'NA',
      '',
    ];
    const t = await csv(`x,y\n${cells.map((c, i) => `${c},${i}`).join('\n')}\n`);
    expect(t.getChild('x')!.type.typeId).toBe(5); // Utf8: ".", "-", "00" are text
    const nums = cells.filter((c) => !['.', '-', '00', '123456789012345678'].includes(c));
    const n = await csv(`x,y\n${nums.map((c, i) => `${c},${i}`).join('\n')}\n`);
    expect([...n.getChild('x')!]).toEqual(nums.map((c) => (['NA', ''].includes(c) ? null : Number(c.replace(/"/g, '')))));
    expect(n.getChild('x')!.nullCount).toBe(2);
  });

  it('keeps the exact text of earlier rows when a column turns to text late', async () => {
    const lines = ['code,flag,n'];
    for (let i = 0; i < 5000; i++) lines.push(`${i}.50,${i % 2 ? 'true' : 'FALSE'},${i}`);
    lines.push('X-1,maybe,5000');
    const t = await csv(`${lines.join('\n')}\n`);
    expect(types(t)).toEqual(['code:Utf8', 'flag:Utf8', 'n:Float64']);
    const code = t.getChild('code')!,
      flag = t.getChild('flag')!;
    expect([code.get(0), code.get(1), code.get(4999), code.get(5000)]).toEqual(['0.50', '1.50', '4999.50', 'X-1']);
    expect([flag.get(0), flag.get(1), flag.get(5000)]).toEqual(['FALSE', 'true', 'maybe']);
    expectIpcRoundTrip(t);
  });

  it('reads Vietnamese text byte for byte and strips nothing else', async () => {
    const t = await csv('tên;thành phố;điểm\nNguyễn Văn An;Hà Nội;8,5\nTrần Thị Bình;"Thành phố Hồ Chí Minh";9\n');
    expect(types(t)).toEqual(['tên:Utf8', 'thành phố:Utf8', 'điểm:Utf8']);
    expect(rows(t)[1]).toEqual({ tên: 'Trần Thị Bình', 'thành phố': 'Thành phố Hồ Chí Minh', điểm: '9' });
  });

  it('reads a file without a header and honours explicit choices', async () => {
    const t = await csv('An\t30\nBình\t41\n');
    expect(rows(t)).toEqual([
      { 'Column 1': 'An', 'Column 2': 30 },
      { 'Column 1': 'Bình', 'Column 2': 41 },
    ]);
    const forced = await csv('a|b\nc|d\n', { delimiter: 124, header: false });
    expect(forced.numRows).toBe(2);
    const headed = await csv('1,2\n3,4\n', { header: true });
    expect(headed.schema.fields.map((f) => f.name)).toEqual(['1', '2']);
    expect(rows(headed)).toEqual([{ 1: 3, 2: 4 }]);
  });

  it('skips blank lines, keeps a last line without a newline and pads short rows', async () => {
    const r = await parseCsv(enc.encode('a,b,c\n\n1,2,3\n4,5\n\r\n6'));
    expect(rows(r.table)).toEqual([
      { a: 1, b: 2, c: 3 },
      { a: 4, b: 5, c: null },
      { a: 6, b: null, c: null },
    ]);
    expect(r.shortRows).toBe(2);
    expect(r.firstShortLine).toBe(4);
  });

  it('grows its buffers and reports progress on files larger than its first estimate', async () => {
    const parts = ['n,text'];
    for (let i = 0; i < 20000; i++) parts.push(`${i},short`);
    for (let i = 0; i < 30000; i++) parts.push(`${i},${'a much longer text value '.repeat(4)}${i}`);
    const seen: number[] = [];
    const r = await parseCsv(enc.encode(parts.join('\n')), {
      progress: async (f) => {
        seen.push(f);
      },
    });
    expect(r.table.numRows).toBe(50000);
    expect(r.table.getChild('text')!.get(49999)).toBe(`${'a much longer text value '.repeat(4)}29999`);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('names the line of an extra value and of an unclosed quote', async () => {
    await expect(csv('a,b\n1,2\n3,4,5\n')).rejects.toThrow(/Line 3 has 3 values, but the header has 2 columns/);
    await expect(csv('a,b\n1,2\n3,"open\n4,5\n')).rejects.toThrow(/opened on line 3 is never closed/);
    await expect(csv('a,b\n1,"multi\nline",2\n', { delimiter: 44 })).rejects.toThrow(/Line 2 has 3 values/);
  });
});
