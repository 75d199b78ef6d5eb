/**
 * Dense ids of multi-column row keys, for deduplication and joins: each column is first encoded
 * (encode-keys), then the codes are combined column by column into one Int32Array of ids.
 */

/**
 * One id per row for the combination of the codes of several columns (codes: -1 = missing).
 * With `missingMatches`, a missing value is a value like any other; otherwise rows with a missing
 * key get -1. `onRows` is awaited every 65,536 rows per column.
 */
export async function combineCodes(
  columns: Int32Array[],
  missingMatches: boolean,
  onRows?: (done: number) => Promise<void>,
): Promise<{ ids: Int32Array; count: number }> {
  const n = columns.length ? columns[0].length : 0;
  const ids = new Int32Array(n);
  let count = 1; // zero columns: every row shares one key
  for (let c = 0; c < columns.length; c++) {
    const codes = columns[c];
    let card = 0;
    for (let i = 0; i < n; i++) if (codes[i] + 1 > card) card = codes[i] + 1;
    const width = card + 1;
    const dense = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if ((i & 65535) === 0 && i && onRows) await onRows(i);
      const prev = ids[i],
        code = codes[i];
      if (prev < 0 || (code < 0 && !missingMatches)) {
        ids[i] = -1;
        continue;
      }
      const key = prev * width + code + 1;
      let id = dense.get(key);
      if (id === undefined) {
        id = dense.size;
        dense.set(key, id);
      }
      ids[i] = id;
    }
    count = dense.size;
  }
  return { ids, count: n ? count : 0 };
}
