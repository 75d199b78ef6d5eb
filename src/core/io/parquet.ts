/**
 * Parquet in and out, with hyparquet (read) and hyparquet-writer (write), both imported lazily so
 * only the worker and the CLI load them.
 *
 * Reading maps Parquet types onto the column types the rest of the app uses: every number
 * (INT32, INT64, FLOAT, DOUBLE, DECIMAL) → Float64 (INT64 values beyond ±2^53 lose precision and
 * are reported), text → Utf8, BOOLEAN → Bool, timestamps and dates → Arrow Timestamp (ms, UTC),
 * nested values (lists, structs, maps, JSON) → their JSON text.
 * Writing maps Float/Decimal → DOUBLE, small integers → INT32, Int64 → INT64, Bool → BOOLEAN,
 * text and dictionary text → STRING, Date/Timestamp → TIMESTAMP (ms), anything else → JSON text.
 */
import { type Data, type DataType, type Table, TimestampMillisecond, Type, Utf8, makeData } from 'apache-arrow';
import { boolData, float64Data, tableFromData } from '../table/arrow-build';
import { uniqueNames } from './csv/sniff';
import { NodeError } from '../contract/errors';
import type { Text } from '../contract/i18n';
import { kindOf, toFloat64 } from '../table/table';

export interface ParquetReadOptions {
  /** Awaited between row groups with the fraction read; may throw to cancel. */
  progress?: (fraction: number) => Promise<void>;
  /** Receives notes for the analyst (e.g. precision lost on large integers). */
  warn?: (message: Text) => void;
}

type Kind = 'number' | 'bool' | 'time' | 'string' | 'json';

interface SchemaNode {
  element: { name: string; type?: string; converted_type?: string; logical_type?: { type: string } };
  children: SchemaNode[];
}

function kindOfElement(node: SchemaNode): Kind {
  if (node.children.length) return 'json';
  const { type, converted_type: ct, logical_type: lt } = node.element;
  if (ct === 'JSON' || lt?.type === 'JSON' || ct === 'BSON') return 'json';
  if (
    ct === 'DATE' ||
    ct === 'TIMESTAMP_MILLIS' ||
    ct === 'TIMESTAMP_MICROS' ||
    lt?.type === 'DATE' ||
    lt?.type === 'TIMESTAMP' ||
    type === 'INT96'
  )
    return 'time';
  if (ct === 'DECIMAL' || lt?.type === 'FLOAT16') return 'number';
  if (type === 'BOOLEAN') return 'bool';
  if (type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE') return 'number';
  return 'string';
}

/** Parsers that give epoch milliseconds (numbers) instead of Date objects. */
const PARSERS = {
  timestampFromMilliseconds: (v: bigint) => Number(v),
  timestampFromMicroseconds: (v: bigint) => Number(v / 1000n),
  timestampFromNanoseconds: (v: bigint) => Number(v / 1000000n),
  dateFromDays: (days: number) => days * 86400000,
};

const LIMIT = 2 ** 53;

/** Utf8 data from strings; null and undefined are missing, empty strings stay empty. */
function utf8Data(values: readonly unknown[]): Data<Utf8> {
  const encoder = new TextEncoder();
  const length = values.length;
  const parts: (Uint8Array | null)[] = new Array<Uint8Array | null>(length);
  const offsets = new Int32Array(length + 1);
  const bits = new Uint8Array((length + 7) >> 3);
  let total = 0,
    nulls = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      parts[i] = null;
      nulls++;
    } else {
      const p = encoder.encode(typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x)));
      parts[i] = p;
      total += p.length;
      bits[i >> 3] |= 1 << (i & 7);
    }
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < length; i++) {
    const p = parts[i];
    if (p) data.set(p, offsets[i]);
  }
  return makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap: nulls ? bits : undefined, valueOffsets: offsets, data });
}

/** Timestamp (ms) data from epoch milliseconds or Dates; anything else is missing. */
export function dateData(values: readonly unknown[]): Data {
  const length = values.length;
  const data = new BigInt64Array(length);
  const bits = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN;
    if (Number.isFinite(ms)) {
      data[i] = BigInt(Math.trunc(ms));
      bits[i >> 3] |= 1 << (i & 7);
    } else nulls++;
  }
  return makeData({ type: new TimestampMillisecond(), length, nullCount: nulls, nullBitmap: nulls ? bits : undefined, data });
}

function columnData(kind: Kind, values: readonly unknown[], name: string, warn?: (m: Text) => void): Data {
  if (kind === 'bool') return boolData(Uint8Array.from(values, (v) => (v === true ? 1 : v === false ? 0 : 2)));
  if (kind === 'time') return dateData(values);
  if (kind === 'number') {
    let big = 0;
    const out = Float64Array.from(values, (v) => {
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') {
        const n = Number(v);
        if (n > LIMIT || n < -LIMIT) big++;
        return n;
      }
      return NaN;
    });
    if (big && warn) {
      warn({
        en: `Column "${name}": ${big.toLocaleString('en-US')} whole number(s) are larger than 2^53 and were rounded (numbers are read as decimals). If they are ids, save them as text.`,
        vi: `Cột "${name}": ${big.toLocaleString('en-US')} số nguyên lớn hơn 2^53 đã bị làm tròn (số được đọc dạng thập phân). Nếu đó là mã định danh, hãy lưu chúng dạng văn bản.`,
      });
    }
    return float64Data(out);
  }
  return utf8Data(values);
}

const asBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Reads a Parquet file into a table. */
export async function readParquet(bytes: Uint8Array, options: ParquetReadOptions = {}): Promise<Table> {
  const { parquetMetadata, parquetSchema, parquetScan } = await import('hyparquet');
  const file = asBuffer(bytes);
  let scan: Awaited<ReturnType<typeof parquetScan>>;
  let tree: SchemaNode;
  try {
    const metadata = parquetMetadata(file);
    tree = parquetSchema(metadata) as unknown as SchemaNode;
    scan = await parquetScan({ file, metadata, parsers: PARSERS });
  } catch (err) {
    throw new NodeError({
      en: `This file could not be read as Parquet (${err instanceof Error ? err.message : String(err)}). Check that it is a complete .parquet file.`,
      vi: `Không đọc được tệp này dưới dạng Parquet (${err instanceof Error ? err.message : String(err)}). Hãy kiểm tra tệp .parquet có đầy đủ không.`,
    });
  }
  const names = tree.children.map((c) => c.element.name);
  const kinds = tree.children.map(kindOfElement);
  const values: unknown[][] = names.map(() => []);
  const total = scan.ranges.reduce((s, r) => s + r.rowEnd - r.rowStart, 0);
  let done = 0;
  for (const range of scan.ranges) {
    if (options.progress) await options.progress(total ? done / total : 0);
    for (let c = 0; c < names.length; c++) {
      let chunk: ArrayLike<unknown>;
      try {
        chunk = await scan.readColumn({ column: names[c], rowStart: range.rowStart, rowEnd: range.rowEnd });
      } catch (err) {
        throw new NodeError({
          en: `The Parquet column "${names[c]}" could not be read (${err instanceof Error ? err.message : String(err)}).`,
          vi: `Không đọc được cột Parquet "${names[c]}" (${err instanceof Error ? err.message : String(err)}).`,
        });
      }
      const out = values[c];
      for (let i = 0; i < chunk.length; i++) out.push(chunk[i]);
    }
    done += range.rowEnd - range.rowStart;
  }
  const length = values.length ? values[0].length : 0;
  const columns = names.map((name, c) => columnData(kinds[c], values[c], name, options.warn));
  return tableFromData(uniqueNames(names), columns, length);
}

type BasicType = 'BOOLEAN' | 'INT32' | 'INT64' | 'DOUBLE' | 'STRING' | 'TIMESTAMP';

function parquetColumn(
  type: DataType,
  vector: { get(i: number): unknown; length: number } & Parameters<typeof toFloat64>[0],
): { type: BasicType; data: unknown[] } {
  const n = vector.length;
  const get = (f: (v: unknown) => unknown): unknown[] => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = vector.get(i);
      out[i] = v === null || v === undefined ? null : f(v);
    }
    return out;
  };
  const kind = kindOf(type);
  if (kind === 'number') {
    if (type.typeId === Type.Int) {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      if (bitWidth < 32 || (bitWidth === 32 && isSigned)) return { type: 'INT32', data: get((v) => Number(v)) };
      if (bitWidth === 64 && isSigned) return { type: 'INT64', data: get((v) => BigInt(v as bigint | number)) };
    }
    const f = toFloat64(vector);
    return { type: 'DOUBLE', data: Array.from(f, (v) => (v === v ? v : null)) };
  }
  if (kind === 'boolean') return { type: 'BOOLEAN', data: get((v) => Boolean(v)) };
  if (kind === 'string') return { type: 'STRING', data: get((v) => String(v)) };
  if (kind === 'date') {
    return { type: 'TIMESTAMP', data: get((v) => new Date(v instanceof Date ? v.getTime() : Number(v))) };
  }
  return { type: 'STRING', data: get((v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x))) };
}

/** Writes a table as a Parquet file (Snappy-compressed, row groups of up to 100,000 rows). */
export async function writeParquet(table: Table): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columnData = table.schema.fields.map((field, i) => {
    const { type, data } = parquetColumn(field.type, table.getChildAt(i)!);
    return { name: field.name, type, data, nullable: true };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 100_000 }));
}
