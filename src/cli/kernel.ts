/**
 * `audience-flow kernel`: one node on one partition, for engines that split a table over workers
 * (the Dask driver in bin/audience_flow_dask.py; PySpark's mapInArrow has the same shape).
 *
 *   audience-flow kernel NODE_TYPE [--params JSON] [--in FILE]... [--out FILE]
 *     Arrow IPC in (the --in files one after another, else stdin), the node's `out` table as an
 *     Arrow IPC stream out (--out, else stdout). Params are the node's own, defaults filled in.
 *   audience-flow kernel split --parts N [--by COLUMN] --out PREFIX [--in FILE]...
 *     Cuts the rows into N parts, PREFIX.0.arrow … : contiguous ranges, or with --by every row of
 *     one value of COLUMN in the same part (a hash of the value), rows kept in their order.
 *   audience-flow kernel concat [--in FILE]... [--out FILE]
 *     The rows of every input one after another (the same columns), as one Arrow IPC stream.
 *   audience-flow kernel scale NODE_TYPE [--params JSON]
 *     Prints the node's scale rule as JSON: "rows", "reduce", "whole" or {"key": COLUMN}.
 * Exit codes: 0 done; 1 the node failed (its message on stderr); 2 usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { getNode } from '../../nodes/index';
import { WORKFLOW_SCHEMA, type Workflow } from '../core/flow/workflow';
import { takeRows } from '../core/table/table';
import { encodeKeys } from '../core/table/encode-keys';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';

interface KernelOut {
  stdout(s: string | Uint8Array): void;
  stderr(s: string): void;
}

async function readStdin(): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of process.stdin) parts.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

/** The rows of every input, one after another (Arrow IPC files or streams). */
async function readInputs(files: string[]): Promise<Table> {
  const tables = files.length
    ? await Promise.all(files.map(async (f) => tableFromIPC(await readFile(f))))
    : [tableFromIPC(await readStdin())];
  return tables.slice(1).reduce((all, t) => all.concat(t), tables[0]);
}

/** FNV-1a of a value's text: the part of a key, the same in every process. */
function partOf(value: string | number, parts: number): number {
  const s = String(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % parts;
}

export async function kernelMain(argv: string[], out: KernelOut): Promise<number> {
  const rest = [...argv];
  const what = rest.shift();
  const scaleOf = what === 'scale' ? (rest.shift() ?? '') : '';
  const inputs: string[] = [];
  let params: Record<string, unknown> = {};
  let output = '',
    by = '',
    parts = 0;
  while (rest.length) {
    const flag = rest.shift()!;
    const value = rest.shift();
    if (value === undefined) {
      out.stderr(`audience-flow kernel: ${flag} needs a value\n`);
      return 2;
    }
    if (flag === '--params') params = JSON.parse(value) as Record<string, unknown>;
    else if (flag === '--in') inputs.push(value);
    else if (flag === '--out') output = value;
    else if (flag === '--by') by = value;
    else if (flag === '--parts') parts = Number(value);
    else {
      out.stderr(`audience-flow kernel: unknown option ${flag}\n`);
      return 2;
    }
  }
  if (!what) {
    out.stderr('audience-flow kernel: give a node type, "split" or "scale"\n');
    return 2;
  }
  if (what === 'concat') {
    const bytes = tableToIPC(await readInputs(inputs), 'stream');
    if (output) await writeFile(output, bytes);
    else out.stdout(bytes);
    return 0;
  }
  if (what === 'split') {
    if (!Number.isInteger(parts) || parts < 1 || !output) {
      out.stderr('audience-flow kernel split: needs --parts N (1 or more) and --out PREFIX\n');
      return 2;
    }
    const table = await readInputs(inputs);
    const n = table.numRows;
    const part = new Int32Array(n);
    if (by) {
      const column = table.getChild(by);
      if (!column) {
        out.stderr(`audience-flow kernel split: the column "${by}" is not in the table\n`);
        return 1;
      }
      const keys = await encodeKeys(column);
      const ofValue = keys.values.map((v) => partOf(v, parts));
      for (let i = 0; i < n; i++) part[i] = keys.codes[i] < 0 ? 0 : ofValue[keys.codes[i]];
    } else for (let i = 0; i < n; i++) part[i] = Math.min(parts - 1, Math.floor((i * parts) / Math.max(1, n)));
    const sizes = new Int32Array(parts);
    for (let i = 0; i < n; i++) sizes[part[i]]++;
    const rows = Array.from(sizes, (size) => new Int32Array(size));
    const at = new Int32Array(parts);
    for (let i = 0; i < n; i++) rows[part[i]][at[part[i]]++] = i;
    for (let p = 0; p < parts; p++) await writeFile(`${output}.${p}.arrow`, tableToIPC(takeRows(table, rows[p]), 'stream'));
    return 0;
  }
  const type = what === 'scale' ? scaleOf : what;
  const def = getNode(type);
  if (!def) {
    out.stderr(`audience-flow kernel: there is no node type "${type}"\n`);
    return 2;
  }
  if (what === 'scale') {
    const rule = def.scale ?? 'whole';
    const parsed = def.params.safeParse(params);
    const key = typeof rule === 'object' && parsed.success ? (parsed.data as Record<string, unknown>)[rule.key] : undefined;
    out.stdout(`${JSON.stringify(typeof rule === 'object' ? { key: Array.isArray(key) ? key : (key ?? null) } : rule)}\n`);
    return 0;
  }
  if (def.inputs.length !== 1 || def.inputs[0].name !== 'in' || !def.outputs.some((o) => o.name === 'out')) {
    out.stderr(`audience-flow kernel: "${type}" does not take one table in and give one table out\n`);
    return 2;
  }
  const table = await readInputs(inputs);
  const flow: Workflow = {
    schema: WORKFLOW_SCHEMA,
    name: 'kernel',
    nodes: [
      { id: 'part', type: 'ingest.file', params: { path: 'part.arrow', format: 'arrow' }, position: [0, 0] },
      { id: 'node', type, params, position: [0, 0] },
    ],
    edges: [{ from: 'part.out', to: 'node.in' }],
    notes: [],
  };
  const engine = new Engine(getNode, memoryFiles({ 'part.arrow': tableToIPC(table, 'stream') }));
  const result = await engine.run(flow);
  const failed = result.nodes.find((n) => n.status === 'error');
  const rows = engine.table('node', 'out');
  if (!result.ok || failed || !rows) {
    out.stderr(`audience-flow kernel: ${type}: ${failed?.message?.en ?? 'no output'}\n`);
    return 1;
  }
  const bytes = tableToIPC(rows, 'stream');
  if (output) await writeFile(output, bytes);
  else out.stdout(bytes);
  return 0;
}
