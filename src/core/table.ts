/**
 * Table helpers shared by nodes: typed access to columns and building new tables.
 * Numeric work reads columns as Float64Array (`vector.toArray()`), never row by row.
 */
import {
  Bool, DataType, Float64, Int32, Table, Type, Utf8, Vector, makeData, makeVector, vectorFromArray,
} from 'apache-arrow';
import { NodeError } from './errors';
import type { PortValue } from './node';

export type ColumnKind = 'number' | 'string' | 'boolean' | 'date' | 'other';

/** The name and kind of every column, as shown in pickers and the data panel. */
export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** Arrow's own name of the type, e.g. `Float64`. */
  arrow: string;
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
    case Type.Int: case Type.Float: case Type.Decimal: return 'number';
    case Type.Utf8: case Type.LargeUtf8: return 'string';
    case Type.Dictionary: return kindOf((type as unknown as { dictionary: DataType }).dictionary);
    case Type.Bool: return 'boolean';
    case Type.Date: case Type.Timestamp: return 'date';
    default: return 'other';
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
    const values = chunk.values as ArrayLike<number | bigint>;
    const base = chunk.offset;
    if (typeof values[0] === 'bigint') {
      for (let i = 0; i < chunk.length; i++) out[offset + i] = Number(values[base + i] as bigint);
    } else if (base === 0 && values instanceof Float64Array) {
      out.set(values.subarray(0, chunk.length), offset);
    } else {
      for (let i = 0; i < chunk.length; i++) out[offset + i] = values[base + i] as number;
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

/** A column of any type as JS values (strings, numbers, booleans, null), for text and categorical work. */
export function toValues(vector: Vector): unknown[] {
  return vector.toArray() instanceof Array ? (vector.toArray() as unknown[]) : Array.from(vector);
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
  return vectorFromArray(values.map((v) => (v === undefined ? null : v)), new Utf8());
}

export function boolVector(values: readonly (boolean | null)[]): Vector<Bool> {
  return vectorFromArray(values, new Bool());
}

/** A new table of the given columns, in order. */
export function tableOf(columns: Record<string, Vector>): Table {
  return new Table(columns);
}

/** A new table with columns added or replaced (replaced ones keep their place); the input is untouched. */
export function withColumns(table: Table, added: Record<string, Vector>): Table {
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    columns[field.name] = added[field.name] ?? table.getChild(field.name)!;
  }
  for (const [name, vector] of Object.entries(added)) if (!(name in columns)) columns[name] = vector;
  return new Table(columns);
}

/** Keeps the rows whose index is set in `keep` (a 0/1 mask). */
export function filterRows(table: Table, keep: Uint8Array): Table {
  const indices: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i]) indices.push(i);
  return takeRows(table, Int32Array.from(indices));
}

/** A new table with the rows at `indices`, in that order. */
export function takeRows(table: Table, indices: Int32Array): Table {
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)!;
    const kind = kindOf(field.type);
    if (kind === 'number') {
      const all = toFloat64(vector);
      const out = new Float64Array(indices.length);
      for (let i = 0; i < indices.length; i++) out[i] = all[indices[i]];
      columns[field.name] = field.type.typeId === Type.Int && field.type.toString() === 'Int32' && vector.nullCount === 0
        ? makeVector(Int32Array.from(out))
        : floatVector(out);
    } else {
      const values = Array.from({ length: indices.length }, (_, i) => vector.get(indices[i]));
      columns[field.name] = vectorFromArray(values, field.type.typeId === Type.Dictionary ? new Utf8() : field.type);
    }
  }
  return new Table(columns);
}
