/**
 * Writing tables out — the one writer behind the editor's Download button and the command line:
 * CSV (UTF-8 with a BOM, safe against formula injection), JSON rows, Arrow IPC, Parquet.
 */
import { type Table, tableToIPC } from 'apache-arrow';
import { NodeError } from '../contract/errors';
import { kindOf, toFloat64 } from '../table/table';

export const EXPORT_FORMATS = ['csv', 'arrow', 'json', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  arrow: 'application/vnd.apache.arrow.file',
  json: 'application/json',
  parquet: 'application/vnd.apache.parquet',
};

/** Text a spreadsheet would run as a formula (also after guards already there: `'=x` is guarded again). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A plain number such as -1, +3.5 or -2e-3: a spreadsheet reads it as that number, so it needs no guard. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * One CSV cell: quoted when needed. Text starting with = + - @ TAB or CR (other than a plain number
 * like -1) gets a leading ' so spreadsheets show it instead of running it; text that already starts
 * with ' before such a character gets one more. The CSV reader drops exactly one such ', so reading
 * our own file gives back the original text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table as the text of a CSV file: a UTF-8 byte order mark (so Excel reads Vietnamese letters
 * right), a header row, comma-separated cells, \n line ends.
 */
export function toCsv(table: Table): string {
  const names = table.schema.fields.map((f) => f.name);
  const columns = table.schema.fields.map((f, i) => {
    const vector = table.getChildAt(i)!;
    return kindOf(f.type) === 'number' ? Array.from(toFloat64(vector), (v) => (v === v ? v : null)) : Array.from(vector);
  });
  const lines = [names.map(csvCell).join(',')];
  for (let r = 0; r < table.numRows; r++) lines.push(columns.map((c) => csvCell(c[r])).join(','));
  return `\uFEFF${lines.join('\n')}\n`;
}

/** The table as a JSON array of row objects (own keys only: a column named "__proto__" is kept). */
export function toJsonRows(table: Table): string {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i)!);
  const rows: Record<string, unknown>[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row = Object.create(null) as Record<string, unknown>;
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c].get(r);
    rows[r] = row;
  }
  // 64-bit integers: numbers while exact, their digits (text) beyond ±2^53 rather than rounded.
  return JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)) : v));
}

export function toArrowFile(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}

/** A safe file name with the format's extension: "my results" + csv → "my results.csv". */
export function exportName(name: string, format: ExportFormat): string {
  const base =
    name
      .trim()
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .replace(/\.(csv|arrow|json|parquet)$/i, '') || 'audience';
  return `${base}.${format}`;
}

/** The bytes of a table in a file format, with its file name and type. */
export async function exportBytes(
  table: Table,
  format: ExportFormat,
  name = 'audience',
): Promise<{ bytes: Uint8Array; name: string; mime: string }> {
  let bytes: Uint8Array;
  if (format === 'csv') bytes = new TextEncoder().encode(toCsv(table));
  else if (format === 'json') bytes = new TextEncoder().encode(toJsonRows(table));
  else if (format === 'arrow') bytes = toArrowFile(table);
  else if (format === 'parquet') bytes = await (await import('./parquet')).writeParquet(table);
  else
    throw new NodeError({
      en: `Unknown file format "${String(format)}". Choose CSV, Arrow, JSON or Parquet.`,
      vi: `Định dạng tệp "${String(format)}" không hợp lệ. Hãy chọn CSV, Arrow, JSON hoặc Parquet.`,
    });
  return { bytes, name: exportName(name, format), mime: MIME[format] };
}
