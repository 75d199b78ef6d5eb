/**
 * The "every numeric column" default of the nodes that work on numbers (Scale, PCA, K-means,
 * Hierarchical, Segment profiles): id-like columns (a customer number says nothing about the
 * customer) and constant columns (no information) are left out, and the node says which and why.
 */
import type { Table } from 'apache-arrow';
import { numericColumns, readFloat64 } from './table';
import type { Text } from '../contract/i18n';

export interface LeftOut {
  name: string;
  reason: Text;
}

/** `ID`, `id`, `user_id`, `status_id`, `customerId`, `CustomerID`, `id_khach`, `Unnamed: 0`, `index` — not `distinct_post_id`, `n_id`, `paid`. */
const ID_NAME = /^(id|index|idx|row|#|unnamed: ?\d+)$|[_\s.-]id$|^id[_\s.-]/i;
/** camelCase: `customerId`, `CustomerID` (case matters: `Paid`, `Valid` are words). */
const CAMEL_ID = /[a-z0-9](Id|ID)$/;
/** Columns that count ids rather than hold one ("distinct_post_id", "n_user_id"). */
const COUNT_PREFIX = /^(distinct|n|num|count|nb|number_of|unique)[_\s]/i;

/** Whether the name alone says the column is an identifier. */
export function idLikeName(name: string): boolean {
  const n = name.trim();
  return !COUNT_PREFIX.test(n) && (ID_NAME.test(n) || CAMEL_ID.test(n));
}

type Stats = { count: number; min: number; max: number; integers: boolean; distinct: number; monotone: number };

/**
 * Count, range, whether every value is a whole number, how many distinct values, share of steps
 * that keep one direction. The direction and distinct values matter only for whole numbers (ids),
 * so from the first fraction on the loop only counts and keeps the range (the direction tests
 * mispredict on unsorted data and were most of the time on a million rows).
 */
function stats(x: Float64Array): Stats {
  let count = 0,
    min = Infinity,
    max = -Infinity,
    up = 0,
    down = 0,
    prev = NaN;
  let i = 0;
  for (; i < x.length; i++) {
    const v = x[i];
    if (v - v !== 0) continue;
    if (v !== Math.trunc(v)) break;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (prev === prev) {
      if (v > prev) up++;
      else if (v < prev) down++;
    }
    prev = v;
  }
  const integers = i === x.length;
  for (; i < x.length; i++) {
    const v = x[i];
    if (v - v !== 0) continue;
    count++;
    min = v < min ? v : min;
    max = v > max ? v : max;
  }
  let distinct = 0;
  if (integers && count) {
    const sorted = new Float64Array(count);
    for (let i = 0, j = 0; i < x.length; i++) if (x[i] - x[i] === 0) sorted[j++] = x[i];
    sorted.sort();
    distinct = 1;
    for (let i = 1; i < count; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  }
  return { count, min, max, integers, distinct, monotone: integers && count > 1 ? Math.max(up, down) / (count - 1) : 0 };
}

const digits = (v: number) => String(Math.abs(Math.trunc(v))).length;

/**
 * Why a numeric column reads as an identifier, or null: its name (`ID`, `*_id`, `*Id`), or ≥ 95%
 * distinct whole numbers that run as a sequence (dense range like 1…n, or rising/falling row
 * after row) or look like codes (same number of digits, 6 or more).
 */
export function idReason(name: string, x: Float64Array, known?: Stats): Text | null {
  if (idLikeName(name)) return { en: 'its name says it is an identifier', vi: 'tên cột cho thấy đây là mã định danh' };
  const s = known ?? stats(x);
  if (!s.integers || s.count < 20 || s.distinct < 0.95 * s.count) return null;
  const dense = s.max - s.min + 1 <= 1.1 * s.count;
  const sequence = dense || s.monotone >= 0.95;
  const codes = digits(s.min) === digits(s.max) && digits(s.min) >= 6;
  if (sequence)
    return {
      en: 'almost every row has its own whole number, counting up like a row number',
      vi: 'gần như mỗi dòng có một số nguyên riêng, tăng dần như số thứ tự dòng',
    };
  if (codes) return { en: 'almost every row has its own code of the same length', vi: 'gần như mỗi dòng có một mã riêng cùng độ dài' };
  return null;
}

/**
 * Every numeric column except `exclude`, id-like columns and constant (or empty) columns; the
 * left-out ones come with a reason.
 */
export function defaultNumericColumns(table: Table, exclude: string[] = []): { used: string[]; leftOut: LeftOut[] } {
  const used: string[] = [],
    leftOut: LeftOut[] = [];
  for (const name of numericColumns(table)) {
    if (exclude.includes(name)) continue;
    if (!table.numRows) {
      used.push(name);
      continue;
    } // nothing to judge an empty table by
    // Read in place when the column is one chunk of doubles (no copy), and looked at in one pass.
    const x = readFloat64(table.getChild(name)!);
    const s = stats(x);
    const id = idReason(name, x, s);
    if (id) {
      leftOut.push({ name, reason: id });
      continue;
    }
    if (!s.count) leftOut.push({ name, reason: { en: 'it has no values', vi: 'cột không có giá trị nào' } });
    else if (s.min === s.max)
      leftOut.push({ name, reason: { en: `it is ${s.min} in every row`, vi: `cột có giá trị ${s.min} ở mọi dòng` } });
    else used.push(name);
  }
  return { used, leftOut };
}

/** The note that names the left-out columns and says how to use them anyway, or null. */
export function leftOutNote(leftOut: LeftOut[]): Text | null {
  if (!leftOut.length) return null;
  const list = (lang: 'en' | 'vi') => leftOut.map((c) => `"${c.name}" (${c.reason[lang]})`).join(lang === 'en' ? '; ' : '; ');
  return {
    en: `Left out of the default columns: ${list('en')}. To use ${leftOut.length > 1 ? 'them' : 'it'} anyway, pick the columns yourself.`,
    vi: `Đã bỏ khỏi các cột mặc định: ${list('vi')}. Nếu vẫn muốn dùng, hãy tự chọn các cột.`,
  };
}
