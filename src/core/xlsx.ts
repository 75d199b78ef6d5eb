/**
 * Excel workbooks (.xlsx) into a table with read-excel-file, imported lazily. One sheet (the first
 * unless named), the first row as header when it looks like one, and column types inferred as for
 * CSV: numbers (also numbers typed as text) → Float64, yes/no → Bool, dates → Timestamp (ms),
 * anything else → text.
 */
import type { Data, Table } from 'apache-arrow';
import { boolData, float64Data, nullUtf8Data, tableFromData, dataFromValues } from './arrow-build';
import { uniqueNames } from './csv-sniff';
import { NodeError } from './errors';
import { dateData } from './parquet';

export interface XlsxOptions {
  /** The sheet's name; '' for the first sheet. */
  sheet?: string;
  header?: boolean | 'auto';
}

type Cell = string | number | boolean | Date | null | undefined;

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;
const BOOL: Record<string, boolean> = { true: true, false: false, yes: true, no: false };

const isEmpty = (v: Cell): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** ZIP magic "PK\3\4" and an `xl/` entry name: an Excel workbook. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) return false;
  const has = (part: Uint8Array): boolean => {
    for (let i = 0; i + 3 <= part.length; i++) if (part[i] === 0x78 && part[i + 1] === 0x6c && part[i + 2] === 0x2f) return true;
    return false;
  };
  return has(bytes.subarray(0, 65536)) || has(bytes.subarray(Math.max(0, bytes.length - 65536)));
}

function columnOf(values: Cell[]): Data {
  let nums = 0, bools = 0, dates = 0, other = 0;
  for (const v of values) {
    if (isEmpty(v)) continue;
    if (typeof v === 'number' || (typeof v === 'string' && NUMBER.test(v))) nums++;
    else if (typeof v === 'boolean' || (typeof v === 'string' && v.trim().toLowerCase() in BOOL)) bools++;
    else if (v instanceof Date) dates++;
    else other++;
  }
  const n = values.length;
  if (!nums && !bools && !dates && !other) return nullUtf8Data(n);
  if (!other && !bools && !dates) return float64Data(Float64Array.from(values, (v) => (isEmpty(v) ? NaN : Number(v))));
  if (!other && !nums && !dates) {
    return boolData(Uint8Array.from(values, (v) => (isEmpty(v) ? 2 : typeof v === 'boolean' ? Number(v) : Number(BOOL[String(v).trim().toLowerCase()]))));
  }
  if (!other && !nums && !bools) return dateData(values.map((v) => (v instanceof Date ? v.getTime() : null)));
  return dataFromValues(values.map((v) => (isEmpty(v) ? null : v instanceof Date ? v.toISOString() : String(v))));
}

/** Reads one sheet of an .xlsx workbook into a table. */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<Table> {
  const { readSheet } = await import('read-excel-file/universal');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let data: Cell[][];
  try {
    data = (options.sheet ? await readSheet(buffer, options.sheet) : await readSheet(buffer)) as unknown as Cell[][];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof Error && err.name === 'SheetNotFoundError') {
      const have = /Available sheets: (.*)$/.exec(message)?.[1] ?? '';
      throw new NodeError({
        en: `The workbook has no sheet named "${options.sheet}".${have ? ` Its sheets are: ${have}.` : ''} Leave the sheet empty to read the first one.`,
        vi: `Tệp Excel không có trang tính nào tên "${options.sheet}".${have ? ` Các trang tính hiện có: ${have}.` : ''} Để trống ô trang tính để đọc trang đầu tiên.`,
      });
    }
    throw new NodeError({
      en: `This file could not be read as an Excel workbook (.xlsx) (${message}). Old .xls files are not supported: save it as .xlsx or CSV UTF-8.`,
      vi: `Không đọc được tệp này dưới dạng sổ tính Excel (.xlsx) (${message}). Không hỗ trợ tệp .xls cũ: hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8.`,
    });
  }
  const rows = data.filter((row) => row.some((v) => !isEmpty(v)));
  const width = rows.reduce((w, row) => {
    let last = row.length;
    while (last > 0 && isEmpty(row[last - 1])) last--;
    return Math.max(w, last);
  }, 0);
  if (!rows.length || !width) {
    throw new NodeError({ en: 'The sheet is empty.', vi: 'Trang tính này trống, không có dữ liệu.' });
  }
  const first = rows[0];
  const header = options.header === 'auto' || options.header === undefined
    ? first.every((v) => isEmpty(v) || (typeof v === 'string' && !NUMBER.test(v))) && rows.length > 1
    : options.header;
  const body = header ? rows.slice(1) : rows;
  const raw = Array.from({ length: width }, (_, c) => (header ? (isEmpty(first[c]) ? '' : String(first[c])) : `Column ${c + 1}`));
  const columns = raw.map((_, c) => columnOf(body.map((row) => row[c])));
  return tableFromData(uniqueNames(raw), columns, body.length);
}
