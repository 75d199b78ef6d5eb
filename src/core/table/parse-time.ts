/**
 * Reads a column of dates and times as milliseconds, the way real exports write them: ISO
 * ("2026-06-30", "2026-06-30 14:05", "2026-06-30T14:05:09.123Z", "+07:00" offsets), US style
 * ("6/30/2026 2:05 PM", "6/30/2026 14:05") — or day/month/year when the column shows it (a first
 * part above 12 and never a second one) — epoch numbers (seconds below 1e11, else milliseconds),
 * and Arrow Date/Timestamp columns.
 * Times without a zone stay wall-clock times: they are stored as if UTC, so their hour is the
 * hour that was written. Strings are parsed from their UTF-8 bytes, without per-row strings.
 */
import { type Data, Type, type Vector } from 'apache-arrow';
import { kindOf, toFloat64 } from './table';

export const DAY_MS = 86400000;
export const HOUR_MS = 3600000;

/** Counts of slash dates that can only be day/month (first part > 12) or month/day (second part > 12). */
interface Hints {
  dmy: number;
  mdy: number;
}

let P = 0; // read position of the parser below

/** Up to `max` digits at P (at least one), or -1. */
function digits(b: Uint8Array, e: number, max: number): number {
  let v = 0,
    k = 0;
  while (P < e && k < max) {
    const c = b[P] - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    P++;
    k++;
  }
  return k ? v : -1;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Milliseconds of the date/time in bytes [s, e), or NaN. `dmy` reads slash dates as day/month/year. */
export function parseTimeBytes(b: Uint8Array, s: number, e: number, dmy = false, hints?: Hints): number {
  while (s < e && b[s] <= 32) s++;
  while (e > s && b[e - 1] <= 32) e--;
  if (e - s < 6) return NaN;
  P = s;
  const first = digits(b, e, 14);
  const firstLen = P - s;
  if (first < 0) return NaN;
  if (P === e && (firstLen === 10 || firstLen === 13)) return firstLen === 10 ? first * 1000 : first; // epoch
  let year: number, month: number, day: number;
  const sep = b[P];
  if (sep !== 45 && sep !== 47 && sep !== 46) return NaN; // - / .
  P++;
  if (firstLen === 4) {
    year = first;
    month = digits(b, e, 2);
    if (b[P] !== sep) return NaN;
    P++;
    day = digits(b, e, 2);
  } else if (firstLen <= 2) {
    const second = digits(b, e, 2);
    if (second < 0 || b[P] !== sep) return NaN;
    P++;
    const y0 = P;
    year = digits(b, e, 4);
    if (P - y0 === 2) year += 2000;
    else if (P - y0 !== 4) return NaN;
    if (hints) {
      if (first > 12 && second <= 12) hints.dmy++;
      else if (second > 12 && first <= 12) hints.mdy++;
    }
    month = dmy ? second : first;
    day = dmy ? first : second;
  } else return NaN;
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !isLeap(year))) return NaN;
  let hour = 0,
    minute = 0,
    second = 0,
    ms = 0,
    offset = 0;
  if (P < e) {
    const c = b[P];
    if (c !== 84 && c !== 116 && c !== 32 && c !== 44) return NaN; // T t space ,
    P++;
    while (P < e && (b[P] === 32 || b[P] === 44)) P++;
    hour = digits(b, e, 2);
    if (hour < 0 || b[P] !== 58) return NaN;
    P++;
    minute = digits(b, e, 2);
    if (minute < 0 || minute > 59) return NaN;
    if (b[P] === 58) {
      P++;
      second = digits(b, e, 2);
      if (second < 0 || second > 59) return NaN;
      if (b[P] === 46 || b[P] === 44) {
        P++;
        const f0 = P;
        const frac = digits(b, e, 9);
        if (frac < 0) return NaN;
        ms = Math.floor(frac / Math.pow(10, P - f0 - 3));
      }
    }
    while (P < e && b[P] === 32) P++;
    if (P + 1 < e && (b[P + 1] === 77 || b[P + 1] === 109) && (b[P] | 32) !== 117) {
      // AM / PM
      const ap = b[P] | 32;
      if ((ap !== 97 && ap !== 112) || hour < 1 || hour > 12) return NaN;
      hour = (hour % 12) + (ap === 112 ? 12 : 0);
      P += 2;
      while (P < e && b[P] === 32) P++;
    }
    if (hour > 23) return NaN;
    if (P < e) {
      const z = b[P];
      if (z === 90 || z === 122)
        P++; // Z
      else if (z === 43 || z === 45) {
        // +hh:mm, +hhmm, +hh
        P++;
        const o0 = P;
        let oh = digits(b, e, 4);
        if (oh < 0) return NaN;
        let om = 0;
        if (P - o0 === 4) {
          om = oh % 100;
          oh = Math.floor(oh / 100);
        } else if (b[P] === 58) {
          P++;
          om = digits(b, e, 2);
          if (om < 0) return NaN;
        }
        offset = (z === 43 ? 1 : -1) * (oh * 60 + om) * 60000;
      } else if (e - P === 3 && (b[P] | 32) === 117 && (b[P + 1] | 32) === 116 && (b[P + 2] | 32) === 99) P = e; // UTC
    }
    if (P !== e) return NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Milliseconds of one date/time string, or NaN. */
export function parseTime(text: string, dmy = false): number {
  const bytes = encoder.encode(text);
  return parseTimeBytes(bytes, 0, bytes.length, dmy);
}

export interface ParsedTimes {
  /** Milliseconds per row; NaN where missing or unreadable. */
  ms: Float64Array;
  /** Rows with no value. */
  missing: number;
  /** Rows with a value that is not a date. */
  bad: number;
  /** One unreadable value, to show. */
  example?: string;
  /** Slash dates were read as day/month/year. */
  dayFirst: boolean;
}

const isValid = (chunk: Data, i: number) =>
  chunk.nullCount === 0 || !chunk.nullBitmap || (chunk.nullBitmap[(chunk.offset + i) >> 3] & (1 << ((chunk.offset + i) & 7))) !== 0;

/** Parses the strings of Utf8 chunks; returns the hints for slash dates. */
function parseUtf8(vector: Vector, out: Float64Array, dmy: boolean, result: ParsedTimes): Hints {
  const hints: Hints = { dmy: 0, mdy: 0 };
  let row = 0;
  result.missing = 0;
  result.bad = 0;
  result.example = undefined;
  for (const chunk of vector.data) {
    const offsets = chunk.valueOffsets as Int32Array,
      bytes = chunk.values as Uint8Array;
    for (let i = 0; i < chunk.length; i++, row++) {
      if (!isValid(chunk, i) || offsets[i] === offsets[i + 1]) {
        out[row] = NaN;
        result.missing++;
        continue;
      }
      const v = parseTimeBytes(bytes, offsets[i], offsets[i + 1], dmy, hints);
      out[row] = v;
      if (v !== v) {
        result.bad++;
        if (result.example === undefined) result.example = decoder.decode(bytes.subarray(offsets[i], offsets[i + 1]));
      }
    }
  }
  return hints;
}

/** Reads a column as times in milliseconds (see the file comment for the accepted forms). */
export function parseTimes(vector: Vector): ParsedTimes {
  const n = vector.length;
  const ms = new Float64Array(n);
  const result: ParsedTimes = { ms, missing: 0, bad: 0, dayFirst: false };
  const kind = kindOf(vector.type);
  if (kind === 'number') {
    // Epoch numbers, as in text: below 1e11 they are seconds (up to the year 5138), else milliseconds.
    ms.set(toFloat64(vector));
    for (let i = 0; i < n; i++) {
      const v = ms[i];
      if (v !== v) result.missing++;
      else if (Math.abs(v) < 1e11) ms[i] = v * 1000;
    }
    return result;
  }
  if (kind === 'date') {
    for (let i = 0; i < n; i++) {
      const v = vector.get(i) as unknown;
      const t = v instanceof Date ? v.getTime() : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN;
      ms[i] = t;
      if (t !== t) result.missing++;
    }
    return result;
  }
  if (vector.type.typeId === Type.Utf8) {
    const hints = parseUtf8(vector, ms, false, result);
    if (hints.dmy > 0 && hints.mdy === 0) {
      parseUtf8(vector, ms, true, result);
      result.dayFirst = true;
    }
    return result;
  }
  // Dictionary-encoded or other columns: parse each distinct text once.
  const texts: (string | null)[] = new Array(n);
  const distinct = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const v = vector.get(i) as unknown;
    texts[i] = v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
  }
  const hints: Hints = { dmy: 0, mdy: 0 };
  for (const t of texts)
    if (t !== null && !distinct.has(t)) {
      const b = encoder.encode(t);
      distinct.set(t, parseTimeBytes(b, 0, b.length, false, hints));
    }
  if (hints.dmy > 0 && hints.mdy === 0) {
    result.dayFirst = true;
    for (const t of distinct.keys()) distinct.set(t, parseTime(t, true));
  }
  for (let i = 0; i < n; i++) {
    const t = texts[i];
    if (t === null || t.trim() === '') {
      ms[i] = NaN;
      result.missing++;
      continue;
    }
    const v = distinct.get(t)!;
    ms[i] = v;
    if (v !== v) {
      result.bad++;
      if (result.example === undefined) result.example = t;
    }
  }
  return result;
}

/** 'YYYY-MM-DDTHH:MM:SS' of milliseconds (wall-clock, no zone). */
export const isoString = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** Hour of the day (0–23) of milliseconds. */
export const hourOf = (ms: number): number => Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
