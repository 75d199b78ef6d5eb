/** JSON (an array of objects) and NDJSON (one object per line) into a table. */
import type { Table } from 'apache-arrow';
import { dataFromValues, tableFromData } from './arrow-build';
import { uniqueNames } from './csv-sniff';
import { NodeError } from './errors';

type Row = Record<string, unknown>;

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The line and column of a character offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
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

/** A table from rows: the union of keys in first-seen order, each column typed from its values. */
export function tableFromRows(rows: Row[]): Table {
  const keys = new Map<string, number>();
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
  const names = [...keys.keys()];
  const columns = names.map((name) => dataFromValues(rows.map((r) => r[name])));
  return tableFromData(uniqueNames(names), columns, rows.length);
}

/** Parses a JSON text that must be an array of objects. */
export function parseJsonTable(text: string): Table {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
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
  return tableFromRows(value as Row[]);
}

/** Parses NDJSON: one JSON object per line; blank lines are skipped. */
export function parseNdjsonTable(text: string): Table {
  const rows: Row[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
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
  return tableFromRows(rows);
}
