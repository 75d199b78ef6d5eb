/**
 * `audience-flow`: runs, validates and lists nodes with the same executor as the browser.
 * Progress goes to stderr, the JSON summary to stdout. Exit 0 ok, 1 a node failed, 2 usage error.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { getNode, NODE_TYPES } from '../../nodes/index';
import { paramFields } from '../core/form';
import { isTable } from '../core/table';
import { pick } from '../core/text';
import { validateWorkflow } from '../core/validate';
import { parseWorkflow, type Workflow } from '../core/workflow';
import { toArrowFile, toCsv, toJsonRows } from '../core/write';
import { writeParquet } from '../core/parquet';
import { Engine, type EngineEvent } from '../../workers/engine';
import { applyInputs, templateInputs } from '../core/template';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { diskFiles } from './node-files';
import { nodeHelpers } from '../../workers/node-helpers';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

async function loadFlow(args: CliArgs): Promise<Workflow> {
  let text: string;
  try {
    text = await readFile(args.flow!, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the workflow file "${args.flow}".`);
  }
  const parsed = parseWorkflow(text);
  if (!parsed.ok) throw new UsageError(parsed.message);
  let flow = parsed.workflow;
  if (args.params.length) {
    const inputs = templateInputs(flow);
    const values = Object.fromEntries(args.params.map(([id, v]) => [id, inputs.find((i) => i.id === id)?.kind === 'file' ? path.resolve(v) : v]));
    const applied = applyInputs(flow, values);
    if (!applied.ok) throw new UsageError(`--param: ${pick(applied.message, args.lang)}`);
    flow = applied.workflow;
  }
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  for (const [id, file] of args.inputs) {
    const node = byId.get(id);
    if (!node) throw new UsageError(`--input names "${id}", but the flow has no such node.`);
    if (node.type !== 'ingest.file') throw new UsageError(`--input names "${id}", which is a ${node.type} node, not an ingest.file node.`);
    node.params = { ...node.params, path: path.resolve(file) };
  }
  for (const [id, param, value] of args.sets) {
    const node = byId.get(id);
    if (!node) throw new UsageError(`--set names "${id}", but the flow has no such node.`);
    node.params = { ...node.params, [param]: value };
  }
  return flow;
}

function nodesCommand(args: CliArgs, out: Out): number {
  const list = NODE_TYPES.map((def) => ({
    type: def.type, category: def.category, title: pick(def.title, args.lang), description: pick(def.description, args.lang),
    inputs: def.inputs.map((p) => ({ name: p.name, kind: p.kind, optional: !!p.optional })),
    outputs: def.outputs.map((p) => ({ name: p.name, kind: p.kind })),
    params: paramFields(def).map((f) => ({ name: f.key, label: pick(f.label, args.lang), widget: f.widget, default: f.default, options: f.options?.map((o) => o.value), min: f.min, max: f.max })),
  }));
  if (args.json) {
    out.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  for (const n of list) {
    out.stdout(`${n.type}  —  ${n.title}\n  ${n.description}\n`);
    out.stdout(`  in:  ${n.inputs.map((p) => `${p.name} (${p.kind}${p.optional ? ', optional' : ''})`).join(', ') || '—'}\n`);
    out.stdout(`  out: ${n.outputs.map((p) => `${p.name} (${p.kind})`).join(', ') || '—'}\n`);
    for (const p of n.params) {
      const extra = p.options ? ` one of ${p.options.join('|')}` : p.min !== undefined || p.max !== undefined ? ` ${p.min ?? ''}..${p.max ?? ''}` : '';
      const shown = JSON.stringify(p.default) ?? '';
      const brief = shown.length > 60 ? `${shown.slice(0, 57)}…${Array.isArray(p.default) ? ` (${p.default.length} items; --json shows all)` : ''}` : shown;
      out.stdout(`    ${p.name} = ${brief}   ${p.label}${extra}\n`);
    }
    out.stdout('\n');
  }
  return 0;
}

async function validateCommand(args: CliArgs, out: Out): Promise<number> {
  const flow = await loadFlow(args);
  const issues = validateWorkflow(flow, getNode);
  if (!issues.length) {
    out.stdout(`OK: "${flow.name}" has ${flow.nodes.length} nodes and ${flow.edges.length} connections.\n`);
    for (const i of templateInputs(flow)) out.stdout(`  --param ${i.id}=…   ${pick(i.label, args.lang)} (${i.kind}, sets ${i.node}.${i.param})\n`);
    return 0;
  }
  for (const issue of issues) out.stdout(`error${issue.node ? ` [${issue.node}]` : ''}: ${pick(issue.message, args.lang)}\n`);
  return 1;
}

async function runCommand(args: CliArgs, out: Out): Promise<number> {
  const flow = await loadFlow(args);
  // --threads caps the threads; more than the machine's cores would only make them wait for each other.
  const helpers = args.threads === undefined ? nodeHelpers() : nodeHelpers(Math.min(args.threads, availableParallelism()) - 1);
  const engine = new Engine(getNode, diskFiles(path.dirname(path.resolve(args.flow!))), { helpers });
  const types = new Map(flow.nodes.map((n) => [n.id, n.type]));
  const width = Math.max(...flow.nodes.map((n) => n.id.length), 4);
  const onEvent = (e: EngineEvent) => {
    const label = `${e.node.padEnd(width)}  ${(types.get(e.node) ?? '').padEnd(20)}`;
    if (e.type === 'done') out.stderr(`✓ ${label} ${e.rows === null ? '' : `${e.rows.toLocaleString('en-US')} rows `}${e.cached ? '(cached)' : `in ${e.ms} ms`}\n${e.warnings.map((w) => `    note: ${pick(w, args.lang)}\n`).join('')}`);
    else if (e.type === 'error') out.stderr(`✗ ${label} ${pick(e.message, args.lang)}\n`);
    else if (e.type === 'skipped') out.stderr(`- ${label} ${pick(e.message, args.lang)}\n`);
    else if (e.type === 'progress' && e.message) out.stderr(`  ${label} ${Math.round(e.fraction * 100)}% ${e.message}\n`);
  };
  const result = await engine.run(flow, { onEvent, progressInterval: 1000 }).finally(() => helpers.terminate());
  for (const issue of result.issues) if (!issue.node || issue.code === 'cycle') out.stderr(`✗ ${pick(issue.message, args.lang)}\n`);
  const outputs: string[] = [];
  if (result.ok) {
    const connected = new Set(flow.edges.map((e) => e.from));
    await mkdir(args.out, { recursive: true });
    for (const node of flow.nodes) {
      for (const port of getNode(node.type)!.outputs) {
        if (connected.has(`${node.id}.${port.name}`)) continue;
        const value = engine.output(node.id, port.name);
        if (value === undefined) continue;
        let file: string, data: string | Uint8Array;
        if (!isTable(value)) [file, data] = [`${node.id}.${port.name}.json`, JSON.stringify(value, null, 2)];
        else if (args.format === 'arrow') [file, data] = [`${node.id}.${port.name}.arrow`, toArrowFile(value)];
        else if (args.format === 'parquet') [file, data] = [`${node.id}.${port.name}.parquet`, await writeParquet(value)];
        else if (args.format === 'json') [file, data] = [`${node.id}.${port.name}.json`, toJsonRows(value)];
        else [file, data] = [`${node.id}.${port.name}.csv`, toCsv(value)];
        const full = path.join(args.out, file);
        await writeFile(full, data);
        outputs.push(full);
      }
    }
  }
  const summary = {
    ok: result.ok,
    nodes: result.nodes.map((r) => ({
      id: r.id, type: r.type, ms: r.ms, rows: r.rows, cached: r.cached,
      ...(r.status !== 'done' ? { status: r.status, message: pick(r.message, args.lang) } : {}),
    })),
    ...(result.issues.length ? { issues: result.issues.map((i) => ({ node: i.node, code: i.code, message: pick(i.message, args.lang) })) } : {}),
    outputs,
  };
  out.stdout(`${JSON.stringify(summary)}\n`);
  return result.ok ? 0 : 1;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], out: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      out.stdout(`${USAGE}\n`);
      return argv.length ? 0 : 2;
    }
    if (args.command === 'nodes') return nodesCommand(args, out);
    if (args.command === 'validate') return await validateCommand(args, out);
    return await runCommand(args, out);
  } catch (e) {
    if (e instanceof UsageError) {
      out.stderr(`audience-flow: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    out.stderr(`audience-flow: unexpected error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
