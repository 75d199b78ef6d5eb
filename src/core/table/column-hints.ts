/**
 * The columns of a table as pickers show them, with dates recognised: Arrow date columns, text
 * columns whose first values read as dates (`Dt_Customer` "04-09-2012", "2012-09-04", "4/22/2018
 * 6:00", ISO times), and whole numbers in the range of epoch seconds or milliseconds in a column
 * whose name says time or date (`unixTime`, `time`, `created_at`). Only the first rows are read.
 */
import type { Table, Vector } from 'apache-arrow';
import { parseTimes } from './parse-time';
import { columnInfo, kindOf, toFloat64, type ColumnInfo } from './table';

/** Rows read per column to decide. */
export const HINT_ROWS = 200;
/** Share of the present values that must read as dates. */
const DATE_SHARE = 0.9;
const TIME_NAME = /time|date|_at$|^ts$|created|published/i;
/** 1973-03-03 to 2096-10-02 in seconds, or the same span in milliseconds. */
const EPOCH_S: [number, number] = [1e8, 4e9];
const EPOCH_MS: [number, number] = [1e11, 4e12];

function textDates(v: Vector): boolean {
  const parsed = parseTimes(v);
  const present = v.length - parsed.missing;
  return present > 0 && (present - parsed.bad) / present >= DATE_SHARE;
}

function epochNumbers(name: string, v: Vector): boolean {
  if (!TIME_NAME.test(name)) return false;
  const x = toFloat64(v);
  let present = 0;
  let unit: 's' | 'ms' | null = null;
  for (let i = 0; i < x.length; i++) {
    const t = x[i];
    if (t !== t) continue;
    present++;
    if (!Number.isInteger(t)) return false;
    const u = t >= EPOCH_S[0] && t <= EPOCH_S[1] ? 's' : t >= EPOCH_MS[0] && t <= EPOCH_MS[1] ? 'ms' : null;
    if (!u || (unit && u !== unit)) return false;
    unit = u;
  }
  return present > 0;
}

/** Whether the first `rows` values of a column hold dates. */
export function holdsDates(name: string, vector: Vector, rows = HINT_ROWS): boolean {
  const kind = kindOf(vector.type);
  if (kind === 'date') return true;
  const head = vector.length > rows ? vector.slice(0, rows) : vector;
  if (kind === 'string') return textDates(head);
  if (kind === 'number') return epochNumbers(name, head);
  return false;
}

/** `columnInfo` with the columns that hold dates marked `dates: true`. */
export function describeColumns(table: Table, rows = HINT_ROWS): ColumnInfo[] {
  return columnInfo(table).map((c, i) => (holdsDates(c.name, table.getChildAt(i)!, rows) ? { ...c, dates: true } : c));
}
