/**
 * Shared by the clustering nodes: choosing and reading the numeric columns into one row-major
 * Float64Array (missing values refused in plain words), stable segment labels (0 = largest) and
 * the per-segment summary table.
 */
import { makeVector, Table, type Vector } from 'apache-arrow';
import { defaultNumericColumns, leftOutNote } from '../table/columns';
import { NodeError } from '../contract/errors';
import { emptyColumnError, floatVector, isEmptyColumn, kindOf, readFloat64, requireColumn } from '../table/table';
import type { Text } from '../contract/i18n';
import { formats } from '../contract/format';
import { shareableFloat64 } from '../contract/helpers';

export const SEGMENT = 'segment';
const RESERVED = new Set([SEGMENT, 'size', 'share', 'inertia']);

/**
 * The columns to cluster on: the chosen ones (checked), or every numeric column except an old
 * `segment`, id-like and constant columns (named in a note through `warn`).
 */
export function chooseColumns(table: Table, chosen: string[], warn?: (note: Text) => void): string[] {
  if (chosen.length) {
    for (const name of chosen) {
      const vector = requireColumn(table, name);
      const kind = kindOf(vector.type);
      // A column with no value at all (often read as text) is empty, not text.
      if (kind !== 'number' && isEmptyColumn(vector)) throw emptyColumnError(name);
      if (kind !== 'number') {
        const what =
          kind === 'string'
            ? { en: 'text', vi: 'văn bản' }
            : kind === 'boolean'
              ? { en: 'yes/no values', vi: 'giá trị có/không' }
              : { en: 'values that are not numbers', vi: 'giá trị không phải số' };
        throw new NodeError({
          en: `The column "${name}" holds ${what.en}, but segments are found from numbers. Remove it from the columns, or turn it into numbers first with "One-hot encode".`,
          vi: `Cột "${name}" chứa ${what.vi}, nhưng phân khúc được tìm từ các cột số. Hãy bỏ cột này khỏi danh sách, hoặc đổi nó thành số trước bằng nút "Mã hoá one-hot".`,
        });
      }
    }
    return chosen;
  }
  const { used, leftOut } = defaultNumericColumns(table, [SEGMENT]);
  if (!used.length) {
    const skipped = leftOut.map((c) => `"${c.name}"`).join(', ');
    throw new NodeError({
      en: `The table has no columns of numbers to find segments from${skipped ? ` (${skipped} look like ids or never change, so they are not used by default)` : ''}. Add numeric columns (for example with "Aggregate per user" or "One-hot encode") before this step${skipped ? ', or pick columns yourself' : ''}.`,
      vi: `Bảng không có cột số nào để tìm phân khúc${skipped ? ` (${skipped} giống cột mã định danh hoặc không đổi nên không được dùng mặc định)` : ''}. Hãy tạo cột số (ví dụ bằng "Tổng hợp theo người dùng" hoặc "Mã hoá one-hot") trước bước này${skipped ? ', hoặc tự chọn các cột' : ''}.`,
    });
  }
  const note = leftOutNote(leftOut);
  if (note && warn) warn(note);
  return used;
}

/**
 * The columns as one row-major n × d matrix, with the spread of each column and whether it looks
 * already scaled (average 0 and spread 1, or from 0 to 1 with values between); missing values are refused.
 */
export function readMatrix(
  table: Table,
  columns: string[],
  options: { shareable?: boolean } = {},
): { data: Float64Array; stds: number[]; scaled: boolean[] } {
  const n = table.numRows,
    d = columns.length;
  // Shareable: helper threads then read their rows in place instead of receiving a copy.
  const data = options.shareable ? shareableFloat64(n * d) : new Float64Array(n * d);
  const stds: number[] = [];
  const scaled: boolean[] = [];
  let badRows = 0;
  const badByColumn: [string, number][] = [];
  const bad = new Uint8Array(n);
  const cols = columns.map((name) => readFloat64(requireColumn(table, name)));
  const sums = new Float64Array(d),
    squares = new Float64Array(d),
    missing = new Float64Array(d);
  const mins = new Float64Array(d).fill(Infinity),
    maxs = new Float64Array(d).fill(-Infinity),
    between = new Uint8Array(d);
  // One pass, by blocks of rows that fit in the cache: each column is read in a straight run, its
  // spread and range gathered on the way (in row order, as two passes would), and the block's rows
  // are written row-major while their cache lines are still there.
  const BLOCK = 2048;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(n, i0 + BLOCK);
    for (let c = 0; c < d; c++) {
      const col = cols[c];
      let sum = sums[c],
        sq = squares[c],
        miss = 0,
        lo = mins[c],
        hi = maxs[c],
        inside = between[c];
      for (let i = i0, p = i0 * d + c; i < i1; i++, p += d) {
        const v = col[i];
        data[p] = v;
        if (v - v !== 0) {
          // NaN or ±Infinity
          miss++;
          if (!bad[i]) {
            bad[i] = 1;
            badRows++;
          }
        } else {
          sum += v;
          sq += v * v;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
          if (v > 0 && v < 1) inside = 1;
        }
      }
      sums[c] = sum;
      squares[c] = sq;
      missing[c] += miss;
      mins[c] = lo;
      maxs[c] = hi;
      between[c] = inside;
    }
  }
  for (let c = 0; c < d; c++) {
    if (missing[c]) badByColumn.push([columns[c], missing[c]]);
    const m = n - missing[c];
    const mean = m ? sums[c] / m : 0,
      sd = m ? Math.sqrt(Math.max(0, squares[c] / m - mean ** 2)) : 0;
    stds.push(sd);
    // Already scaled: z-scores (mean 0, sd 1) or min–max values in [0, 1] with values in between.
    scaled.push(m > 1 && ((Math.abs(mean) < 1e-6 && Math.abs(sd - 1) < 1e-3) || (mins[c] === 0 && maxs[c] === 1 && between[c] === 1)));
  }
  if (badRows) {
    const list = badByColumn.map(([c, m]) => `"${c}" (${m})`).join(', ');
    throw new NodeError({
      en: `${badRows} of ${n} rows have a missing value in the chosen columns: ${list}. Add a "Fill missing values" step before this one to fill or drop them.`,
      vi: `${badRows} trên ${n} dòng bị thiếu giá trị ở các cột đã chọn: ${list}. Hãy thêm bước "Xử lý giá trị thiếu" trước bước này để điền hoặc bỏ các dòng đó.`,
    });
  }
  return { data, stds, scaled };
}

/**
 * The warning when one column's spread dwarfs the others', or null. None when the widest column
 * is already scaled (after "Scale features", one-hot columns may have a smaller spread: that is fine).
 */
export function spreadWarning(columns: string[], stds: number[], scaled: boolean[] = []): { en: string; vi: string } | null {
  const positive = stds.filter((s) => s > 0);
  if (columns.length > 1 && positive.length > 1 && Math.max(...positive) > 10 * Math.min(...positive)) {
    const at = stds.indexOf(Math.max(...positive));
    const wide = columns[at];
    if (scaled[at]) return null;
    if (scaled.some(Boolean)) {
      return {
        en: `"${wide}" was not scaled like the other columns and varies much more, so it decides most of the segments. Add it to the columns of "Scale features" (or leave them empty to scale every numeric column).`,
        vi: `"${wide}" chưa được chuẩn hoá như các cột khác và phân tán lớn hơn nhiều nên quyết định phần lớn phân khúc. Hãy thêm cột này vào các cột của bước "Chuẩn hoá đặc trưng" (hoặc để trống để chuẩn hoá mọi cột số).`,
      };
    }
    return {
      en: `The columns have very different spreads ("${wide}" varies the most), so it decides most of the segments. Add "Scale features" before this step to give every column a similar weight.`,
      vi: `Các cột có độ phân tán rất khác nhau ("${wide}" lớn nhất) nên cột này quyết định phần lớn phân khúc. Hãy thêm bước "Chuẩn hoá đặc trưng" trước bước này.`,
    };
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
  order.forEach((old, j) => {
    map[old] = j;
  });
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
  const sums = new Float64Array(k * d),
    counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const s = labels[i] * d,
      b = i * d;
    counts[labels[i]]++;
    for (let c = 0; c < d; c++) sums[s + c] += data[b + c];
  }
  for (let j = 0; j < k; j++) for (let c = 0; c < d; c++) sums[j * d + c] = counts[j] ? sums[j * d + c] / counts[j] : NaN;
  return sums;
}

/** The segments table: segment, size, share, extra columns (e.g. inertia), then the mean of every column. */
export function segmentsTable(columns: string[], sizes: Int32Array, means: Float64Array, extra: Record<string, Float64Array> = {}): Table {
  const k = sizes.length,
    d = columns.length,
    n = sizes.reduce((a, b) => a + b, 0);
  const out: Record<string, Vector> = {
    segment: makeVector(Int32Array.from({ length: k }, (_, j) => j)),
    size: makeVector(Int32Array.from(sizes)),
    share: floatVector(Float64Array.from(sizes, (s) => s / n)),
  };
  for (const [name, values] of Object.entries(extra)) out[name] = floatVector(values);
  columns.forEach((name, c) => {
    out[RESERVED.has(name) || name in out ? `mean_${name}` : name] = floatVector(
      Float64Array.from({ length: k }, (_, j) => means[j * d + c]),
    );
  });
  return new Table(out);
}

/**
 * The note when "auto" chose the smallest or largest number it tried (the best may lie outside
 * the range), or null. `tried` is the numbers compared, in order; `kMax` the largest asked for.
 */
export function autoEdgeNote(chosen: number, tried: number[], kMax: number): Text | null {
  if (tried.length < 2) return null;
  const first = tried[0],
    last = tried[tried.length - 1];
  if (chosen === last) {
    if (last < kMax) return null; // capped by the number of rows: nothing to widen
    return {
      en: `${chosen} is the largest number of segments tried, so more segments might be even better separated. Raise "Largest number to try" (now ${kMax}) to check.`,
      vi: `${chosen} là số phân khúc lớn nhất đã thử, nên nhiều phân khúc hơn có thể còn tách biệt rõ hơn. Hãy tăng "Số lớn nhất để thử" (hiện là ${kMax}) để kiểm tra.`,
    };
  }
  if (chosen !== first) return null;
  if (first > 2) {
    return {
      en: `${chosen} is the smallest number of segments tried, so fewer segments might be even better separated. Lower "Smallest number to try" (now ${first}) to check.`,
      vi: `${chosen} là số phân khúc nhỏ nhất đã thử, nên ít phân khúc hơn có thể còn tách biệt rõ hơn. Hãy giảm "Số nhỏ nhất để thử" (hiện là ${first}) để kiểm tra.`,
    };
  }
  return {
    en: `2 segments is the smallest number tried: the rows split most clearly into two groups, often one large group and a few unusual rows. For finer segments to act on, raise "Smallest number to try" (for example to 3 or 4) or choose a fixed number of segments.`,
    vi: `2 là số phân khúc nhỏ nhất đã thử: các dòng tách rõ nhất thành hai nhóm, thường là một nhóm lớn và vài dòng khác thường. Để có các phân khúc chi tiết hơn, hãy tăng "Số nhỏ nhất để thử" (ví dụ lên 3 hoặc 4) hoặc chọn số phân khúc cố định.`,
  };
}

/** The note naming segments with less than 1% of the rows (labels 0..k-1 in `sizes` order), or null. */
export function smallSegmentsNote(sizes: ArrayLike<number>, n: number): Text | null {
  const small: string[] = [],
    smallVi: string[] = [];
  const en = formats('en'),
    vi = formats('vi');
  for (let j = 0; j < sizes.length; j++)
    if (sizes[j] < 0.01 * n) {
      small.push(`${j} (${en.count(sizes[j], 'row', 'rows')}, ${en.pct(sizes[j] / n, 1)})`);
      smallVi.push(`${j} (${vi.int(sizes[j])} dòng, ${vi.pct(sizes[j] / n, 1)})`);
    }
  if (!small.length) return null;
  const one = small.length === 1;
  return {
    en: `Segment${one ? '' : 's'} ${small.join(', ')} ${one ? 'has' : 'have'} less than 1% of the rows: probably unusual rows (outliers) rather than a group to target. Look at ${one ? 'it' : 'them'} in the table, or filter such rows out before clustering.`,
    vi: `Phân khúc ${smallVi.join(', ')} có ít hơn 1% số dòng: có lẽ là các dòng khác thường (ngoại lai) hơn là một nhóm để nhắm tới. Hãy xem ${one ? 'phân khúc này' : 'các phân khúc này'} trong bảng, hoặc lọc bỏ các dòng đó trước khi phân cụm.`,
  };
}
