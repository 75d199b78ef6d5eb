/**
 * Table helpers shared by nodes: typed access to columns and building new tables.
 * Numeric work reads columns as Float64Array (`vector.toArray()`), never row by row.
 */
import { Bool, type Data, DataType, Float64, Int32, Table, Type, Utf8, Vector, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { buildTable } from './arrow-build';
import { NodeError } from '../contract/errors';
import type { PortValue } from '../contract/node';

export type ColumnKind = 'number' | 'string' | 'boolean' | 'date' | 'other';

/** The name and kind of every column, as shown in pickers and the data panel. */
export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** Arrow's own name of the type, e.g. `Float64`. */
  arrow: string;
  /** The column holds dates: a date type, or text / epoch numbers that read as dates (see column-hints.ts). */
  dates?: boolean;
}

export function isTable(value: PortValue | undefined): value is Table {
  return value instanceof Table;
}

/** The table on an input port, or a plain-language error if it is missing. */
export function requireTable(inputs: Record<string, PortValue | undefined>, port = 'in'): Table {
  const value = inputs[port];
  if (!isTable(value)) {
    throw new NodeError({
      en: `Nothing is connected to the input "${port}". Connect a table to it.`,
      vi: `Chưa có gì nối vào cổng vào "${port}". Hãy nối một bảng vào đó.`,
    });
  }
  return value;
}

export function kindOf(type: DataType): ColumnKind {
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
    case Type.Decimal:
      return 'number';
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'string';
    case Type.Dictionary:
      return kindOf((type as unknown as { dictionary: DataType }).dictionary);
    case Type.Bool:
      return 'boolean';
    case Type.Date:
    case Type.Timestamp:
      return 'date';
    default:
      return 'other';
  }
}

export function columnInfo(table: Table): ColumnInfo[] {
  return table.schema.fields.map((f) => ({ name: f.name, kind: kindOf(f.type), arrow: String(f.type) }));
}

export function columnNames(table: Table): string[] {
  return table.schema.fields.map((f) => f.name);
}

/** Names of the numeric columns, in table order. */
export function numericColumns(table: Table): string[] {
  return table.schema.fields.filter((f) => kindOf(f.type) === 'number').map((f) => f.name);
}

/** Whether every value of a column is missing (or empty text): a column of nothing, whatever its storage type. */
export function isEmptyColumn(vector: Vector): boolean {
  if (vector.length === 0 || vector.nullCount === vector.length) return true;
  if (kindOf(vector.type) !== 'string') return false;
  for (const v of vector) if (v !== null && v !== undefined && String(v).trim() !== '') return false;
  return true;
}

/** The error for a column that holds no value at all. */
export function emptyColumnError(name: string): NodeError {
  return new NodeError({
    en: `The column "${name}" is empty: every value is missing. Choose another column, or check the file and the steps before this one.`,
    vi: `Cột "${name}" trống: mọi giá trị đều bị thiếu. Hãy chọn cột khác, hoặc kiểm tra tệp và các bước trước.`,
  });
}

/** A text column's vector; an empty column is called empty, any other kind "does not hold text". */
export function requireTextColumn(table: Table, name: string): Vector {
  const vector = requireColumn(table, name);
  if (kindOf(vector.type) === 'string') return vector;
  if (isEmptyColumn(vector)) throw emptyColumnError(name);
  throw new NodeError({
    en: `The column "${name}" does not hold text. Choose a text column.`,
    vi: `Cột "${name}" không chứa văn bản. Hãy chọn một cột văn bản.`,
  });
}

/** The column's vector, or a plain-language error naming the columns that do exist. */
export function requireColumn(table: Table, name: string, kind?: ColumnKind): Vector {
  const index = table.schema.fields.findIndex((f) => f.name === name);
  if (index < 0) {
    const have = columnNames(table);
    throw new NodeError({
      en: `The column "${name}" is not in the table. The table has: ${have.slice(0, 12).join(', ')}${have.length > 12 ? ', …' : ''}.`,
      vi: `Bảng không có cột "${name}". Các cột hiện có: ${have.slice(0, 12).join(', ')}${have.length > 12 ? ', …' : ''}.`,
    });
  }
  const vector = table.getChildAt(index)!;
  if (kind && kindOf(vector.type) !== kind) {
    if (isEmptyColumn(vector)) throw emptyColumnError(name);
    const en = { number: 'numbers', string: 'text', boolean: 'yes/no values', date: 'dates', other: 'values' }[kind];
    const vi = { number: 'số', string: 'văn bản', boolean: 'giá trị có/không', date: 'ngày tháng', other: 'giá trị' }[kind];
    throw new NodeError({
      en: `The column "${name}" must hold ${en}, but it holds ${kindOf(vector.type) === 'string' ? 'text' : String(vector.type)}.`,
      vi: `Cột "${name}" phải chứa ${vi}, nhưng nó chứa ${kindOf(vector.type) === 'string' ? 'văn bản' : String(vector.type)}.`,
    });
  }
  return vector;
}

/** A numeric column as one Float64Array; missing values become NaN. */
export function toFloat64(vector: Vector): Float64Array {
  const out = new Float64Array(vector.length);
  let offset = 0;
  for (const chunk of vector.data) {
    // Arrow slices the values buffer with the chunk; only the validity bitmap is read at `offset`.
    const values = chunk.values as ArrayLike<number | bigint>;
    const base = chunk.offset;
    if (typeof values[0] === 'bigint') {
      for (let i = 0; i < chunk.length; i++) out[offset + i] = Number(values[i] as bigint);
    } else if (values instanceof Float64Array) {
      out.set(values.subarray(0, chunk.length), offset);
    } else {
      for (let i = 0; i < chunk.length; i++) out[offset + i] = values[i] as number;
    }
    if (chunk.nullCount > 0 && chunk.nullBitmap) {
      const bits = chunk.nullBitmap;
      for (let i = 0; i < chunk.length; i++) {
        const j = base + i;
        if ((bits[j >> 3] & (1 << (j & 7))) === 0) out[offset + i] = NaN;
      }
    }
    offset += chunk.length;
  }
  return out;
}

/** The column as Float64Array: the Arrow buffer itself when it is one Float64 chunk without missing values (read only), else a copy. */
export function readFloat64(vector: Vector): Float64Array {
  const chunks = vector.data;
  if (chunks.length === 1 && chunks[0].nullCount === 0 && chunks[0].values instanceof Float64Array)
    return chunks[0].values.subarray(0, vector.length);
  return toFloat64(vector);
}

/** A column of any type as JS values (strings, numbers, booleans, null), for text and categorical work. */
export function toValues(vector: Vector): unknown[] {
  const values = vector.toArray() as unknown;
  return values instanceof Array ? (values as unknown[]) : Array.from(vector);
}

/** A Float64 vector from numbers; NaN becomes a missing value. */
export function floatVector(values: Float64Array): Vector<Float64> {
  let nulls = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) nulls++;
  if (nulls === 0) return makeVector(values);
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) bitmap[i >> 3] |= 1 << (i & 7);
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: values }));
}

export function int32Vector(values: Int32Array): Vector<Int32> {
  return makeVector(values);
}

export function stringVector(values: readonly (string | null | undefined)[]): Vector<Utf8> {
  return vectorFromArray(
    values.map((v) => (v === undefined ? null : v)),
    new Utf8(),
  );
}

export function boolVector(values: readonly (boolean | null)[]): Vector<Bool> {
  return vectorFromArray(values, new Bool());
}

/**
 * A table of named vectors, in the given order. Names are never used as keys of a plain object, so
 * a column named "__proto__" or "constructor" is kept and one named "2019" keeps its place.
 */
export function tableOfNamed(names: readonly string[], vectors: readonly Vector[]): Table {
  const length = vectors.length ? vectors[0].length : 0;
  if (vectors.every((v) => v.data.length === 1 && v.length === length))
    return buildTable(
      names,
      vectors.map((v) => v.data[0]),
      length,
    );
  const columns = Object.create(null) as Record<string, Vector>;
  names.forEach((name, i) => {
    columns[name] = vectors[i];
  });
  return new Table(columns);
}

/**
 * Named columns gathered in order for a new table. Use it where column names come from the data:
 * a plain object would move a column named "2019" to the front and mishandle "__proto__".
 * Setting a name again replaces that column in its place.
 */
export class ColumnList {
  private readonly columns = new Map<string, Vector>();

  set(name: string, vector: Vector): this {
    this.columns.set(name, vector);
    return this;
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  get size(): number {
    return this.columns.size;
  }

  toTable(): Table {
    return tableOfNamed([...this.columns.keys()], [...this.columns.values()]);
  }
}

/** A new table of the given columns, in order. */
export function tableOf(columns: Record<string, Vector>): Table {
  const names = Object.keys(columns);
  return tableOfNamed(
    names,
    names.map((n) => columns[n]),
  );
}

/** A new table with columns added or replaced (replaced ones keep their place); the input is untouched. */
export function withColumns(table: Table, added: Record<string, Vector>): Table {
  const names = table.schema.fields.map((f) => f.name);
  const vectors = names.map((name) => (Object.hasOwn(added, name) ? added[name] : table.getChild(name)!));
  const have = new Set(names);
  for (const name of Object.keys(added))
    if (!have.has(name)) {
      names.push(name);
      vectors.push(added[name]);
    }
  return tableOfNamed(names, vectors);
}

/** Keeps the rows whose index is set in `keep` (a 0/1 mask). */
export function filterRows(table: Table, keep: Uint8Array): Table {
  const indices: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i]) indices.push(i);
  return takeRows(table, Int32Array.from(indices));
}

type AnyData = Data<DataType>;
type TypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** For every requested row, its chunk and its index inside the chunk. */
function locate(vector: Vector, indices: Int32Array): { chunk: Int32Array; local: Int32Array } | null {
  const chunks = vector.data;
  if (chunks.length <= 1) return null;
  const starts = new Float64Array(chunks.length + 1);
  for (let c = 0; c < chunks.length; c++) starts[c + 1] = starts[c] + chunks[c].length;
  const chunk = new Int32Array(indices.length),
    local = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    let lo = 0,
      hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= r) lo = mid;
      else hi = mid - 1;
    }
    chunk[i] = lo;
    local[i] = r - starts[lo];
  }
  return { chunk, local };
}

/** The validity bitmap of the taken rows (null when none is missing) and the count of missing ones. */
function takeValidity(
  chunks: readonly AnyData[],
  indices: Int32Array,
  where: ReturnType<typeof locate>,
): { bitmap: Uint8Array | undefined; nulls: number } {
  if (!chunks.some((c) => c.nullCount > 0)) return { bitmap: undefined, nulls: 0 };
  const n = indices.length;
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const c = where ? chunks[where.chunk[i]] : chunks[0];
    const bits = c.nullCount > 0 ? c.nullBitmap : undefined;
    const j = c.offset + (where ? where.local[i] : indices[i]);
    if (!bits || bits.length === 0 || (bits[j >> 3] & (1 << (j & 7))) !== 0) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return { bitmap: nulls ? bitmap : undefined, nulls };
}

/** The rows at `indices` of one column, copying buffers (numbers, dates, booleans, text, dictionaries) without per-row objects. */
export function takeVector(vector: Vector, indices: Int32Array): Vector {
  const chunks = vector.data as AnyData[];
  const type = vector.type as DataType;
  const n = indices.length;
  if (chunks.length === 0) return makeVector(makeData({ type, length: 0, nullCount: 0 } as never));
  const where = locate(vector, indices);
  const at = (i: number) => (where ? where.local[i] : indices[i]);
  const chunkOf = (i: number) => (where ? chunks[where.chunk[i]] : chunks[0]);
  const { bitmap, nulls } = takeValidity(chunks, indices, where);
  const id = type.typeId;
  const fixed =
    id === Type.Int ||
    id === Type.Float ||
    id === Type.Date ||
    id === Type.Timestamp ||
    id === Type.Time ||
    id === Type.Duration ||
    id === Type.Decimal ||
    id === Type.Interval ||
    id === Type.FixedSizeBinary;
  if (fixed || id === Type.Dictionary) {
    if (id === Type.Dictionary && chunks.some((c) => c.dictionary !== chunks[0].dictionary)) return takeGeneric(vector, indices);
    const stride = chunks[0].stride;
    const Ctor = (chunks[0].values as TypedArray).constructor as new (length: number) => TypedArray;
    const out = new Ctor(n * stride);
    if (stride === 1) {
      if (!where) {
        const values = chunks[0].values as TypedArray;
        if (values instanceof BigInt64Array || values instanceof BigUint64Array) for (let i = 0; i < n; i++) out[i] = values[indices[i]];
        else {
          const o = out as Float64Array,
            v = values as Float64Array;
          for (let i = 0; i < n; i++) o[i] = v[indices[i]];
        }
      } else {
        for (let i = 0; i < n; i++) out[i] = (chunkOf(i).values as TypedArray)[at(i)];
      }
    } else {
      for (let i = 0; i < n; i++) {
        const values = chunkOf(i).values as TypedArray,
          from = at(i) * stride;
        for (let s = 0; s < stride; s++) out[i * stride + s] = values[from + s];
      }
    }
    return makeVector(
      makeData({ type, length: n, nullCount: nulls, nullBitmap: bitmap, data: out, dictionary: chunks[0].dictionary } as never),
    );
  }
  if (id === Type.Bool) {
    const out = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++) {
      const c = chunkOf(i),
        j = c.offset + at(i);
      if ((c.values[j >> 3] & (1 << (j & 7))) !== 0) out[i >> 3] |= 1 << (i & 7);
    }
    return makeVector(makeData({ type, length: n, nullCount: nulls, nullBitmap: bitmap, data: out } as never));
  }
  if (id === Type.Utf8 || id === Type.Binary) {
    const offsets = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const vo = chunkOf(i).valueOffsets as Int32Array,
        j = at(i);
      total += vo[j + 1] - vo[j];
      offsets[i + 1] = total;
    }
    const bytes = new Uint8Array(total);
    for (let i = 0; i < n; i++) {
      const c = chunkOf(i),
        vo = c.valueOffsets as Int32Array,
        j = at(i);
      const from = vo[j],
        to = vo[j + 1],
        values = c.values as Uint8Array;
      let p = offsets[i];
      if (to - from > 32) bytes.set(values.subarray(from, to), p);
      else for (let b = from; b < to; b++) bytes[p++] = values[b];
    }
    return makeVector(makeData({ type, length: n, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes } as never));
  }
  return takeGeneric(vector, indices);
}

function takeGeneric(vector: Vector, indices: Int32Array): Vector {
  const values = Array.from({ length: indices.length }, (_, i) => vector.get(indices[i]));
  return vectorFromArray(values, vector.type.typeId === Type.Dictionary ? new Utf8() : vector.type);
}

/** A new table with the rows at `indices`, in that order; every column keeps its type. */
export function takeRows(table: Table, indices: Int32Array): Table {
  return tableOfNamed(
    table.schema.fields.map((f) => f.name),
    table.schema.fields.map((_, c) => takeVector(table.getChildAt(c)!, indices)),
  );
}
