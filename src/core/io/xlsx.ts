/**
 * Excel workbooks (.xlsx) into a table with read-excel-file, imported lazily. One sheet (the first
 * unless named), the first row as header when it looks like one, and column types inferred as for
 * CSV: numbers (also numbers typed as text) → Float64, yes/no → Bool, dates → Timestamp (ms),
 * anything else → text.
 */
import type { Data, Table } from 'apache-arrow';
import { Inflate } from 'fflate';
import { boolData, float64Data, nullUtf8Data, tableFromData, dataFromValues } from '../table/arrow-build';
import { uniqueNames } from './csv/sniff';
import { NodeError } from '../contract/errors';
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
  let nums = 0,
    bools = 0,
    dates = 0,
    other = 0;
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
    return boolData(
      Uint8Array.from(values, (v) => (isEmpty(v) ? 2 : typeof v === 'boolean' ? Number(v) : Number(BOOL[String(v).trim().toLowerCase()]))),
    );
  }
  if (!other && !nums && !bools) return dateData(values.map((v) => (v instanceof Date ? v.getTime() : null)));
  return dataFromValues(values.map((v) => (isEmpty(v) ? null : v instanceof Date ? v.toISOString() : String(v))));
}

/** The most data the XML parts of a workbook may unpack to (the reader keeps all of it in memory). */
export const MAX_XLSX_UNPACKED = 256 * 1024 * 1024;

const mb = (n: number): string => `${(n / 1048576).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;
const mbVi = (n: number): string => `${(n / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} MB`;

class TooMuch extends Error {}

/** One entry of a ZIP archive's central directory. */
interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  dataAt: number;
}

/**
 * The entries of a ZIP archive as its central directory declares them, read the way the unzipper
 * of read-excel-file (fflate) reads them: end record found from the back, ZIP64 records and
 * extra fields followed. Null when the archive is not readable (the reader then says so).
 */
function zipEntries(d: Uint8Array): ZipEntry[] | null {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const u16 = (o: number) => view.getUint16(o, true),
    u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => u32(o) + u32(o + 4) * 2 ** 32;
  let e = d.length - 22;
  while (e >= 0 && u32(e) !== 0x06054b50) {
    if (!e || d.length - e > 65558) return null;
    e--;
  }
  if (e < 0) return null;
  let count = u16(e + 8),
    o = u32(e + 16);
  let zip64 = e >= 20 && u32(e - 20) === 0x07064b50;
  if (zip64) {
    const ze = Number(u64(e - 12));
    zip64 = ze + 56 <= d.length && u32(ze) === 0x06064b50;
    if (zip64) {
      count = u32(ze + 32);
      o = Number(u64(ze + 48));
    }
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (o + 46 > d.length || u32(o) !== 0x02014b50) return null;
    const nameLength = u16(o + 28),
      extraStart = o + 46 + nameLength;
    if (extraStart > d.length) return null;
    const name = decoder.decode(d.subarray(o + 46, extraStart));
    let packed = u32(o + 20),
      unpacked = u32(o + 24),
      local = u32(o + 42);
    if (zip64 && packed === 0xffffffff) {
      let b = extraStart;
      while (b + 4 <= d.length && u16(b) !== 1) b += 4 + u16(b + 2);
      if (b + 28 > d.length) return null;
      unpacked = u64(b + 4);
      packed = u64(b + 12);
      local = u64(b + 20);
    } else if (packed === 0xffffffff || unpacked === 0xffffffff) {
      unpacked = Infinity;
    }
    if (local + 30 > d.length) return null;
    entries.push({ name, method: u16(o + 10), packed, unpacked, dataAt: local + 30 + u16(local + 26) + u16(local + 28) });
    o = extraStart + u16(o + 30) + u16(o + 32);
  }
  return entries;
}

/** The parts read-excel-file unpacks: XML and relationship files. */
const isXmlPart = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * Refuses a workbook that would unpack to more than `cap` bytes of XML (a "zip bomb": a few MB
 * that become GBs), before anything is unpacked for real. First the sizes the archive declares are
 * added up; then every XML part is inflated as a stream into nothing, counting bytes and stopping
 * as soon as a part gives more than it declared or the total passes the cap (declared sizes can lie).
 */
export function checkXlsxSize(bytes: Uint8Array, cap = MAX_XLSX_UNPACKED): void {
  const entries = zipEntries(bytes)?.filter((e) => isXmlPart(e.name));
  if (!entries) return;
  const declared = entries.reduce((s, e) => s + e.unpacked, 0);
  const refuse = (size: string, sizeVi: string) =>
    new NodeError({
      en: `This Excel file would unpack to ${size} of sheet data (from ${mb(bytes.length)} on disk); at most ${mb(cap)} can be read, so it was not opened. A file that grows this much is damaged or built to crash programs (a "zip bomb"). If it is a real workbook, save the sheet you need as CSV UTF-8 and load that.`,
      vi: `Tệp Excel này khi giải nén sẽ thành ${sizeVi} dữ liệu trang tính (từ ${mbVi(bytes.length)} trên đĩa); chỉ đọc được tối đa ${mbVi(cap)}, nên tệp không được mở. Tệp phình to như vậy là tệp hỏng hoặc được tạo ra để làm treo chương trình ("zip bomb"). Nếu đây là sổ tính thật, hãy lưu trang tính cần dùng thành CSV UTF-8 rồi nạp tệp đó.`,
    });
  if (declared > cap)
    throw refuse(Number.isFinite(declared) ? mb(declared) : 'more than 4 GB', Number.isFinite(declared) ? mbVi(declared) : 'hơn 4 GB');
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 8) continue;
    let got = 0;
    const inflater = new Inflate((chunk) => {
      got += chunk.length;
      total += chunk.length;
      if (got > entry.unpacked || total > cap) throw new TooMuch();
    });
    const end = Math.min(bytes.length, entry.dataAt + entry.packed);
    try {
      for (let p = entry.dataAt; p < end; p += 16384) inflater.push(bytes.subarray(p, Math.min(end, p + 16384)), p + 16384 >= end);
    } catch (err) {
      if (!(err instanceof TooMuch)) return; // damaged data: the reader reports it
      if (total > cap) throw refuse(`more than ${mb(cap)}`, `hơn ${mbVi(cap)}`);
      throw new NodeError({
        en: `This Excel file is damaged or built to crash programs: the part "${entry.name}" unpacks to more data than the file says (${entry.unpacked.toLocaleString('en-US')} bytes), so it was not opened. Open it in Excel and save it again, or save the sheet as CSV UTF-8.`,
        vi: `Tệp Excel này bị hỏng hoặc được tạo ra để làm treo chương trình: phần "${entry.name}" giải nén ra nhiều dữ liệu hơn mức tệp khai báo (${entry.unpacked.toLocaleString('vi-VN')} byte), nên tệp không được mở. Hãy mở bằng Excel rồi lưu lại, hoặc lưu trang tính thành CSV UTF-8.`,
      });
    }
  }
}

/** Reads one sheet of an .xlsx workbook into a table. */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<Table> {
  checkXlsxSize(bytes);
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
  const header =
    options.header === 'auto' || options.header === undefined
      ? first.every((v) => isEmpty(v) || (typeof v === 'string' && !NUMBER.test(v))) && rows.length > 1
      : options.header;
  const body = header ? rows.slice(1) : rows;
  const raw = Array.from({ length: width }, (_, c) => (header ? (isEmpty(first[c]) ? '' : String(first[c])) : `Column ${c + 1}`));
  const columns = raw.map((_, c) => columnOf(body.map((row) => row[c])));
  return tableFromData(uniqueNames(raw), columns, body.length);
}
