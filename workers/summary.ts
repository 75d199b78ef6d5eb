/**
 * Per-column summaries for the data panel, computed in the worker (the page never computes on
 * data). One column at a time (`summarizeColumn`), so the worker can send each as soon as it is
 * ready and answer page requests in between. Text columns are counted on their UTF-8 bytes
 * (hashed in place, no string per row); only the most frequent values are decoded.
 */
import { DataType, type Data, type Table, type Vector } from 'apache-arrow';
import { kindOf, toFloat64, type ColumnKind } from '../src/core/table/table';

export interface ColumnSummary {
  name: string;
  kind: ColumnKind;
  arrow: string;
  missing: number;
  min?: number;
  max?: number;
  mean?: number;
  distinct?: number;
  /** True when there were more distinct values than were counted (`distinct` is then a lower bound). */
  distinctCapped?: boolean;
  /** Most frequent values with counts (text and yes/no columns). */
  top?: { value: string; count: number }[];
}

const DISTINCT_LIMIT = 100_000;
const TOP = 5;

export function summarize(table: Table): ColumnSummary[] {
  return table.schema.fields.map((_, index) => summarizeColumn(table, index));
}

/** The summary of column `index`. */
export function summarizeColumn(table: Table, index: number): ColumnSummary {
  const field = table.schema.fields[index];
  const vector = table.getChildAt(index)!;
  const kind = kindOf(field.type);
  const base = { name: field.name, kind, arrow: String(field.type) };
  if (kind === 'number') {
    const values = toFloat64(vector);
    let min = Infinity,
      max = -Infinity,
      sum = 0,
      n = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      n++;
    }
    return { ...base, missing: values.length - n, ...(n ? { min, max, mean: sum / n } : {}) };
  }
  const counted = DataType.isUtf8(field.type) ? countUtf8(vector as Vector) : countValues(vector);
  const top = counted.top.map(({ value, count }) => ({ value: value.slice(0, 80), count }));
  return {
    ...base,
    missing: counted.missing,
    distinct: counted.distinct,
    ...(counted.distinct >= DISTINCT_LIMIT ? { distinctCapped: true } : {}),
    top,
  };
}

interface Counted {
  missing: number;
  distinct: number;
  top: { value: string; count: number }[];
}

/** Any column, through Arrow's values (dates, yes/no, dictionaries…). */
function countValues(vector: Vector): Counted {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const value of vector) {
    if (value === null || value === undefined) {
      missing++;
      continue;
    }
    const key = String(value);
    const c = counts.get(key);
    if (c !== undefined) counts.set(key, c + 1);
    else if (counts.size < DISTINCT_LIMIT) counts.set(key, 1);
  }
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([value, count]) => ({ value, count }));
  return { missing, distinct: counts.size, top };
}

/**
 * A Utf8 column (a sliced chunk keeps absolute value offsets, its bitmap is read at `offset`):
 * an open-addressing table of (hash, first chunk, first row, count) over the
 * values' bytes. Same counts as `countValues` (the same first 100,000 distinct values are kept).
 */
function countUtf8(vector: Vector): Counted {
  let size = 1 << 10;
  let slots = new Int32Array(size).fill(-1); // entry number, or -1
  const hashes: number[] = [],
    chunkOf: number[] = [],
    rowOf: number[] = [],
    counts: number[] = [];
  const chunks = vector.data as Data[];
  // Each chunk's buffers, read once (Arrow's getters are not free in a loop over rows).
  const offsets = chunks.map((c) => c.valueOffsets as Int32Array);
  const values = chunks.map((c) => c.values as Uint8Array);
  let missing = 0;
  for (let ci = 0; ci < chunks.length; ci++) {
    const chunk = chunks[ci];
    const offs = offsets[ci],
      bytes = values[ci],
      n = chunk.length;
    const bitmap = chunk.nullCount > 0 ? chunk.nullBitmap : null,
      base = chunk.offset;
    for (let i = 0; i < n; i++) {
      if (bitmap && (bitmap[(base + i) >> 3] & (1 << ((base + i) & 7))) === 0) {
        missing++;
        continue;
      }
      const start = offs[i],
        end = offs[i + 1],
        len = end - start;
      let h = 0x811c9dc5;
      for (let q = start; q < end; q++) h = Math.imul(h ^ bytes[q], 0x01000193);
      h = h & 0x7fffffff; // a small integer: fast to store and compare
      let p = h & (size - 1);
      let found = -1;
      for (;;) {
        const e = slots[p];
        if (e < 0) break;
        if (hashes[e] === h) {
          const o2 = offsets[chunkOf[e]],
            v2 = values[chunkOf[e]],
            s2 = o2[rowOf[e]];
          if (o2[rowOf[e] + 1] - s2 === len) {
            let q = 0;
            while (q < len && v2[s2 + q] === bytes[start + q]) q++;
            if (q === len) {
              found = e;
              break;
            }
          }
        }
        p = (p + 1) & (size - 1);
      }
      if (found >= 0) {
        counts[found]++;
        continue;
      }
      if (counts.length >= DISTINCT_LIMIT) continue;
      const e = counts.length;
      hashes.push(h);
      chunkOf.push(ci);
      rowOf.push(i);
      counts.push(1);
      slots[p] = e;
      if (counts.length * 2 > size) {
        size *= 2;
        slots = new Int32Array(size).fill(-1);
        for (let x = 0; x < counts.length; x++) {
          let r = hashes[x] & (size - 1);
          while (slots[r] >= 0) r = (r + 1) & (size - 1);
          slots[r] = x;
        }
      }
    }
  }
  // The most frequent first; ties keep the order of first appearance (as a Map sorted stably).
  const order = Array.from(counts.keys())
    .sort((a, b) => counts[b] - counts[a] || a - b)
    .slice(0, TOP);
  const decoder = new TextDecoder();
  const top = order.map((e) => {
    const offs = offsets[chunkOf[e]],
      r = rowOf[e];
    return { value: decoder.decode(values[chunkOf[e]].subarray(offs[r], offs[r + 1])), count: counts[e] };
  });
  return { missing, distinct: counts.length, top };
}
