import { tableFromIPC, type Table } from 'apache-arrow';
import { z } from 'zod';
import { findDamage } from '../src/core/table/arrow-check';
import { MAX_COLUMNS, tooManyColumns } from '../src/core/table/arrow-build';
import { parseCsv } from '../src/core/io/csv/read';
import { decodeText, ENCODINGS } from '../src/core/io/encoding';
import { NodeError } from '../src/core/contract/errors';
import { parseJsonTable, parseNdjsonTable } from '../src/core/io/json';
import { readUserFile } from '../src/core/io/read-file';
import { defineNode } from '../src/core/contract/node';
import { readParquet } from '../src/core/io/parquet';
import type { Text } from '../src/core/contract/i18n';
import { looksLikeXlsx, readXlsx } from '../src/core/io/xlsx';
import { ident, sqlString } from '../src/core/sql/quote';
import { tableOut } from './kit';
import { say } from '../src/core/contract/format';

type Format = 'csv' | 'tsv' | 'json' | 'ndjson' | 'arrow' | 'parquet' | 'xlsx';

const EXTENSIONS: Record<string, Format> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  parquet: 'parquet',
  parq: 'parquet',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

const startsWith = (bytes: Uint8Array, text: string): boolean =>
  bytes.length >= text.length && [...text].every((ch, i) => bytes[i] === ch.charCodeAt(0));

/** The first byte that is not white space (after a BOM), or -1. */
function firstChar(bytes: Uint8Array): number {
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return b;
  }
  return -1;
}

/** The format of a file: binary magic first, then the extension, then the first character. */
export function detectFormat(path: string, bytes: Uint8Array): Format {
  if (startsWith(bytes, 'ARROW1')) return 'arrow';
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (looksLikeXlsx(bytes)) return 'xlsx';
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase();
  const byExt = ext ? EXTENSIONS[ext] : undefined;
  const first = firstChar(stripBom(bytes));
  if (byExt === 'json' && first === 123) return 'ndjson'; // {…} per line, saved as .json
  if (byExt && ext !== 'txt') return byExt; // .txt may hold CSV, TSV or JSON: look inside
  if (!byExt && bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) return 'arrow';
  if (first === 91) return 'json';
  if (first === 123) return 'ndjson';
  return 'csv';
}

function stripBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

const DELIMITERS = { auto: 'auto', ',': 44, ';': 59, '\t': 9, '|': 124 } as const;

/** Loads a CSV, TSV, JSON, NDJSON, Excel, Parquet or Arrow file into a table. */
export default defineNode({
  type: 'ingest.file',
  version: 2,
  category: 'ingest',
  title: { en: 'Load a file', vi: 'Nạp tệp dữ liệu' },
  description: {
    en: 'Reads a CSV, TSV, JSON, NDJSON, Excel (.xlsx), Parquet or Arrow file into a table. The format, text encoding, delimiter, header row and column types are detected for you.',
    vi: 'Đọc tệp CSV, TSV, JSON, NDJSON, Excel (.xlsx), Parquet hoặc Arrow thành một bảng. Định dạng, bảng mã, dấu phân cách, dòng tiêu đề và kiểu của từng cột được tự nhận diện.',
  },
  inputs: [],
  outputs: [tableOut()],
  params: z.object({
    path: z
      .string()
      .default('')
      .meta({
        label: { en: 'File', vi: 'Tệp' },
        help: { en: 'Drop a file here or choose one.', vi: 'Thả tệp vào đây hoặc chọn một tệp.' },
        widget: 'file',
      }),
    format: z
      .enum(['auto', 'csv', 'tsv', 'json', 'ndjson', 'arrow', 'parquet', 'xlsx'])
      .default('auto')
      .meta({
        label: { en: 'Format', vi: 'Định dạng' },
        help: { en: 'Auto looks at the file name and its content.', vi: 'Tự động dựa vào tên tệp và nội dung tệp.' },
        options: {
          auto: { en: 'Detect', vi: 'Tự nhận diện' },
          csv: { en: 'CSV', vi: 'CSV' },
          tsv: { en: 'TSV (tab-separated)', vi: 'TSV (phân cách bằng tab)' },
          json: { en: 'JSON (list of records)', vi: 'JSON (danh sách bản ghi)' },
          ndjson: { en: 'NDJSON (one record per line)', vi: 'NDJSON (mỗi dòng một bản ghi)' },
          arrow: { en: 'Arrow / Feather', vi: 'Arrow / Feather' },
          parquet: { en: 'Parquet', vi: 'Parquet' },
          xlsx: { en: 'Excel (.xlsx)', vi: 'Excel (.xlsx)' },
        },
      }),
    delimiter: z
      .enum(['auto', ',', ';', '\t', '|'])
      .default('auto')
      .meta({
        when: { param: 'format', in: ['auto', 'csv', 'tsv'] },
        label: { en: 'Delimiter', vi: 'Dấu phân cách' },
        help: { en: 'The character between values in CSV/TSV files.', vi: 'Ký tự ngăn cách các giá trị trong tệp CSV/TSV.' },
        options: {
          auto: { en: 'Detect', vi: 'Tự nhận diện' },
          ',': { en: 'Comma (,)', vi: 'Dấu phẩy (,)' },
          ';': { en: 'Semicolon (;)', vi: 'Dấu chấm phẩy (;)' },
          '\t': { en: 'Tab', vi: 'Tab' },
          '|': { en: 'Pipe (|)', vi: 'Gạch đứng (|)' },
        },
      }),
    header: z
      .enum(['auto', 'yes', 'no'])
      .default('auto')
      .meta({
        when: { param: 'format', in: ['auto', 'csv', 'tsv', 'xlsx'] },
        label: { en: 'First row is a header', vi: 'Dòng đầu là tiêu đề' },
        help: { en: 'Whether the first row holds the column names.', vi: 'Dòng đầu tiên có chứa tên cột hay không.' },
        options: { auto: { en: 'Detect', vi: 'Tự nhận diện' }, yes: { en: 'Yes', vi: 'Có' }, no: { en: 'No', vi: 'Không' } },
      }),
    encoding: z
      .enum(ENCODINGS)
      .default('auto')
      .meta({
        when: { param: 'format', in: ['auto', 'csv', 'tsv', 'json', 'ndjson'] },
        label: { en: 'Text encoding', vi: 'Bảng mã' },
        help: {
          en: 'For CSV, TSV and JSON. Detect reads UTF-8 and UTF-16, and guesses Windows-1258 (Vietnamese) or Windows-1252 for older files.',
          vi: 'Cho tệp CSV, TSV và JSON. Tự nhận diện đọc được UTF-8, UTF-16 và đoán Windows-1258 (tiếng Việt) hoặc Windows-1252 cho tệp cũ.',
        },
        options: {
          auto: { en: 'Detect', vi: 'Tự nhận diện' },
          'utf-8': { en: 'UTF-8', vi: 'UTF-8' },
          'utf-16le': { en: 'UTF-16 LE', vi: 'UTF-16 LE' },
          'utf-16be': { en: 'UTF-16 BE', vi: 'UTF-16 BE' },
          'windows-1252': { en: 'Windows-1252 (Western European)', vi: 'Windows-1252 (Tây Âu)' },
          'windows-1258': { en: 'Windows-1258 (Vietnamese)', vi: 'Windows-1258 (tiếng Việt)' },
        },
      }),
    sheet: z
      .string()
      .default('')
      .meta({
        when: { param: 'format', in: ['auto', 'xlsx'] },
        label: { en: 'Sheet', vi: 'Trang tính' },
        help: {
          en: 'For Excel files: the sheet to read. Empty reads the first sheet.',
          vi: 'Cho tệp Excel: trang tính cần đọc. Để trống sẽ đọc trang đầu tiên.',
        },
        widget: 'text',
      }),
  }),
  files: (p) => (p.path ? [p.path] : []),
  async run(_inputs, params, ctx) {
    const bytes = await readUserFile(ctx, params.path, {
      en: 'No file is chosen yet. Drop a file on this node or choose one.',
      vi: 'Chưa chọn tệp nào. Hãy thả một tệp vào nút này hoặc chọn tệp.',
    });
    if (firstChar(stripBom(bytes)) < 0 && bytes.length < 4096) {
      throw new NodeError({ en: `The file "${params.path}" is empty.`, vi: `Tệp "${params.path}" trống, không có dữ liệu.` });
    }
    const format: Format = params.format === 'auto' ? detectFormat(params.path, bytes) : params.format;
    await ctx.progress(0, { en: `Reading ${format.toUpperCase()}`, vi: `Đang đọc ${format.toUpperCase()}` });
    let table: Table;
    const decoded = () => {
      const result = decodeText(bytes, params.encoding);
      if (result.note) ctx.warn(result.note);
      return result;
    };
    const header = params.header === 'auto' ? 'auto' : params.header === 'yes';
    if (format === 'parquet') {
      table = await readParquet(bytes, {
        progress: (f) =>
          ctx.progress(
            f * 0.95,
            say(
              (g) => `Read ${g.pct(f)}`,
              (g) => `Đã đọc ${g.pct(f)}`,
            ),
          ),
        warn: (m) => ctx.warn(m),
      });
    } else if (format === 'xlsx') {
      table = await readXlsx(bytes, { sheet: params.sheet.trim(), header });
    } else if (format === 'arrow') {
      try {
        table = tableFromIPC(bytes);
      } catch (err) {
        throw new NodeError({
          en: `This file could not be read as Arrow IPC / Feather (${err instanceof Error ? err.message : String(err)}). Check the format setting.`,
          vi: `Không đọc được tệp này dưới dạng Arrow IPC / Feather (${err instanceof Error ? err.message : String(err)}). Hãy kiểm tra phần định dạng.`,
        });
      }
      const damage = findDamage(table);
      if (damage) {
        throw new NodeError({
          en: `This Arrow file is damaged: its column list is intact but its data is not (column ${damage}), so its rows would be garbage. Export the file again from the program that made it.`,
          vi: `Tệp Arrow này bị hỏng: danh sách cột còn nguyên nhưng dữ liệu thì không (cột ${damage}), nên các dòng đọc ra sẽ là dữ liệu rác. Hãy xuất lại tệp từ chương trình đã tạo ra nó.`,
        });
      }
      if (table.numCols > MAX_COLUMNS) throw tooManyColumns(table.numCols);
    } else if (format === 'json' || format === 'ndjson') {
      const text = new TextDecoder().decode(decoded().bytes);
      const warn = (m: Text) => ctx.warn(m);
      table = format === 'json' ? parseJsonTable(text, { warn }) : parseNdjsonTable(text, { warn });
    } else {
      const body = decoded().bytes;
      const delimiter = params.delimiter !== 'auto' ? DELIMITERS[params.delimiter] : format === 'tsv' ? 9 : 'auto';
      const result = await parseCsv(body, {
        delimiter,
        header,
        progress: (fraction) =>
          ctx.progress(
            fraction * 0.95,
            say(
              (f) => `Read ${f.pct(fraction)}`,
              (f) => `Đã đọc ${f.pct(fraction)}`,
            ),
          ),
      });
      table = result.table;
      if (result.shortRows > 0) {
        ctx.warn(
          say(
            (f) =>
              `${f.count(result.shortRows, 'row', 'rows')} had fewer values than the ${f.int(table.numCols)} columns (the first on line ${f.int(result.firstShortLine)}); the missing values were left empty.`,
            (f) =>
              `${f.int(result.shortRows)} dòng có ít giá trị hơn ${f.int(table.numCols)} cột (dòng đầu tiên như vậy ở dòng ${f.int(result.firstShortLine)} của tệp); các giá trị thiếu được để trống.`,
          ),
        );
      }
    }
    await ctx.progress(
      1,
      say(
        (f) => `${f.count(table.numRows, 'row', 'rows')} × ${f.count(table.numCols, 'column', 'columns')}`,
        (f) => `${f.int(table.numRows)} dòng × ${f.int(table.numCols)} cột`,
      ),
    );
    return { out: table };
  },
  // CSV is read as text by DuckDB, then each column gets the kind our reader gives it (numbers,
  // yes/no, text, or empty) by the same cell rules, so both engines see the same table. A column
  // that is text in a sample of rows is text in the file (one text cell makes it so), so only the
  // columns that look like numbers, yes/no or empty in the sample are checked on every row.
  sql: {
    facts(params, ctx): Record<string, string> {
      const file = ctx.files[params.path];
      const read = file ? sqlRead(params, file) : null;
      if (!read || !read.csv) return {};
      const facts: Record<string, string> = {
        names: `SELECT list(column_name) FROM (DESCRIBE SELECT * FROM ${read.from})`,
        sampleKinds: `SELECT list_value(*COLUMNS(*)) FROM (SELECT ${CSV_KIND('COLUMNS(*)')} FROM (SELECT * FROM ${read.from} LIMIT ${KIND_SAMPLE}))`,
      };
      const names = ctx.facts.names,
        sample = ctx.facts.sampleKinds;
      if (Array.isArray(names) && Array.isArray(sample) && names.length === sample.length) {
        const open = names.filter((_, i) => sample[i] !== 'str') as string[];
        if (open.length)
          facts.kinds = `SELECT list_value(${open.map((n) => CSV_KIND(ident(n))).join(', ')}) FROM (SELECT ${open.map(ident).join(', ')} FROM ${read.from})`;
      }
      return facts;
    },
    build(params, ctx) {
      const file = ctx.files[params.path];
      const read = file ? sqlRead(params, file) : null;
      if (!read) return null;
      if (!read.csv) return `SELECT * FROM ${read.from}`;
      const names = ctx.facts.names as string[],
        sample = ctx.facts.sampleKinds as string[];
      if (!Array.isArray(names) || !Array.isArray(sample) || names.length !== sample.length) return null;
      if (names.length > MAX_COLUMNS) throw tooManyColumns(names.length);
      const open = names.filter((_, i) => sample[i] !== 'str');
      const full = (ctx.facts.kinds ?? []) as string[];
      if (!Array.isArray(full) || full.length !== open.length) return null;
      const kinds = names.map((name, i) => (sample[i] === 'str' ? 'str' : full[open.indexOf(name)]));
      const columns = names.map((name, i) => {
        const c = ident(name);
        const expr =
          kinds[i] === 'num'
            ? `CASE WHEN ${csvMissing(c)} THEN NULL ELSE CAST(${csvStrip(c)} AS DOUBLE) END`
            : kinds[i] === 'bool'
              ? `CASE WHEN ${csvMissing(c)} THEN NULL ELSE lower(trim(${c})) = 'true' END`
              : kinds[i] === 'empty'
                ? 'CAST(NULL AS VARCHAR)'
                : `CASE WHEN starts_with(${c}, '''') AND regexp_matches(${c}, '^''+[=+\\-@\\t\\r]') THEN substr(${c}, 2) ELSE ${c} END`; // the formula guard our CSV export adds
        return `${expr} AS ${c}`;
      });
      return `SELECT ${columns.join(', ')} FROM ${read.from}`;
    },
  },
  scale: 'rows',
});

/** Spaces and tabs around a CSV cell, removed as our reader does before reading a number. */
const csvStrip = (c: string) => `regexp_replace(${c}, '^[ \\t]+|[ \\t]+$', '', 'g')`;
/** A missing CSV cell as our reader sees it: empty, blank, NA, N/A, NaN, null, None (any case), #N/A. */
const csvMissing = (c: string) => `(${c} IS NULL OR lower(${csvStrip(c)}) IN ('', 'na', 'n/a', 'nan', 'null', 'none', '#n/a'))`;
/** A number as our reader takes one: no leading zeros (00123 is an id), whole numbers up to 2^53. */
const csvNumber = (c: string) =>
  `(regexp_full_match(${c}, '[ \\t]*[+-]?([0-9]|[1-9][0-9]+)?(\\.[0-9]*)?([eE][+-]?[0-9]+)?[ \\t]*') AND regexp_matches(${c}, '^[ \\t]*[+-]?\\.?[0-9]') AND NOT (regexp_full_match(${c}, '[ \\t]*[+-]?[0-9]+[ \\t]*') AND abs(TRY_CAST(${csvStrip(c)} AS DOUBLE)) > 9007199254740992))`;
const csvBool = (c: string) => `(lower(trim(${c})) IN ('true', 'false'))`;
/** Rows of a CSV whose cells decide which columns are text without reading the whole file. */
const KIND_SAMPLE = 20_000;
/** Per column of a CSV read as text: 'empty', 'num', 'bool' or 'str', the kind our reader gives it. */
const CSV_KIND = (c: string) =>
  `CASE WHEN bool_and(${csvMissing(c)}) IS NOT FALSE THEN 'empty' WHEN bool_and(${csvMissing(c)} OR ${csvNumber(c)}) THEN 'num' WHEN bool_and(${csvMissing(c)} OR ${csvBool(c)}) THEN 'bool' ELSE 'str' END`;

/** The DuckDB table function that reads the file as these params say, or null when DuckDB cannot read it the same way. */
function sqlRead(params: { path: string; format: string; delimiter: string; header: string; encoding: string }, file: string) {
  if (!params.path) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(params.path)?.[1].toLowerCase();
  const format = params.format === 'auto' ? (ext && ext !== 'txt' ? EXTENSIONS[ext] : undefined) : params.format;
  if (format === 'parquet') return { csv: false, from: `read_parquet(${sqlString(file)})` };
  if (params.encoding !== 'auto' && params.encoding !== 'utf-8') return null;
  if (format === 'ndjson') return { csv: false, from: `read_json(${sqlString(file)}, format = 'newline_delimited')` };
  if (format !== 'csv' && format !== 'tsv') return null;
  const options = ['all_varchar = true', 'null_padding = true'];
  if (params.delimiter !== 'auto') options.push(`delim = ${sqlString(params.delimiter)}`);
  else if (format === 'tsv') options.push(`delim = ${sqlString('\t')}`);
  if (params.header !== 'auto') options.push(`header = ${params.header === 'yes'}`);
  return { csv: true, from: `read_csv(${sqlString(file)}, ${options.join(', ')})` };
}
