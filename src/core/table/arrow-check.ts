/**
 * Checks the buffers of an Arrow table read from a user's file. Arrow IPC readers trust the
 * lengths and offsets written in the file, so a file with an intact schema and a damaged body reads
 * as rows of garbage (empty or shifted texts) without any error. This pass finds such damage:
 * buffers shorter than their columns, offsets that go backwards or past their data, text that is
 * not UTF-8, dictionary codes outside their dictionary, null counts beyond the length.
 */
import { type Data, DataType, type Table } from 'apache-arrow';

/** What is wrong with a column's data, or null when it looks sound. */
function problem(d: Data, depth = 0): string | null {
  const { type, length, offset } = d;
  if (!(length >= 0) || !(offset >= 0)) return 'a negative length';
  if (depth > 64) return 'nesting too deep';
  const end = offset + length;
  const bitmap = d.nullBitmap as Uint8Array | undefined;
  const declaredNulls = (d as unknown as { _nullCount: number })._nullCount;
  if (declaredNulls > length) return `${declaredNulls} missing values in ${length} rows`;
  if (bitmap && bitmap.length > 0 && bitmap.length * 8 < end) return 'a validity bitmap shorter than the column';
  if (declaredNulls > 0 && (!bitmap || bitmap.length === 0)) return 'missing values without a validity bitmap';
  // Offsets, codes and values buffers of a slice start at the slice; the validity bitmap (and Bool values) at `offset`.
  const valid = (i: number): boolean => !bitmap || bitmap.length === 0 || (bitmap[(i + offset) >> 3] & (1 << ((i + offset) & 7))) !== 0;

  if (DataType.isDictionary(type)) {
    const dict = d.dictionary;
    if (!dict) return 'a dictionary column without its dictionary';
    const codes = d.values as ArrayLike<number | bigint>;
    if (codes.length < length) return 'a codes buffer shorter than the column';
    const size = dict.length;
    for (let i = 0; i < length; i++) {
      if (!valid(i)) continue;
      const c = Number(codes[i]);
      if (!(c >= 0 && c < size)) return `a dictionary code (${c}) outside its dictionary of ${size} values`;
    }
    for (const chunk of dict.data) {
      const p = problem(chunk, depth + 1);
      if (p) return p;
    }
    return null;
  }
  const variable = DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isBinary(type) || DataType.isLargeBinary(type);
  const listLike = DataType.isList(type) || DataType.isLargeList(type) || DataType.isMap(type);
  if (variable || listLike) {
    const offsets = d.valueOffsets as ArrayLike<number | bigint> | undefined;
    if (length === 0) return null;
    if (!offsets || offsets.length < length + 1) return 'an offsets buffer shorter than the column';
    const limit = variable ? ((d.values as Uint8Array | undefined)?.length ?? 0) : (d.children[0]?.length ?? 0);
    let last = Number(offsets[0]);
    if (!(last >= 0)) return 'a negative offset';
    const first = last;
    for (let i = 1; i <= length; i++) {
      const o = Number(offsets[i]);
      if (!(o >= last)) return 'offsets that go backwards';
      last = o;
    }
    if (last > limit) return `offsets that point past their data (${last} > ${limit})`;
    if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode((d.values as Uint8Array).subarray(first, last));
      } catch {
        return 'text that is not valid UTF-8';
      }
    }
    if (listLike && d.children[0]) return problem(d.children[0], depth + 1);
    return null;
  }
  if (DataType.isBool(type)) {
    return (d.values as Uint8Array).length * 8 < end ? 'a values buffer shorter than the column' : null;
  }
  if (DataType.isStruct(type) || DataType.isFixedSizeList(type)) {
    const per = DataType.isFixedSizeList(type) ? type.listSize : 1;
    for (const child of d.children) {
      if (child.length < length * per) return 'a nested column shorter than its parent';
      const p = problem(child, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (DataType.isNull(type) || DataType.isUnion(type) || DataType.isUtf8View(type) || DataType.isBinaryView(type)) return null;
  // Fixed-width values: numbers, dates, times, decimals, fixed-size binary.
  const values = d.values as ArrayLike<unknown> | undefined;
  const stride = (d as unknown as { stride: number }).stride || 1;
  if (length > 0 && (!values || values.length < length * stride)) return 'a values buffer shorter than the column';
  return null;
}

/** The first damaged column of `table` as "column name: what is wrong", or null when none is. */
export function findDamage(table: Table): string | null {
  const fields = table.schema.fields;
  for (let c = 0; c < fields.length; c++) {
    const column = table.getChildAt(c);
    if (!column) return `${fields[c].name}: no data`;
    if (column.length !== table.numRows) return `${fields[c].name}: ${column.length} values in a table of ${table.numRows} rows`;
    for (const chunk of column.data) {
      const p = problem(chunk);
      if (p) return `"${fields[c].name}": ${p}`;
    }
  }
  return null;
}
