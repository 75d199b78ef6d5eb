/** JSON (an array of objects) and NDJSON (one object per line) into a table. */
import type { Table } from 'apache-arrow';
import { dataFromValues, tableFromData } from '../table/arrow-build';
import { uniqueNames } from './csv/sniff';
import { NodeError } from '../contract/errors';
import type { Text } from '../contract/i18n';

type Row = Record<string, unknown>;

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The line and column of a character offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1,
    last = -1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return { line, column: offset - last };
}

/** Where JSON.parse stopped, as " (line L, column C)", from its message; empty if it does not say. */
function where(text: string, err: unknown): { en: string; vi: string } {
  const message = err instanceof Error ? err.message : String(err);
  const lc = /line (\d+) column (\d+)/.exec(message);
  let at: { line: number; column: number } | null = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : null;
  const position = /position (\d+)/.exec(message);
  if (!at && position) at = lineColumn(text, Number(position[1]));
  if (!at && /end of (JSON )?input|Unterminated/i.test(message)) at = lineColumn(text, text.length);
  if (!at) return { en: '', vi: '' };
  return { en: ` near line ${at.line}, column ${at.column}`, vi: ` ở gần dòng ${at.line}, cột ${at.column}` };
}

/** Deeper JSON is refused: nothing real is nested this far, and deeper values overflow the stack when written back as text. */
export const MAX_JSON_DEPTH = 1000;

/** What a quick pass over JSON text finds: how deep it nests, and whole numbers too large for a float. */
interface JsonScan {
  depth: number;
  /** Offset of the bracket that went past MAX_JSON_DEPTH, or -1. */
  deepAt: number;
  /** [start, end) of each integer literal a float would round (beyond ±2^53; kept as text). */
  big: number[];
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** One pass over the characters, without recursion: strings are skipped, brackets counted, long integers noted. */
function scanJson(text: string): JsonScan {
  const n = text.length;
  let depth = 0,
    max = 0;
  const big: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (depth > MAX_JSON_DEPTH) return { depth, deepAt: i, big };
      }
    } else if (c === 93 || c === 125) {
      depth--;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = c === 45 ? i + 1 : i;
      const from = j;
      while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const next = j < n ? text.charCodeAt(j) : 0;
      if (j - from >= 16 && next !== 46 && next !== 101 && next !== 69) {
        // Kept as text only when a float cannot hold it exactly (2^53 + 1 rounds; 2^53 and 2^64 do not).
        const literal = text.slice(i, j);
        const v = BigInt(literal);
        if ((v > MAX_SAFE || v < -MAX_SAFE) && BigInt(Number(literal)) !== v) big.push(i, j);
      }
      while (j < n && /[0-9.eE+-]/.test(text[j])) j++;
      i = j - 1;
    }
  }
  return { depth: max, deepAt: -1, big };
}

/** The refusal for JSON nested deeper than MAX_JSON_DEPTH. */
function tooDeep(text: string, at: number, label?: { en: string; vi: string }): NodeError {
  const { line, column } = lineColumn(text, at);
  const where = label ?? { en: `near line ${line}, column ${column}`, vi: `ở gần dòng ${line}, cột ${column}` };
  return new NodeError({
    en: `This JSON is nested more than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels deep (${where.en}), which cannot be read as a table. A table needs a list of records whose values are mostly plain values; flatten the file or export it again.`,
    vi: `Tệp JSON này lồng nhau sâu hơn ${MAX_JSON_DEPTH.toLocaleString('vi-VN')} cấp (${where.vi}), nên không đọc thành bảng được. Bảng cần một danh sách bản ghi với các giá trị phần lớn là giá trị đơn; hãy làm phẳng tệp hoặc xuất lại.`,
  });
}

/** The note for whole numbers kept as text. */
function bigNote(count: number, example: string): Text {
  return {
    en: `${count.toLocaleString('en-US')} whole number(s) have more digits than can be kept exactly (such as ${example}); they were kept as text, so IDs stay intact. Their columns are text.`,
    vi: `${count.toLocaleString('vi-VN')} số nguyên có quá nhiều chữ số để giữ chính xác (ví dụ ${example}); chúng được giữ dưới dạng văn bản để mã số không bị sai. Các cột đó là cột văn bản.`,
  };
}

/** `text` with the integer literals at `big` put in quotes. */
function quoteBig(text: string, big: number[]): string {
  const parts: string[] = [];
  let last = 0;
  for (let k = 0; k < big.length; k += 2) {
    parts.push(text.slice(last, big[k]), '"', text.slice(big[k], big[k + 1]), '"');
    last = big[k + 1];
  }
  parts.push(text.slice(last));
  return parts.join('');
}

export interface JsonReadOptions {
  /** Called with a note for the node (e.g. numbers kept as text). */
  warn?: (message: Text) => void;
}

interface SafeOptions {
  /** Told how many integers were kept as text, and the first of them. */
  onBig?: (count: number, example: string) => void;
  /** Names the place in messages instead of "near line L, column C" (e.g. "line 5" of NDJSON). */
  where?: { en: string; vi: string };
}

/**
 * JSON.parse with limits: refuses nesting deeper than MAX_JSON_DEPTH with a plain message, and keeps
 * integers beyond ±2^53 as their digits (text) instead of rounding them (`onBig` says how many).
 * Syntax errors are thrown as JSON.parse throws them.
 */
export function parseJsonSafely(text: string, options: SafeOptions = {}): unknown {
  const scan = scanJson(text);
  if (scan.deepAt >= 0) throw tooDeep(text, scan.deepAt, options.where);
  const value: unknown = JSON.parse(text);
  if (!scan.big.length) return value;
  options.onBig?.(scan.big.length / 2, text.slice(scan.big[0], scan.big[1]));
  return JSON.parse(quoteBig(text, scan.big));
}

/** Told about integers kept as text, for the note. */
function bigCounter(): { onBig: (count: number, example: string) => void; note: () => Text | null } {
  let total = 0,
    first = '';
  return {
    onBig: (count, example) => {
      if (!total) first = example;
      total += count;
    },
    note: () => (total ? bigNote(total, first) : null),
  };
}

/** A row's own value for a key (never one inherited from Object.prototype, such as "valueOf"). */
const own = (r: Row, key: string): unknown => (Object.hasOwn(r, key) ? r[key] : undefined);

/** A table from rows: the union of own keys in first-seen order, each column typed from its values. */
export function tableFromRows(rows: Row[]): Table {
  const keys = new Map<string, number>();
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
  const names = [...keys.keys()];
  const columns = names.map((name) => dataFromValues(rows.map((r) => own(r, name))));
  return tableFromData(uniqueNames(names), columns, rows.length);
}

/** Parses a JSON text that must be an array of objects. */
export function parseJsonTable(text: string, options: JsonReadOptions = {}): Table {
  let value: unknown;
  const big = bigCounter();
  try {
    value = parseJsonSafely(text, big);
  } catch (err) {
    if (err instanceof NodeError) throw err;
    const at = where(text, err);
    throw new NodeError({
      en: `The file is not valid JSON${at.en}. Check for a missing comma, quote or bracket there.`,
      vi: `Tệp không phải JSON hợp lệ${at.vi}. Hãy kiểm tra xem có thiếu dấu phẩy, ngoặc kép hay ngoặc ở đó không.`,
    });
  }
  if (!Array.isArray(value)) {
    throw new NodeError({
      en: 'The JSON file must be a list of records ([{…}, {…}]), one object per row, but it is a single value.',
      vi: 'Tệp JSON phải là một danh sách bản ghi ([{…}, {…}]), mỗi đối tượng là một dòng, nhưng nó chỉ là một giá trị đơn.',
    });
  }
  const bad = value.findIndex((v) => !isRow(v));
  if (bad >= 0) {
    throw new NodeError({
      en: `The JSON file must be a list of objects, one per row, but item ${bad + 1} is ${JSON.stringify(value[bad])?.slice(0, 40)}.`,
      vi: `Tệp JSON phải là danh sách các đối tượng, mỗi đối tượng một dòng, nhưng phần tử thứ ${bad + 1} là ${JSON.stringify(value[bad])?.slice(0, 40)}.`,
    });
  }
  const table = tableFromRows(value as Row[]);
  const note = big.note();
  if (note) options.warn?.(note);
  return table;
}

/** Parses NDJSON: one JSON object per line; blank lines are skipped. */
export function parseNdjsonTable(text: string, options: JsonReadOptions = {}): Table {
  const rows: Row[] = [];
  const big = bigCounter();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = parseJsonSafely(line, { onBig: big.onBig, where: { en: `line ${i + 1}`, vi: `dòng ${i + 1}` } });
    } catch (err) {
      if (err instanceof NodeError) throw err;
      const at = where(line, err);
      const col = at.en ? at.en.replace(/.*column /, ', column ') : '';
      const colVi = at.vi ? at.vi.replace(/.*cột /, ', cột ') : '';
      throw new NodeError({
        en: `Line ${i + 1} is not valid JSON${col}. In NDJSON every line must be one complete object like {"name": "An"}.`,
        vi: `Dòng ${i + 1} không phải JSON hợp lệ${colVi}. Trong NDJSON mỗi dòng phải là một đối tượng đầy đủ, ví dụ {"name": "An"}.`,
      });
    }
    if (!isRow(value)) {
      throw new NodeError({
        en: `Line ${i + 1} is not an object. In NDJSON every line must be one object like {"name": "An"}.`,
        vi: `Dòng ${i + 1} không phải một đối tượng. Trong NDJSON mỗi dòng phải là một đối tượng, ví dụ {"name": "An"}.`,
      });
    }
    rows.push(value);
  }
  const table = tableFromRows(rows);
  const note = big.note();
  if (note) options.warn?.(note);
  return table;
}
