/** Writing tables out: CSV (safe against formula injection), JSON rows, Arrow IPC. */
import { type Table, tableToIPC } from 'apache-arrow';
import { kindOf, toFloat64 } from './table';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed; text starting with = + - @ is prefixed with ' so spreadsheets don't run it. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table as CSV text (header row, comma-separated, \n line ends). */
export function toCsv(table: Table): string {
  const names = table.schema.fields.map((f) => f.name);
  const columns = table.schema.fields.map((f, i) => {
    const vector = table.getChildAt(i)!;
    return kindOf(f.type) === 'number' ? Array.from(toFloat64(vector), (v) => (v === v ? v : null)) : Array.from(vector);
  });
  const lines = [names.map(csvCell).join(',')];
  for (let r = 0; r < table.numRows; r++) lines.push(columns.map((c) => csvCell(c[r])).join(','));
  return `${lines.join('\n')}\n`;
}

/** The table as a JSON array of row objects. */
export function toJsonRows(table: Table): string {
  return JSON.stringify(table.toArray().map((row) => row.toJSON()), (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
}

export function toArrowFile(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}
