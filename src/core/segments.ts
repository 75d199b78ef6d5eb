/**
 * Shared by the clustering nodes: choosing and reading the numeric columns into one row-major
 * Float64Array (missing values refused in plain words), stable segment labels (0 = largest) and
 * the per-segment summary table.
 */
import { makeVector, Table, type Vector } from 'apache-arrow';
import { NodeError } from './errors';
import { emptyColumnError, floatVector, isEmptyColumn, kindOf, numericColumns, requireColumn, toFloat64 } from './table';

export const SEGMENT = 'segment';
const RESERVED = new Set([SEGMENT, 'size', 'share', 'inertia']);

/** The columns to cluster on: the chosen ones (checked), or every numeric column except an old `segment`. */
export function chooseColumns(table: Table, chosen: string[]): string[] {
  if (chosen.length) {
    for (const name of chosen) {
      const vector = requireColumn(table, name);
      const kind = kindOf(vector.type);
      // A column with no value at all (often read as text) is empty, not text.
      if (kind !== 'number' && isEmptyColumn(vector)) throw emptyColumnError(name);
      if (kind !== 'number') {
        const what = kind === 'string' ? { en: 'text', vi: 'văn bản' } : kind === 'boolean' ? { en: 'yes/no values', vi: 'giá trị có/không' } : { en: 'values that are not numbers', vi: 'giá trị không phải số' };
        throw new NodeError({
          en: `The column "${name}" holds ${what.en}, but segments are found from numbers. Remove it from the columns, or turn it into numbers first with "One-hot encode".`,
          vi: `Cột "${name}" chứa ${what.vi}, nhưng phân khúc được tìm từ các cột số. Hãy bỏ cột này khỏi danh sách, hoặc đổi nó thành số trước bằng nút "Mã hoá one-hot".`,
        });
      }
    }
    return chosen;
  }
  const names = numericColumns(table).filter((n) => n !== SEGMENT);
  if (!names.length) {
    throw new NodeError({
      en: 'The table has no columns of numbers to find segments from. Add numeric columns (for example with "Aggregate per user" or "One-hot encode") before this step.',
      vi: 'Bảng không có cột số nào để tìm phân khúc. Hãy tạo cột số (ví dụ bằng "Tổng hợp theo người dùng" hoặc "Mã hoá one-hot") trước bước này.',
    });
  }
  return names;
}

/** The column as Float64Array: the Arrow buffer itself when it is one Float64 chunk without missing values (read only), else a copy. */
export function readFloat64(vector: Vector): Float64Array {
  const chunks = vector.data;
  if (chunks.length === 1 && chunks[0].nullCount === 0 && chunks[0].values instanceof Float64Array) return chunks[0].values.subarray(0, vector.length);
  return toFloat64(vector);
}

/** The columns as one row-major n × d matrix, with the spread of each column; missing values are refused. */
export function readMatrix(table: Table, columns: string[]): { data: Float64Array; stds: number[] } {
  const n = table.numRows, d = columns.length;
  const data = new Float64Array(n * d);
  const stds: number[] = [];
  let badRows = 0;
  const badByColumn: [string, number][] = [];
  const bad = new Uint8Array(n);
  const cols = columns.map((name) => readFloat64(requireColumn(table, name)));
  const sums = new Float64Array(d), squares = new Float64Array(d), missing = new Float64Array(d);
  // One pass, by blocks of rows that fit in the cache: each column is read in a straight run, its
  // spread summed on the way (in row order, as two passes would), and the block's rows are
  // written row-major while their cache lines are still there.
  const BLOCK = 2048;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(n, i0 + BLOCK);
    for (let c = 0; c < d; c++) {
      const col = cols[c];
      let sum = sums[c], sq = squares[c], miss = 0;
      for (let i = i0, p = i0 * d + c; i < i1; i++, p += d) {
        const v = col[i];
        data[p] = v;
        if (v - v !== 0) { // NaN or ±Infinity
          miss++;
          if (!bad[i]) { bad[i] = 1; badRows++; }
        } else { sum += v; sq += v * v; }
      }
      sums[c] = sum; squares[c] = sq; missing[c] += miss;
    }
  }
  for (let c = 0; c < d; c++) {
    if (missing[c]) badByColumn.push([columns[c], missing[c]]);
    const m = n - missing[c];
    stds.push(m ? Math.sqrt(Math.max(0, squares[c] / m - (sums[c] / m) ** 2)) : 0);
  }
  if (badRows) {
    const list = badByColumn.map(([c, m]) => `"${c}" (${m})`).join(', ');
    throw new NodeError({
      en: `${badRows} of ${n} rows have a missing value in the chosen columns: ${list}. Add a "Fill missing values" step before this one to fill or drop them.`,
      vi: `${badRows} trên ${n} dòng bị thiếu giá trị ở các cột đã chọn: ${list}. Hãy thêm bước "Xử lý giá trị thiếu" trước bước này để điền hoặc bỏ các dòng đó.`,
    });
  }
  return { data, stds };
}

/** The warning when one column's spread dwarfs the others', or null. */
export function spreadWarning(columns: string[], stds: number[]): { en: string; vi: string } | null {
  const positive = stds.filter((s) => s > 0);
  if (columns.length > 1 && positive.length > 1 && Math.max(...positive) > 10 * Math.min(...positive)) {
    const wide = columns[stds.indexOf(Math.max(...positive))];
    return { en: `The columns have very different spreads ("${wide}" varies the most), so it decides most of the segments. Add "Scale features" before this step to give every column a similar weight.`, vi: `Các cột có độ phân tán rất khác nhau ("${wide}" lớn nhất) nên cột này quyết định phần lớn phân khúc. Hãy thêm bước "Chuẩn hoá đặc trưng" trước bước này.` };
  }
  return null;
}

/** Segments by size, largest first (ties: the one whose first row comes first); returns old → new label. */
export function orderSegments(labels: Int32Array, sizes: Int32Array): Int32Array {
  const k = sizes.length;
  const first = new Int32Array(k).fill(labels.length);
  for (let i = labels.length - 1; i >= 0; i--) first[labels[i]] = i;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => sizes[b] - sizes[a] || first[a] - first[b]);
  const map = new Int32Array(k);
  order.forEach((old, j) => { map[old] = j; });
  return map;
}

/** Relabels 0..k-1 so that 0 is the largest segment; returns the new labels and sizes. */
export function stableLabels(labels: Int32Array, k: number): { labels: Int32Array; sizes: Int32Array; map: Int32Array } {
  const sizes = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
  const map = orderSegments(labels, sizes);
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = map[labels[i]];
  const newSizes = new Int32Array(k);
  for (let j = 0; j < k; j++) newSizes[map[j]] = sizes[j];
  return { labels: out, sizes: newSizes, map };
}

/** Per-segment means (k × d, row-major) of the rows of `data` with `labels`. */
export function segmentMeans(data: Float64Array, n: number, d: number, labels: Int32Array, k: number): Float64Array {
  const sums = new Float64Array(k * d), counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const s = labels[i] * d, b = i * d;
    counts[labels[i]]++;
    for (let c = 0; c < d; c++) sums[s + c] += data[b + c];
  }
  for (let j = 0; j < k; j++) for (let c = 0; c < d; c++) sums[j * d + c] = counts[j] ? sums[j * d + c] / counts[j] : NaN;
  return sums;
}

/** The segments table: segment, size, share, extra columns (e.g. inertia), then the mean of every column. */
export function segmentsTable(columns: string[], sizes: Int32Array, means: Float64Array, extra: Record<string, Float64Array> = {}): Table {
  const k = sizes.length, d = columns.length, n = sizes.reduce((a, b) => a + b, 0);
  const out: Record<string, Vector> = {
    segment: makeVector(Int32Array.from({ length: k }, (_, j) => j)),
    size: makeVector(Int32Array.from(sizes)),
    share: floatVector(Float64Array.from(sizes, (s) => s / n)),
  };
  for (const [name, values] of Object.entries(extra)) out[name] = floatVector(values);
  columns.forEach((name, c) => {
    out[RESERVED.has(name) || name in out ? `mean_${name}` : name] = floatVector(Float64Array.from({ length: k }, (_, j) => means[j * d + c]));
  });
  return new Table(out);
}
