/**
 * Builds Arrow column data directly from typed arrays and byte ranges (no per-row JS values), and
 * tables from named columns in a fixed order.
 */
import {
  Bool, type Data, type DataType, Field, Float64, RecordBatch, Schema, Struct, Table, Utf8, makeData,
} from 'apache-arrow';

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
    type: new Utf8(), length, nullCount: length, nullBitmap: new Uint8Array((length + 7) >> 3),
    valueOffsets: new Int32Array(length + 1), data: new Uint8Array(0),
  });
}

/**
 * Utf8 data from byte ranges of `bytes`: value i is [starts[i], ends[i]); a negative end (~end)
 * marks a quoted field whose `""` become `"`. Empty values are missing.
 */
export function utf8FromRanges(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, length: number): Data<Utf8> {
  let total = 0;
  for (let i = 0; i < length; i++) {
    const e = ends[i];
    total += (e < 0 ? ~e : e) - starts[i];
  }
  const data = new Uint8Array(total);
  const offsets = new Int32Array(length + 1);
  const bits = new Uint8Array((length + 7) >> 3);
  let off = 0, nulls = 0;
  for (let i = 0; i < length; i++) {
    const s = starts[i];
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
    type: new Utf8(), length, nullCount: nulls, nullBitmap: nulls ? bits : undefined,
    valueOffsets: offsets, data: off < total ? data.subarray(0, off) : data,
  });
}

/** A table of named column data, in the given order (names may look like numbers). */
export function tableFromData(names: string[], columns: Data[], length: number): Table {
  const fields = names.map((name, i) => new Field(name, columns[i].type as DataType, true));
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children: columns });
  return new Table([new RecordBatch(schema, struct)]);
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
  parts.forEach((p, i) => { total += p ? p.length : 0; offsets[i + 1] = total; });
  const data = new Uint8Array(total);
  parts.forEach((p, i) => { if (p) data.set(p, offsets[i]); });
  let nulls = 0;
  for (const p of parts) if (!p) nulls++;
  const nullBitmap = bitmap(length, nulls, (i) => parts[i] !== null);
  return makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap, valueOffsets: offsets, data });
}
