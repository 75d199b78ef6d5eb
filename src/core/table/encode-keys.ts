/**
 * Maps the values of a column to dense integer ids (0, 1, 2… in order of first appearance), once,
 * so that grouping and counting work on Int32Arrays. Text columns are decoded one chunk at a
 * time (one decode for the whole chunk, then slices), never one Arrow value at a time.
 */
import { type Data, Type, type Vector } from 'apache-arrow';
import { kindOf, toFloat64 } from './table';

export interface EncodedKeys {
  /** The id of each row's value; -1 where the value is missing. */
  codes: Int32Array;
  /** The distinct values, by id. */
  values: (string | number)[];
  /** `number` when the column holds numbers (values are numbers), else `string`. */
  kind: 'number' | 'string';
  /** Rows with no value. */
  missing: number;
}

const decoder = new TextDecoder();

const isValid = (chunk: Data, i: number) =>
  chunk.nullCount === 0 || !chunk.nullBitmap || (chunk.nullBitmap[(chunk.offset + i) >> 3] & (1 << ((chunk.offset + i) & 7))) !== 0;

/** UTF-16 positions of the byte offsets of a chunk's values within `text` (its decoded bytes). */
function charOffsets(bytes: Uint8Array, offsets: Int32Array, length: number, base: number, sameLength: boolean): Int32Array {
  const out = new Int32Array(length + 1);
  if (sameLength) {
    for (let i = 0; i <= length; i++) out[i] = offsets[i] - base;
    return out;
  }
  let chars = 0,
    p = base;
  for (let i = 0; i <= length; i++) {
    const end = offsets[i];
    for (; p < end; p++) {
      const b = bytes[p];
      if ((b & 0xc0) !== 0x80) chars += b >= 0xf0 ? 2 : 1;
    }
    out[i] = chars;
  }
  return out;
}

/**
 * Dense ids of a column's values. `onRows` is awaited every 65,536 rows (for progress and
 * cancellation).
 */
export async function encodeKeys(vector: Vector, onRows?: (done: number) => Promise<void>): Promise<EncodedKeys> {
  const n = vector.length;
  const codes = new Int32Array(n);
  const values: (string | number)[] = [];
  let missing = 0;

  if (kindOf(vector.type) === 'number') {
    const x = toFloat64(vector);
    const ids = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if ((i & 65535) === 0 && i && onRows) await onRows(i);
      const v = x[i];
      if (v !== v) {
        codes[i] = -1;
        missing++;
        continue;
      }
      let id = ids.get(v);
      if (id === undefined) {
        id = values.length;
        ids.set(v, id);
        values.push(v);
      }
      codes[i] = id;
    }
    return { codes, values, kind: 'number', missing };
  }

  const ids = new Map<string, number>();
  const idOf = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = values.length;
      ids.set(s, id);
      values.push(s);
    }
    return id;
  };
  let row = 0;
  if (vector.type.typeId === Type.Utf8) {
    for (const chunk of vector.data) {
      const offsets = chunk.valueOffsets as Int32Array,
        bytes = chunk.values as Uint8Array;
      const base = offsets[0],
        end = offsets[chunk.length];
      const text = decoder.decode(bytes.subarray(base, end));
      const pos = charOffsets(bytes, offsets, chunk.length, base, text.length === end - base);
      for (let i = 0; i < chunk.length; i++, row++) {
        if ((row & 65535) === 0 && row && onRows) await onRows(row);
        if (!isValid(chunk, i)) {
          codes[row] = -1;
          missing++;
          continue;
        }
        codes[row] = idOf(text.slice(pos[i], pos[i + 1]));
      }
    }
  } else if (vector.type.typeId === Type.Dictionary) {
    for (const chunk of vector.data) {
      const dictionary = chunk.dictionary ? Array.from(chunk.dictionary as Iterable<unknown>) : [];
      const map = dictionary.map((v) => (v === null || v === undefined ? -1 : idOf(String(v))));
      const indices = chunk.values as ArrayLike<number | bigint>;
      for (let i = 0; i < chunk.length; i++, row++) {
        if ((row & 65535) === 0 && row && onRows) await onRows(row);
        const id = isValid(chunk, i) ? map[Number(indices[i])] : -1;
        codes[row] = id;
        if (id < 0) missing++;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      if ((i & 65535) === 0 && i && onRows) await onRows(i);
      const v = vector.get(i) as unknown;
      if (v === null || v === undefined) {
        codes[i] = -1;
        missing++;
        continue;
      }
      codes[i] = idOf(v instanceof Date ? v.toISOString() : String(v));
    }
  }
  return { codes, values, kind: 'string', missing };
}
