/**
 * Builds Arrow column data directly from typed arrays and byte ranges (no per-row JS values), and
 * tables from named columns in a fixed order.
 */
import { Bool, type Data, type DataType, Field, Float64, RecordBatch, Schema, Struct, Table, Utf8, makeData } from 'apache-arrow';
import { NodeError } from '../contract/errors';

/** A validity bitmap with bit i set where `valid(i)`; null when every value is valid. */
function bitmap(length: number, nulls: number, valid: (i: number) => boolean): Uint8Array | undefined {
  if (nulls === 0) return undefined;
  const bits = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) if (valid(i)) bits[i >> 3] |= 1 << (i & 7);
  return bits;
}

/** Float64 data from values where NaN marks a missing value. */
export function float64Data(values: Float64Array): Data<Float64> {
  const length = values.length;
  let nulls = 0;
  for (let i = 0; i < length; i++) if (values[i] !== values[i]) nulls++;
  const nullBitmap = bitmap(length, nulls, (i) => values[i] === values[i]);
  return makeData({ type: new Float64(), length, nullCount: nulls, nullBitmap, data: values });
}

/** Bool data from codes 0 (false), 1 (true), 2 (missing). */
export function boolData(codes: Uint8Array): Data<Bool> {
  const length = codes.length;
  const bits = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (codes[i] === 2) nulls++;
    else if (codes[i] === 1) bits[i >> 3] |= 1 << (i & 7);
  }
  const nullBitmap = bitmap(length, nulls, (i) => codes[i] !== 2);
  return makeData({ type: new Bool(), length, nullCount: nulls, nullBitmap, data: bits });
}

/** A Utf8 column whose every value is missing. */
export function nullUtf8Data(length: number): Data<Utf8> {
  return makeData({
    type: new Utf8(),
    length,
    nullCount: length,
    nullBitmap: new Uint8Array((length + 7) >> 3),
    valueOffsets: new Int32Array(length + 1),
    data: new Uint8Array(0),
  });
}

/**
 * Where a cell's text really starts: after one `'` when the cell is `'` (one or more) followed by
 * = + - @ TAB or CR. That `'` is the guard CSV writers (ours included) put before text a
 * spreadsheet would run as a formula; our writer also adds it before text that already starts so,
 * which makes reading our own files give back exactly what was written.
 */
export function formulaGuardEnd(bytes: Uint8Array, s: number, e: number): number {
  if (bytes[s] !== 39) return s;
  let p = s + 1;
  while (p < e && bytes[p] === 39) p++;
  if (p >= e) return s;
  const b = bytes[p];
  return b === 61 || b === 43 || b === 45 || b === 64 || b === 9 || b === 13 ? s + 1 : s;
}

/** The text without a leading formula guard (see `formulaGuardEnd`). */
export function unguard(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * Utf8 data from byte ranges of `bytes`: value i is [starts[i], ends[i]); a negative end (~end)
 * marks a quoted field whose `""` become `"`. Empty values are missing. With `guarded`, a leading
 * formula guard `'` is dropped (see `formulaGuardEnd`).
 */
export function utf8FromRanges(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, length: number, guarded = false): Data<Utf8> {
  let total = 0;
  for (let i = 0; i < length; i++) {
    const e = ends[i];
    total += (e < 0 ? ~e : e) - starts[i];
  }
  const data = new Uint8Array(total);
  const offsets = new Int32Array(length + 1);
  const bits = new Uint8Array((length + 7) >> 3);
  let off = 0,
    nulls = 0;
  for (let i = 0; i < length; i++) {
    const s = guarded && bytes[starts[i]] === 39 ? formulaGuardEnd(bytes, starts[i], ends[i] < 0 ? ~ends[i] : ends[i]) : starts[i];
    let e = ends[i];
    if (e < 0) {
      e = ~e;
      for (let p = s; p < e; p++) {
        const b = bytes[p];
        data[off++] = b;
        if (b === 34 && bytes[p + 1] === 34) p++;
      }
    } else if (e - s < 48) {
      for (let p = s; p < e; p++) data[off++] = bytes[p];
    } else {
      data.set(bytes.subarray(s, e), off);
      off += e - s;
    }
    if (e === s) nulls++;
    else bits[i >> 3] |= 1 << (i & 7);
    offsets[i + 1] = off;
  }
  return makeData({
    type: new Utf8(),
    length,
    nullCount: nulls,
    nullBitmap: nulls ? bits : undefined,
    valueOffsets: offsets,
    data: off < total ? data.subarray(0, off) : data,
  });
}

/** The most columns a file may have: wider ones are refused with a message rather than read slowly. */
export const MAX_COLUMNS = 20_000;

/** The message for a file with more columns than can be read. */
export function tooManyColumns(count: number, more = false): NodeError {
  const n = `${more ? 'more than ' : ''}${count.toLocaleString('en-US')}`;
  const nVi = `${more ? 'hơn ' : ''}${count.toLocaleString('vi-VN')}`;
  return new NodeError({
    en: `This file has ${n} columns; at most ${MAX_COLUMNS.toLocaleString('en-US')} can be read. Keep only the columns you need (or turn the table around so that records are rows) and save it again. If it should have few columns, check the delimiter and the line ends.`,
    vi: `Tệp này có ${nVi} cột; chỉ đọc được tối đa ${MAX_COLUMNS.toLocaleString('vi-VN')} cột. Hãy chỉ giữ những cột cần dùng (hoặc xoay bảng để mỗi bản ghi là một dòng) rồi lưu lại. Nếu tệp lẽ ra chỉ có ít cột, hãy kiểm tra dấu phân cách và ký tự xuống dòng.`,
  });
}

/**
 * One record batch of a schema and its struct data, built without Arrow's constructor: that one
 * re-merges the schema with itself by name (`Schema.assign`), which takes time quadratic in the
 * number of columns (about 20 s for 100,000). Every column here already has `length` values, so
 * the merge would change nothing.
 */
function batchOf(schema: Schema, data: Data<Struct>): RecordBatch {
  const batch = new RecordBatch(new Schema([]), makeData({ type: new Struct([]), length: data.length, nullCount: 0, children: [] }));
  Object.assign(batch, { schema, data });
  return batch;
}

/** A table of named column data read from a file, in the given order (names may look like numbers); at most MAX_COLUMNS. */
export function tableFromData(names: string[], columns: Data[], length: number): Table {
  if (columns.length > MAX_COLUMNS) throw tooManyColumns(columns.length);
  return buildTable(names, columns, length);
}

/** A table of named column data, each of `length` values, in the given order, in time linear in the columns. */
export function buildTable(names: readonly string[], columns: readonly Data[], length: number): Table {
  for (const c of columns) if (c.length !== length) throw new Error(`column of ${c.length} values in a table of ${length} rows`);
  const fields = names.map((name, i) => new Field(name, columns[i].type as DataType, true));
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children: [...columns] });
  return new Table(schema, [batchOf(schema, struct)]);
}

/**
 * A column from plain JS values (JSON): numbers → Float64, booleans → Bool, strings → Utf8 (empty
 * ones missing), objects and arrays → their JSON text; mixed kinds become text.
 */
export function dataFromValues(values: readonly unknown[]): Data {
  let kind: 'empty' | 'number' | 'boolean' | 'string' = 'empty';
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
    kind = kind === 'empty' || kind === k ? k : 'string';
    if (kind === 'string') break;
  }
  const length = values.length;
  if (kind === 'number') return float64Data(Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN)));
  if (kind === 'boolean') return boolData(Uint8Array.from(values, (v) => (v === true ? 1 : v === false ? 0 : 2)));
  if (kind === 'empty') return nullUtf8Data(length);
  const encoder = new TextEncoder();
  const parts = values.map((v) => {
    if (v === null || v === undefined || v === '') return null;
    return encoder.encode(typeof v === 'object' ? JSON.stringify(v) : String(v));
  });
  const offsets = new Int32Array(length + 1);
  let total = 0;
  parts.forEach((p, i) => {
    total += p ? p.length : 0;
    offsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  parts.forEach((p, i) => {
    if (p) data.set(p, offsets[i]);
  });
  let nulls = 0;
  for (const p of parts) if (!p) nulls++;
  const nullBitmap = bitmap(length, nulls, (i) => parts[i] !== null);
  return makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap, valueOffsets: offsets, data });
}
