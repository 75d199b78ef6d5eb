/** Test helpers for tables: Arrow IPC round trips and comparison, as arquero's tableEqual. */
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { expect } from 'vitest';

/** Sends a table through Arrow IPC and back, as the worker does when it hands a table to the page. */
export function roundTrip(table: Table): Table {
  return tableFromIPC(tableToIPC(table, 'stream'));
}

/** Plain rows of a table, for comparison in tests. */
export function rows(table: Table): Record<string, unknown>[] {
  return table.toArray().map((r) => ({ ...r.toJSON() }));
}

/** Asserts that two tables have the same columns (names and types) and the same values. */
export function expectTablesEqual(actual: Table, expected: Table): void {
  expect(actual.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(expected.schema.fields.map((f) => `${f.name}:${f.type}`));
  expect(rows(actual)).toEqual(rows(expected));
}

/** Asserts that an output survives an IPC round trip unchanged. */
export function expectIpcRoundTrip(table: Table): void {
  expectTablesEqual(roundTrip(table), table);
}
