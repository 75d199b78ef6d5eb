/** The core readers and writers against hostile input, below the nodes. */
import {
  Float64,
  RecordBatch,
  Schema,
  Field,
  Struct,
  Table,
  Utf8,
  makeData,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { findDamage } from '../../../../src/core/table/arrow-check';
import { MAX_COLUMNS, formulaGuardEnd, tableFromData, unguard } from '../../../../src/core/table/arrow-build';
import { parseCsv } from '../../../../src/core/io/csv/read';
import { MAX_JSON_DEPTH, parseJsonSafely, parseJsonTable } from '../../../../src/core/io/json';
import { MAX_BROWSER_FILE_BYTES, fileTooBig } from '../../../../src/core/io/read-file';
import { takeRows, withColumns } from '../../../../src/core/table/table';
import { csvCell } from '../../../../src/core/io/write';
import { checkXlsxSize } from '../../../../src/core/io/xlsx';
import { damagedArrow, deflatedWorkbook, soundArrow, wideCsv, xlsxBomb } from '../../../fixtures/hostile/build';

const BOUND_MS = 10_000;
function quick<T>(run: () => T): T {
  const start = performance.now();
  const out = run();
  expect(performance.now() - start).toBeLessThan(BOUND_MS);
  return out;
}
const thrown = (run: () => unknown): Error & { vi?: string } => {
  try {
    run();
  } catch (err) {
    return err as Error & { vi?: string };
  }
  throw new Error('expected an error');
};

describe('tableFromData', () => {
  it("builds the same table as Arrow's own constructor", () => {
    const columns = [vectorFromArray([1, null, 3], new Float64()).data[0], vectorFromArray(['a', 'b', null], new Utf8()).data[0]];
    const fast = tableFromData(['x', 'y'], columns, 3);
    const fields = [new Field('x', new Float64(), true), new Field('y', new Utf8(), true)];
    const slow = new Table([
      new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: 3, nullCount: 0, children: columns })),
    ]);
    expect(fast.schema.fields.map(String)).toEqual(slow.schema.fields.map(String));
    expect(fast.toArray().map((r) => r.toJSON())).toEqual(slow.toArray().map((r) => r.toJSON()));
    expect(fast.batches[0]).toBeInstanceOf(RecordBatch);
    expect(fast.slice(1, 3).getChild('y')!.toArray()).toEqual(['b', null]);
    const back = tableFromIPC(tableToIPC(fast));
    expect([0, 1, 2].map((i) => back.getChild('x')!.get(i))).toEqual([1, null, 3]);
  });

  it(`${MAX_COLUMNS.toLocaleString('en-US')} columns take well under the bound (the old build was quadratic)`, () => {
    const n = MAX_COLUMNS;
    const data = vectorFromArray([1, 2], new Float64()).data[0];
    const t = quick(() =>
      tableFromData(
        Array.from({ length: n }, (_, i) => `c${i}`),
        Array.from({ length: n }, () => data),
        2,
      ),
    );
    expect(t.numCols).toBe(n);
    expect(t.getChild(`c${n - 1}`)!.get(1)).toBe(2);
  });

  it('refuses more columns than the cap, and columns of the wrong length', () => {
    const data = vectorFromArray([1], new Float64()).data[0];
    expect(
      thrown(() =>
        tableFromData(
          Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`),
          Array.from({ length: MAX_COLUMNS + 1 }, () => data),
          1,
        ),
      ).message,
    ).toMatch(/20,001 columns; at most 20,000/);
    expect(() => tableFromData(['a'], [data], 2)).toThrow();
  });

  it('a CSV exactly at the cap reads; one more column is refused before anything is built', async () => {
    expect((await parseCsv(wideCsv(MAX_COLUMNS, 1))).table.numCols).toBe(MAX_COLUMNS);
    await expect(parseCsv(wideCsv(MAX_COLUMNS + 1, 1))).rejects.toThrow(/20,001 columns/);
    await expect(parseCsv(wideCsv(MAX_COLUMNS + 1, 1), { header: false })).rejects.toThrow(/20,001 columns/);
  });
});

describe('JSON limits', () => {
  it(`depth ${MAX_JSON_DEPTH} is accepted, ${MAX_JSON_DEPTH + 1} refused; brackets and digits inside strings do not count`, () => {
    const nested = (d: number) => `${'['.repeat(d)}${']'.repeat(d)}`;
    expect(() => parseJsonSafely(nested(MAX_JSON_DEPTH))).not.toThrow();
    const err = thrown(() => parseJsonSafely(nested(MAX_JSON_DEPTH + 1)));
    expect(err.message).toMatch(/nested more than 1,000 levels deep \(near line 1, column 1001\)/);
    expect(err.vi).toMatch(/lồng nhau sâu hơn 1\.000 cấp/);
    const tricky = `[{"s":"${'['.repeat(5000)}\\"${'{'.repeat(5000)}12345678901234567890","n":1}]`;
    let big = 0;
    expect(
      parseJsonSafely(tricky, {
        onBig: (c) => {
          big += c;
        },
      }),
    ).toEqual([{ s: `${'['.repeat(5000)}"${'{'.repeat(5000)}12345678901234567890`, n: 1 }]);
    expect(big).toBe(0);
  });

  it('only integers a float would round become text; exact ones, decimals and exponents stay numbers', () => {
    let big = 0;
    const v = parseJsonSafely(
      '[9007199254740992, 9007199254740993, 12345678901234567.5, 1234567890123456789e2, -9007199254740993, {"a": [18446744073709551617, 18446744073709551616]}]',
      {
        onBig: (c) => {
          big += c;
        },
      },
    );
    expect(v).toEqual([
      9007199254740992,
      '9007199254740993',
      12345678901234567.5,
      1234567890123456789e2,
      '-9007199254740993',
      { a: ['18446744073709551617', 2 ** 64] },
    ]);
    expect(big).toBe(3);
  });

  it('syntax errors still point at the place in the original text', () => {
    // The quotes put around long integers must not shift the place named in the message.
    expect(() => parseJsonTable('[{"id": 12345678901234567891},\n {"id" 1}]')).toThrow(/near line 2, column 8\./);
  });
});

describe('xlsx size guard', () => {
  it('passes a real deflated workbook and refuses both kinds of bomb', () => {
    expect(() => checkXlsxSize(deflatedWorkbook())).not.toThrow();
    expect(quick(() => thrown(() => checkXlsxSize(xlsxBomb(4096, true)))).message).toMatch(
      /unpacks to more data than the file says \(1,024 bytes\)/,
    );
    expect(quick(() => thrown(() => checkXlsxSize(xlsxBomb(1024, false)))).message).toMatch(/would unpack to 1,024 MB/);
  });

  it('counts real bytes: an honest part just over a (small) cap is refused while inflating', () => {
    const bomb = xlsxBomb(8, false); // 8 MiB, declared honestly
    expect(() => checkXlsxSize(bomb, 16 * 1048576)).not.toThrow();
    expect(thrown(() => checkXlsxSize(bomb, 4 * 1048576)).message).toMatch(/would unpack to 8 MB .* at most 4 MB/);
  });

  it('leaves files that are not ZIP archives to the reader', () => {
    expect(() => checkXlsxSize(new TextEncoder().encode('PK\u0003\u0004 not really a zip'))).not.toThrow();
  });
});

describe('Arrow buffer checks', () => {
  it('find damaged offsets and bad UTF-8, and nothing in sound files', () => {
    expect(findDamage(tableFromIPC(damagedArrow('offsets')))).toMatch(/"name": offsets that go backwards/);
    expect(findDamage(tableFromIPC(damagedArrow('utf8')))).toMatch(/"name": text that is not valid UTF-8/);
    expect(findDamage(tableFromIPC(soundArrow()))).toBeNull();
    const sliced = tableFromIPC(soundArrow()).slice(10, 500);
    expect(findDamage(sliced)).toBeNull();
  });

  it('finds offsets past the data and dictionary codes outside the dictionary', () => {
    const text = makeData({ type: new Utf8(), length: 2, nullCount: 0, valueOffsets: new Int32Array([0, 1, 50]), data: new Uint8Array(4) });
    expect(findDamage(tableFromData(['t'], [text], 2))).toMatch(/offsets that point past their data \(50 > 4\)/);
    const dictTable = tableFromIPC(soundArrow());
    const dict = dictTable.getChild('dict')!.data[0];
    const codes = (dict.values as Int32Array).slice();
    codes[1] = 99;
    const broken = makeData({
      type: dict.type,
      length: dict.length,
      nullCount: dict.nullCount,
      nullBitmap: dict.nullBitmap,
      data: codes,
      dictionary: dict.dictionary,
    });
    expect(findDamage(tableFromData(['dict'], [broken], dict.length))).toMatch(/dictionary code \(99\) outside its dictionary of 3 values/);
  });
});

describe('CSV formula guard', () => {
  it('writer and reader are inverse on any text: one guard is added exactly when one is dropped', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', 'a', '1', ' ', '.'];
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let k = 0; k < 5000; k++) {
      const s = Array.from({ length: 1 + (rnd() % 6) }, () => alphabet[rnd() % alphabet.length]).join('');
      let cell = csvCell(s);
      if (cell.startsWith('"')) cell = cell.slice(1, -1).replace(/""/g, '"');
      expect(unguard(cell), JSON.stringify(s)).toBe(s);
      const bytes = new TextEncoder().encode(cell);
      expect(new TextDecoder().decode(bytes.subarray(formulaGuardEnd(bytes, 0, bytes.length))), JSON.stringify(s)).toBe(s);
      if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) expect(cell.startsWith("'"), s).toBe(true);
    }
  });
});

describe('browser file size', () => {
  it('refuses a file above the limit before reading it, and lets smaller ones through', () => {
    expect(fileTooBig('small.csv', 10)).toBeNull();
    expect(fileTooBig('edge.csv', MAX_BROWSER_FILE_BYTES)).toBeNull();
    const m = fileTooBig('huge.csv', 1.5 * 1024 ** 3)!;
    expect(m.en).toMatch(/"huge\.csv" is 1\.5 GB; files up to 1 GB can be loaded in the browser/);
    expect(m.vi).toMatch(/"huge\.csv" có dung lượng 1,5 GB/);
  });
});

describe('table helpers and prototype-named columns', () => {
  it('takeRows and withColumns keep columns named __proto__, constructor and 2019 in place', () => {
    const names = ['id', '__proto__', 'constructor', '2019'];
    const data = names.map(
      (_, c) =>
        vectorFromArray(
          ['a', 'b', 'c'].map((v) => `${v}${c}`),
          new Utf8(),
        ).data[0],
    );
    const table = tableFromData(names, data, 3);
    const taken = takeRows(table, Int32Array.from([2, 0]));
    expect(taken.schema.fields.map((f) => f.name)).toEqual(names);
    expect(taken.getChildAt(1)!.toArray()).toEqual(['c1', 'a1']);
    const added = withColumns(table, { toString: vectorFromArray([1, 2, 3], new Float64()) });
    expect(added.schema.fields.map((f) => f.name)).toEqual([...names, 'toString']);
    expect(added.getChildAt(2)!.get(0)).toBe('a2'); // "constructor" was not looked up on the prototype
    expect(added.getChildAt(4)!.get(2)).toBe(3);
  });
});
