/**
 * Runs one flow on both engines — memory (Arrow in this process) and DuckDB (SQL forms as views) —
 * and compares every table output: same columns in the same order, the same kind of values
 * (number, text, yes/no, date), the same rows in the same order, numbers equal within 1e-9
 * relative (NaN and missing are one value), text and dates exactly equal.
 */
import type { Table } from 'apache-arrow';
import { getNode } from '../../nodes/index';
import { openDuckDb } from '../../src/cli/duckdb';
import type { Workflow } from '../../src/core/flow/workflow';
import { kindOf, toFloat64 } from '../../src/core/table/table';
import { Engine, type RunResult } from '../../workers/engine';
import type { FileSource } from '../../workers/files';

export interface Parity {
  memory: RunResult;
  duckdb: RunResult;
  /** Outputs compared (`NODE.PORT`). */
  compared: string[];
  /** Outputs that differ, with the first difference. */
  differences: string[];
  /** Nodes whose SQL form ran in DuckDB (the others ran their TypeScript `run`). */
  sqlNodes: string[];
}

const close = (a: number, b: number) => (a !== a && b !== b) || a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** The first difference between two tables, or null when they are equal. */
export function tableDifference(a: Table, b: Table): string | null {
  const na = a.schema.fields.map((f) => f.name),
    nb = b.schema.fields.map((f) => f.name);
  if (na.join('\u0000') !== nb.join('\u0000')) return `columns ${JSON.stringify(na)} vs ${JSON.stringify(nb)}`;
  if (a.numRows !== b.numRows) return `${a.numRows} rows vs ${b.numRows}`;
  for (let c = 0; c < na.length; c++) {
    const x = a.getChildAt(c)!,
      y = b.getChildAt(c)!;
    const kx = kindOf(x.type),
      ky = kindOf(y.type);
    if (kx !== ky) return `column ${na[c]}: ${kx} vs ${ky}`;
    if (kx === 'number') {
      const fx = toFloat64(x),
        fy = toFloat64(y);
      for (let i = 0; i < fx.length; i++) if (!close(fx[i], fy[i])) return `column ${na[c]} row ${i}: ${fx[i]} vs ${fy[i]}`;
    } else {
      for (let i = 0; i < a.numRows; i++) {
        const u = x.get(i),
          v = y.get(i);
        const su = u === null || u === undefined ? null : u instanceof Date ? u.getTime() : String(u);
        const sv = v === null || v === undefined ? null : v instanceof Date ? v.getTime() : String(v);
        if (su !== sv) return `column ${na[c]} row ${i}: ${JSON.stringify(su)} vs ${JSON.stringify(sv)}`;
      }
    }
  }
  return null;
}

export async function runBothWays(flow: Workflow, files: FileSource): Promise<Parity> {
  const memory = new Engine(getNode, files);
  const memoryResult = await memory.run(flow);
  const duck = await openDuckDb({ threads: 2 });
  const sqlNodes: string[] = [];
  try {
    const duckdb = new Engine(getNode, files, { sql: duck });
    // Every node is a target, so that every output is read back as rows and compared.
    const duckResult = await duckdb.run(flow, {
      targets: flow.nodes.map((n) => n.id),
      onEvent: (e) => {
        if (e.type === 'done' && e.sql) sqlNodes.push(e.node);
      },
    });
    const compared: string[] = [];
    const differences: string[] = [];
    for (const node of flow.nodes) {
      for (const port of getNode(node.type)?.outputs ?? []) {
        if (port.kind !== 'table') continue;
        const a = memory.table(node.id, port.name),
          b = duckdb.table(node.id, port.name);
        if (!a && !b) continue;
        compared.push(`${node.id}.${port.name}`);
        const diff = a && b ? tableDifference(a, b) : `${a ? 'only the memory engine' : 'only DuckDB'} has rows`;
        if (diff) differences.push(`${node.id}.${port.name}: ${diff}`);
      }
    }
    return { memory: memoryResult, duckdb: duckResult, compared, differences, sqlNodes };
  } finally {
    await duck.close();
  }
}
