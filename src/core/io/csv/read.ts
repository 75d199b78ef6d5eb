/**
 * The CSV/TSV reader: bytes in, an Arrow table out, without decoding the file into a string or
 * making a JS object per row. One pass scans the fields; each column starts untyped and becomes
 * numbers (Float64 parsed from the bytes), yes/no values or text (byte ranges copied into Utf8
 * data at the end). A column that turns to text after some rows gets its earlier ranges in one
 * short re-scan of those rows.
 */
import type { Table } from 'apache-arrow';
import type { Data } from 'apache-arrow';
import {
  MAX_COLUMNS,
  boolData,
  float64Data,
  nullUtf8Data,
  tableFromData,
  tooManyColumns,
  unguard,
  utf8FromRanges,
} from '../../table/arrow-build';
import { BOOL, CR, EMPTY, LF, NUM, STR, Scanner, UnterminatedQuote, boolOf, fieldText, isMissing, lineAt, parseNumber } from './scan';
import { detectDelimiter, detectHeader, sampleRecords, uniqueNames } from './sniff';
import { NodeError } from '../../contract/errors';

export interface CsvOptions {
  /** A delimiter byte, or 'auto' to detect one among , TAB ; |. */
  delimiter?: number | 'auto';
  header?: boolean | 'auto';
  /** Awaited about every MB with the fraction read; may throw to cancel. */
  progress?: (fraction: number) => Promise<void>;
}

export interface CsvResult {
  table: Table;
  delimiter: number;
  header: boolean;
  /** Rows that had fewer values than columns (padded with missing values) and the line of the first. */
  shortRows: number;
  firstShortLine: number;
}

const CHUNK = 1 << 20;

export const delimiterName = (d: number): string => (d === 9 ? 'tab' : `"${String.fromCharCode(d)}"`);
const delimiterNameVi = (d: number): string => (d === 9 ? 'tab' : `"${String.fromCharCode(d)}"`);

class Reader {
  rows = 0;
  cap: number;
  readonly kind: Uint8Array;
  readonly nums: (Float64Array | null)[];
  readonly bools: (Uint8Array | null)[];
  readonly starts: (Int32Array | null)[];
  readonly ends: (Int32Array | null)[];
  /** For text columns: the first row whose range was recorded while reading (earlier ones need a re-scan). */
  readonly since: Int32Array;
  rowStarts: Int32Array;
  shortRows = 0;
  firstShort = -1;
  readonly sc: Scanner;

  constructor(
    readonly bytes: Uint8Array,
    readonly delim: number,
    readonly ncols: number,
    estimate: number,
    readonly header: boolean,
  ) {
    this.cap = Math.max(16, estimate);
    this.kind = new Uint8Array(ncols);
    this.nums = new Array<Float64Array | null>(ncols).fill(null);
    this.bools = new Array<Uint8Array | null>(ncols).fill(null);
    this.starts = new Array<Int32Array | null>(ncols).fill(null);
    this.ends = new Array<Int32Array | null>(ncols).fill(null);
    this.since = new Int32Array(ncols);
    this.rowStarts = new Int32Array(this.cap);
    this.sc = new Scanner(bytes, delim);
  }

  /** Reads whole records from `pos` until at least `limit`; returns the position reached. */
  step(pos: number, limit: number): number {
    const bytes = this.bytes,
      sc = this.sc,
      ncols = this.ncols,
      kind = this.kind;
    const starts = this.starts,
      ends = this.ends,
      nums = this.nums;
    while (pos < limit) {
      const b0 = bytes[pos];
      if (b0 === LF || b0 === CR) {
        pos++;
        continue;
      }
      const row = this.rows;
      if (row === this.cap) this.grow();
      this.rowStarts[row] = pos;
      const recordStart = pos;
      let col = 0;
      do {
        const k = col < ncols ? kind[col] : STR;
        if (k === NUM) {
          pos = sc.numberField(pos);
          const v = sc.value;
          if (v === v) nums[col]![row] = v;
          else this.cell(col, row, k);
        } else {
          pos = sc.field(pos);
          if (col >= ncols) {
            /* counted below */
          } else if (k === STR) {
            starts[col]![row] = sc.start;
            ends[col]![row] = sc.quoted === 2 ? ~sc.end : sc.end;
          } else this.cell(col, row, k);
        }
        col++;
      } while (sc.term === 0);
      if (col !== ncols) {
        if (col > ncols) throw this.tooMany(recordStart, col);
        this.pad(col, row, recordStart);
      }
      this.rows = row + 1;
    }
    return pos;
  }

  /** Stores a cell of a column that is not (yet) text, changing the column's kind when needed. */
  private cell(col: number, row: number, k: number): void {
    const bytes = this.bytes,
      s = this.sc.start,
      e = this.sc.end;
    if (this.sc.quoted !== 2) {
      const v = parseNumber(bytes, s, e);
      if (v === v) {
        if (k === BOOL) return this.toText(col, row);
        if (k === EMPTY) this.become(col, NUM, row);
        this.nums[col]![row] = v;
        return;
      }
      if (isMissing(bytes, s, e)) {
        if (k === NUM) this.nums[col]![row] = NaN;
        else if (k === BOOL) this.bools[col]![row] = 2;
        return;
      }
      const b = boolOf(bytes, s, e);
      if (b >= 0 && k !== NUM) {
        if (k === EMPTY) this.become(col, BOOL, row);
        this.bools[col]![row] = b;
        return;
      }
    }
    this.toText(col, row);
  }

  /** An untyped column becomes numbers or yes/no values at `row`; the rows before were missing. */
  private become(col: number, k: number, row: number): void {
    this.kind[col] = k;
    if (k === NUM) this.nums[col] = new Float64Array(this.cap).fill(NaN, 0, row);
    else this.bools[col] = new Uint8Array(this.cap).fill(2, 0, row);
  }

  private toText(col: number, row: number): void {
    const was = this.kind[col];
    this.kind[col] = STR;
    this.nums[col] = null;
    this.bools[col] = null;
    this.since[col] = was === EMPTY ? 0 : row;
    const starts = (this.starts[col] = new Int32Array(this.cap));
    const ends = (this.ends[col] = new Int32Array(this.cap));
    starts[row] = this.sc.start;
    ends[row] = this.sc.quoted === 2 ? ~this.sc.end : this.sc.end;
  }

  private pad(from: number, row: number, recordStart: number): void {
    for (let c = from; c < this.ncols; c++) {
      const k = this.kind[c];
      if (k === NUM) this.nums[c]![row] = NaN;
      else if (k === BOOL) this.bools[c]![row] = 2;
      else if (k === STR) {
        this.starts[c]![row] = 0;
        this.ends[c]![row] = 0;
      }
    }
    if (this.shortRows++ === 0) this.firstShort = recordStart;
  }

  private grow(): void {
    const cap = Math.ceil(this.cap * 1.5) + 1024;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T | null, fill?: number): T | null => {
      if (!a) return a;
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      if (fill !== undefined) b.fill(fill, a.length);
      return b;
    };
    for (let c = 0; c < this.ncols; c++) {
      this.nums[c] = grow(this.nums[c]);
      this.bools[c] = grow(this.bools[c]);
      this.starts[c] = grow(this.starts[c]);
      this.ends[c] = grow(this.ends[c]);
    }
    this.rowStarts = grow(this.rowStarts)!;
    this.cap = cap;
  }

  private tooMany(recordStart: number, count: number): NodeError {
    const line = lineAt(this.bytes, recordStart);
    const d = this.delim;
    return new NodeError({
      en:
        `Line ${line} has ${count} values, but ${this.header ? 'the header has' : 'the first rows have'} ${this.ncols} columns. ` +
        `Check the delimiter (${delimiterName(d)}) and put quotes around values that contain it.`,
      vi:
        `Dòng ${line} có ${count} giá trị, nhưng ${this.header ? 'dòng tiêu đề có' : 'các dòng đầu có'} ${this.ncols} cột. ` +
        `Hãy kiểm tra dấu phân cách (${delimiterNameVi(d)}) và đặt trong ngoặc kép những giá trị có chứa nó.`,
    });
  }

  /** Re-scans the first rows for the columns that turned to text after them. */
  private fixup(): void {
    let upTo = 0;
    for (let c = 0; c < this.ncols; c++) if (this.kind[c] === STR) upTo = Math.max(upTo, this.since[c]);
    const sc = this.sc;
    for (let row = 0; row < upTo; row++) {
      let pos = this.rowStarts[row];
      let col = 0;
      do {
        pos = sc.field(pos);
        if (col < this.ncols && this.kind[col] === STR && row < this.since[col]) {
          this.starts[col]![row] = sc.start;
          this.ends[col]![row] = sc.quoted === 2 ? ~sc.end : sc.end;
        }
        col++;
      } while (sc.term === 0);
    }
  }

  /** The columns as Arrow data. */
  finish(): Data[] {
    this.fixup();
    const rows = this.rows;
    const trim = <T extends Float64Array | Uint8Array>(a: T): T =>
      rows < a.length * 0.8 ? (a.slice(0, rows) as T) : (a.subarray(0, rows) as T);
    const out: Data[] = [];
    for (let c = 0; c < this.ncols; c++) {
      const k = this.kind[c];
      if (k === NUM) out.push(float64Data(trim(this.nums[c]!)));
      else if (k === BOOL) out.push(boolData(trim(this.bools[c]!)));
      else if (k === STR) out.push(utf8FromRanges(this.bytes, this.starts[c]!, this.ends[c]!, rows, true));
      else out.push(nullUtf8Data(rows));
      this.nums[c] = this.bools[c] = null;
      this.starts[c] = this.ends[c] = null;
    }
    return out;
  }
}

/** Rows expected in the bytes, from the line length of the first MB. */
function estimateRows(bytes: Uint8Array): number {
  const len = Math.min(bytes.length, CHUNK);
  let lines = 0;
  for (let i = 0; i < len; i++) if (bytes[i] === LF) lines++;
  if (lines === 0) return 1024;
  return Math.ceil((bytes.length / len) * lines * 1.05) + 16;
}

/** Fields past this many in the first record are not counted (the message then says "more than"). */
const COUNT_LIMIT = 1_000_000;

/** The number of fields in the record at `pos` (a quick scan that keeps nothing), up to COUNT_LIMIT + 1. */
function countFields(bytes: Uint8Array, pos: number, delimiter: number): number {
  const sc = new Scanner(bytes, delimiter);
  let count = 0;
  do {
    pos = sc.field(pos);
    count++;
  } while (sc.term === 0 && count <= COUNT_LIMIT);
  return count;
}

/** Reads CSV/TSV bytes (without a BOM) into a table. Throws NodeError for bad input. */
export async function parseCsv(bytes: Uint8Array, options: CsvOptions = {}): Promise<CsvResult> {
  if (bytes.length >= 0x7fffffff) {
    throw new NodeError({
      en: 'The file is larger than 2 GB, which is too big to load here.',
      vi: 'Tệp lớn hơn 2 GB, quá lớn để nạp ở đây.',
    });
  }
  const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? detectDelimiter(bytes, 0) : options.delimiter;
  const sample = sampleRecords(bytes, 0, delimiter);
  const header = options.header === undefined || options.header === 'auto' ? detectHeader(bytes, sample) : options.header;
  let pos = 0;
  try {
    while (pos < bytes.length && (bytes[pos] === LF || bytes[pos] === CR)) pos++;
    const width = countFields(bytes, pos, delimiter);
    if (width > MAX_COLUMNS) throw width > COUNT_LIMIT ? tooManyColumns(COUNT_LIMIT, true) : tooManyColumns(width);
    let names: string[];
    if (header) {
      const sc = new Scanner(bytes, delimiter);
      const raw: string[] = [];
      do {
        pos = sc.field(pos);
        raw.push(unguard(fieldText(bytes, sc.start, sc.end, sc.quoted)));
      } while (sc.term === 0);
      names = uniqueNames(raw);
    } else {
      const ncols = Math.max(1, width, ...sample.map((r) => r.length));
      names = Array.from({ length: ncols }, (_, i) => `Column ${i + 1}`);
    }
    const reader = new Reader(bytes, delimiter, names.length, estimateRows(bytes), header);
    while (pos < bytes.length) {
      pos = reader.step(pos, Math.min(bytes.length, pos + CHUNK));
      if (options.progress) await options.progress(pos / bytes.length);
    }
    const rows = reader.rows;
    const table = tableFromData(names, reader.finish(), rows);
    const firstShortLine = reader.firstShort >= 0 ? lineAt(bytes, reader.firstShort) : 0;
    return { table, delimiter, header, shortRows: reader.shortRows, firstShortLine };
  } catch (err) {
    if (err instanceof UnterminatedQuote) {
      const line = lineAt(bytes, err.pos);
      throw new NodeError({
        en: `A quote (") opened on line ${line} is never closed, so the rest of the file would be one value. Close the quote or remove it.`,
        vi: `Dấu ngoặc kép (") mở ở dòng ${line} không được đóng lại, nên phần còn lại của tệp sẽ thành một giá trị. Hãy đóng hoặc xoá dấu ngoặc đó.`,
      });
    }
    throw err;
  }
}
