/**
 * Building blocks for the SQL forms of nodes (DuckDB dialect): quoting of identifiers and values,
 * and the expressions that make DuckDB's semantics equal ours (NaN is missing, blank text is
 * missing, text compared as NFC, lower case and trimmed like JavaScript's `trim`). Pure text
 * functions: they never run anything, so the browser and the CLI share them.
 */
import { NodeError } from '../contract/errors';
import type { SqlColumn, SqlInput } from '../contract/node';

/** A quoted identifier: `"name"`, inner quotes doubled. A NUL character cannot be quoted and is refused. */
export function ident(name: string): string {
  if (name.includes('\u0000')) {
    throw new NodeError({
      en: `The column name "${name.replace(/\u0000/g, '\\0')}" contains a NUL character, which the SQL engine cannot name. Rename the column.`,
      vi: `Tên cột "${name.replace(/\u0000/g, '\\0')}" chứa ký tự NUL mà bộ máy SQL không đặt tên được. Hãy đổi tên cột.`,
    });
  }
  return `"${name.replace(/"/g, '""')}"`;
}

/** A string literal: `'text'`, inner quotes doubled (DuckDB strings have no backslash escapes). */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) return `(${value.split('\u0000').map(sqlString).join(' || chr(0) || ')})`;
  return `'${value.replace(/'/g, "''")}'`;
}

/** A DOUBLE literal of a finite number (NaN and infinities are refused: no condition compares to them). */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `CAST(${sqlString(String(value))} AS DOUBLE)`;
}

/** Our kind of a DuckDB type name (as DESCRIBE shows it). */
export function kindOfSqlType(type: string): SqlColumn['kind'] {
  const t = type.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/.test(t))
    return 'number';
  if (t === 'VARCHAR' || t.startsWith('VARCHAR(')) return 'string';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'date';
  return 'other';
}

/** A numeric column as DOUBLE, with NaN read as missing (NULL), as our Float64 columns do. */
export const numberExpr = (column: string) =>
  `(CASE WHEN isnan(CAST(${ident(column)} AS DOUBLE)) THEN NULL ELSE CAST(${ident(column)} AS DOUBLE) END)`;

/**
 * The characters JavaScript's `trim` removes (white space and line terminators), as an RE2 class:
 * DuckDB's own `trim` removes only spaces.
 */
const JS_SPACE = '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

/** Text as JavaScript's `s.trim()`. */
export const jsTrim = (expr: string) => `regexp_replace(${expr}, '^${JS_SPACE}+|${JS_SPACE}+$', '', 'g')`;

/** Text as our text conditions compare it: NFC, lower case, trimmed. */
export const normText = (expr: string) => jsTrim(`lower(nfc_normalize(${expr}))`);

/** True where a cell is missing as `missingMask` says: NULL, NaN, or text made only of blanks (tab, line breaks, spaces). */
export function missingExpr(column: SqlColumn): string {
  const c = ident(column.name);
  if (column.kind === 'number') return `(${c} IS NULL OR isnan(CAST(${c} AS DOUBLE)))`;
  if (column.kind === 'string') return `(${c} IS NULL OR regexp_full_match(${c}, '[\\t\\n\\x{0B}\\f\\r ]*'))`;
  return `(${c} IS NULL)`;
}

/** The input's column, or the same plain message as `requireColumn` when it is not there or not of `kind`. */
export function sqlColumn(input: SqlInput, name: string, kind?: SqlColumn['kind']): SqlColumn {
  const column = input.columns.find((c) => c.name === name);
  if (!column) {
    const have = input.columns.map((c) => c.name);
    throw new NodeError({
      en: `The column "${name}" is not in the table. The table has: ${have.slice(0, 12).join(', ')}${have.length > 12 ? ', …' : ''}.`,
      vi: `Bảng không có cột "${name}". Các cột hiện có: ${have.slice(0, 12).join(', ')}${have.length > 12 ? ', …' : ''}.`,
    });
  }
  if (kind && column.kind !== kind) {
    const en = { number: 'numbers', string: 'text', boolean: 'yes/no values', date: 'dates', other: 'values' }[kind];
    const vi = { number: 'số', string: 'văn bản', boolean: 'giá trị có/không', date: 'ngày tháng', other: 'giá trị' }[kind];
    throw new NodeError({
      en: `The column "${name}" must hold ${en}, but it holds ${column.kind === 'string' ? 'text' : column.sqlType}.`,
      vi: `Cột "${name}" phải chứa ${vi}, nhưng nó chứa ${column.kind === 'string' ? 'văn bản' : column.sqlType}.`,
    });
  }
  return column;
}

/** The input relation with a row number `__af_row` (1, 2, … in the input's order), to keep or restore row order. */
export const numbered = (input: SqlInput, as = ROW) => `(SELECT *, row_number() OVER () AS ${as} FROM ${input.relation})`;

/** The name of the row-number column `numbered` adds (removed again from every output). */
export const ROW = '__af_row';
