/**
 * `audience-flow`: runs, validates and lists nodes with the same executor as the browser.
 * Progress goes to stderr, the JSON summary to stdout. Exit 0 ok; 1 a node failed, the workflow is
 * invalid or cannot be read, or a result cannot be written; 2 usage error (wrong options).
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import { getNode, NODE_TYPES } from '../../nodes/index';
import { NodeError } from '../core/contract/errors';
import { paramFields } from '../core/contract/form';
import { isTable } from '../core/table/table';
import { pick, type Text } from '../core/contract/i18n';
import { validateWorkflow, type GraphIssue } from '../core/flow/validate';
import { parseWorkflow, type Workflow } from '../core/flow/workflow';
import { toArrowFile, toCsv, toJsonRows } from '../core/io/write';
import { writeParquet } from '../core/io/parquet';
import { Engine, type EngineEvent } from '../../workers/engine';
import { applyInputs, templateInputs } from '../core/flow/template';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { checkedRead, defaultMaxFileSize, diskFiles, parseSize } from './node-files';
import { nodeHelpers } from '../../workers/node-helpers';
import { chooseEngine } from './engine-choice';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** A refusal that is not a usage error (the workflow file, the output folder): exit 1 with the reason. */
export class CliError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** A workflow file larger than this is not a workflow (the editor refuses more than 5 MB of text). */
const FLOW_FILE_LIMIT = 64 * 1024 * 1024;

/** The workflow, with the command line's values applied, and the paths the user gave. */
interface Loaded {
  flow: Workflow;
  /** Absolute paths given on the command line (--input, --param of a file, --set of a path). */
  userPaths: Set<string>;
  /** Folders of the --input files. */
  inputFolders: string[];
}

function maxFileSize(args: CliArgs): number {
  if (args.maxFileSize !== undefined) return args.maxFileSize;
  const env = process.env.AUDIENCE_FLOW_MAX_FILE_SIZE;
  if (env) {
    const bytes = parseSize(env);
    if (bytes === undefined) throw new UsageError(`AUDIENCE_FLOW_MAX_FILE_SIZE is a size such as 500MB or 8GB, not "${env}".`);
    return bytes;
  }
  return defaultMaxFileSize();
}

async function loadFlow(args: CliArgs): Promise<Loaded> {
  let text: string;
  try {
    const bytes = await checkedRead(
      path.resolve(args.flow!),
      args.flow!,
      FLOW_FILE_LIMIT,
      { en: `The workflow file "${args.flow}"`, vi: `Tệp quy trình "${args.flow}"` },
      { en: 'a workflow file is at most a few MB', vi: 'một tệp quy trình chỉ vài MB' },
    );
    text = new TextDecoder().decode(bytes);
  } catch (e) {
    if (e instanceof NodeError) throw new CliError({ en: e.message, vi: e.vi });
    throw e;
  }
  const parsed = parseWorkflow(text);
  if (!parsed.ok)
    throw new CliError({
      en: `The workflow file "${args.flow}" is refused: ${parsed.message}`,
      vi: `Tệp quy trình "${args.flow}" bị từ chối: ${parsed.message}`,
    });
  let flow = parsed.workflow;
  const userPaths = new Set<string>();
  if (args.params.length) {
    const inputs = templateInputs(flow);
    const values = Object.fromEntries(
      args.params.map(([id, v]) => {
        if (inputs.find((i) => i.id === id)?.kind !== 'file') return [id, v];
        userPaths.add(path.resolve(v));
        return [id, path.resolve(v)];
      }),
    );
    const applied = applyInputs(flow, values);
    if (!applied.ok) throw new UsageError(`--param: ${pick(applied.message, args.lang)}`);
    flow = applied.workflow;
  }
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const inputFolders: string[] = [];
  for (const [id, file] of args.inputs) {
    const node = byId.get(id);
    if (!node) throw new UsageError(`--input names "${id}", but the flow has no such node.`);
    if (node.type !== 'ingest.file') throw new UsageError(`--input names "${id}", which is a ${node.type} node, not an ingest.file node.`);
    node.params = { ...node.params, path: path.resolve(file) };
    userPaths.add(path.resolve(file));
    inputFolders.push(path.dirname(path.resolve(file)));
  }
  for (const [id, param, value] of args.sets) {
    const node = byId.get(id);
    if (!node) throw new UsageError(`--set names "${id}", but the flow has no such node.`);
    // A file named on the command line is taken from the current folder, like --input.
    const isPath =
      typeof value === 'string' &&
      getNode(node.type)
        ?.files?.({ ...node.params, [param]: value } as never)
        .includes(value);
    node.params = { ...node.params, [param]: isPath ? path.resolve(value as string) : value };
    if (isPath) userPaths.add(path.resolve(value as string));
  }
  return { flow, userPaths, inputFolders };
}

/** The issues of a workflow, each once (two nodes with one id would repeat the same sentence). */
function uniqueIssues(issues: GraphIssue[]): GraphIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.node ?? ''}\u0000${i.code}\u0000${i.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Creates the output folder, or says in a sentence why it cannot be used. */
async function prepareOut(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new CliError({
      en: `Cannot write the results to "${dir}": it is a file, not a folder. Choose a folder with --out DIR.`,
      vi: `Không thể ghi kết quả vào "${dir}": đó là một tệp, không phải thư mục. Hãy chọn một thư mục bằng --out DIR.`,
    });
  }
  try {
    await makeFolder(path.resolve(dir));
    const probe = path.join(dir, `.audience-flow-${process.pid}.tmp`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (e) {
    throw new CliError(writeFailure(dir, e));
  }
}

/**
 * `mkdir -p`, one folder at a time: Node's recursive mkdir never returns for some paths it cannot
 * create (such as /proc/x on Linux), so each missing folder is made with a plain mkdir.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  while (!(await stat(at).catch(() => undefined))) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing)
    await mkdir(folder).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
}

function writeFailure(target: string, e: unknown): Text {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Text =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? {
          en: 'permission denied (choose a folder you can write to with --out DIR)',
          vi: 'không có quyền ghi (hãy chọn thư mục bạn ghi được bằng --out DIR)',
        }
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? {
            en: 'part of the path is a file, not a folder (choose a folder with --out DIR)',
            vi: 'một phần của đường dẫn là tệp, không phải thư mục (hãy chọn thư mục bằng --out DIR)',
          }
        : code === 'ENOENT'
          ? {
              en: 'that folder cannot be created there (choose another folder with --out DIR)',
              vi: 'không tạo được thư mục ở đó (hãy chọn thư mục khác bằng --out DIR)',
            }
          : code === 'ENOSPC'
            ? { en: 'the disk is full', vi: 'ổ đĩa đã đầy' }
            : { en: `${code ?? (e as Error).message}`, vi: `${code ?? (e as Error).message}` };
  return { en: `Cannot write the results to "${target}": ${why.en}.`, vi: `Không thể ghi kết quả vào "${target}": ${why.vi}.` };
}

function nodesCommand(args: CliArgs, out: Out): number {
  const list = NODE_TYPES.map((def) => ({
    type: def.type,
    category: def.category,
    title: pick(def.title, args.lang),
    description: pick(def.description, args.lang),
    inputs: def.inputs.map((p) => ({ name: p.name, kind: p.kind, optional: !!p.optional })),
    outputs: def.outputs.map((p) => ({ name: p.name, kind: p.kind })),
    params: paramFields(def).map((f) => ({
      name: f.key,
      label: pick(f.label, args.lang),
      widget: f.widget,
      default: f.default,
      options: f.options?.map((o) => o.value),
      min: f.min,
      max: f.max,
    })),
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
      const extra = p.options
        ? ` one of ${p.options.join('|')}`
        : p.min !== undefined || p.max !== undefined
          ? ` ${p.min ?? ''}..${p.max ?? ''}`
          : '';
      const shown = JSON.stringify(p.default) ?? '';
      const brief =
        shown.length > 60
          ? `${shown.slice(0, 57)}…${Array.isArray(p.default) ? ` (${p.default.length} items; --json shows all)` : ''}`
          : shown;
      out.stdout(`    ${p.name} = ${brief}   ${p.label}${extra}\n`);
    }
    out.stdout('\n');
  }
  return 0;
}

async function validateCommand(args: CliArgs, out: Out): Promise<number> {
  const { flow } = await loadFlow(args);
  const issues = uniqueIssues(validateWorkflow(flow, getNode));
  if (!issues.length) {
    out.stdout(`OK: "${flow.name}" has ${flow.nodes.length} nodes and ${flow.edges.length} connections.\n`);
    for (const i of templateInputs(flow))
      out.stdout(`  --param ${i.id}=…   ${pick(i.label, args.lang)} (${i.kind}, sets ${i.node}.${i.param})\n`);
    return 0;
  }
  for (const issue of issues) out.stdout(`error${issue.node ? ` [${issue.node}]` : ''}: ${pick(issue.message, args.lang)}\n`);
  return 1;
}

/** What `main` may be given besides the arguments (tests pass a signal; the command passes Ctrl+C's). */
export interface MainOptions {
  /** Aborting it cancels a running flow: nodes stop, what finished is written, the exit code is 130. */
  signal?: AbortSignal;
}

async function runCommand(args: CliArgs, out: Out, options: MainOptions): Promise<number> {
  const { flow, userPaths, inputFolders } = await loadFlow(args);
  const maxBytes = maxFileSize(args);
  await prepareOut(args.out);
  // --threads caps the threads; more than the machine's cores would only make them wait for each other.
  const helpers = args.threads === undefined ? nodeHelpers() : nodeHelpers(Math.min(args.threads, availableParallelism()) - 1);
  const baseDir = path.dirname(path.resolve(args.flow!));
  const files = diskFiles({ baseDir, roots: [process.cwd(), ...inputFolders], userPaths, allowAnyPath: args.allowAnyPath, maxBytes });
  const choice = await chooseEngine(flow, args.engine, baseDir);
  // Said when there is a choice to see: an engine asked for, or a file whose size decided it.
  if (args.engine || flow.engine || flow.nodes.some((n) => n.type === 'ingest.file'))
    out.stderr(`engine: ${choice.engine} (${pick(choice.why, args.lang)})\n`);
  // DuckDB is loaded only when this run uses it.
  const duck =
    choice.engine === 'duckdb'
      ? await (await import('./duckdb')).openDuckDb({
          memoryLimit: args.duckdbMemory ? `${Math.floor(args.duckdbMemory / 1048576)}MB` : undefined,
          threads: args.threads,
        })
      : undefined;
  const engine = new Engine(getNode, files, { helpers, sql: duck, cacheBytes: Math.floor(totalmem() / 4) });
  const types = new Map(flow.nodes.map((n) => [n.id, n.type]));
  const width = Math.max(...flow.nodes.map((n) => n.id.length), 4);
  /** Node id → the messages already printed for it, so that no sentence is printed twice. */
  const shown = new Map<string, Set<string>>();
  const onEvent = (e: EngineEvent) => {
    const label = `${e.node.padEnd(width)}  ${(types.get(e.node) ?? '').padEnd(20)}`;
    if (e.type === 'error' || e.type === 'skipped') {
      if (!shown.has(e.node)) shown.set(e.node, new Set());
      shown.get(e.node)!.add(e.message.en);
    }
    if (e.type === 'done')
      out.stderr(
        `✓ ${label} ${e.rows === null ? '' : `${e.rows.toLocaleString('en-US')} rows `}${e.cached ? '(cached)' : `in ${e.ms} ms`}\n${(e.infos ?? []).map((w) => `    info: ${pick(w, args.lang)}\n`).join('')}${e.warnings.map((w) => `    note: ${pick(w, args.lang)}\n`).join('')}`,
      );
    else if (e.type === 'error') out.stderr(`✗ ${label} ${pick(e.message, args.lang)}\n`);
    else if (e.type === 'skipped') out.stderr(`- ${label} ${pick(e.message, args.lang)}\n`);
    else if (e.type === 'cancelled') out.stderr(`■ ${label} ${pick(e.message, args.lang)}\n`);
    else if (e.type === 'progress' && e.message) out.stderr(`  ${label} ${Math.round(e.fraction * 100)}% ${pick(e.message, args.lang)}\n`);
  };
  const result = await engine.run(flow, { onEvent, progressInterval: 1000, signal: options.signal }).finally(() => {
    helpers.terminate();
    return duck?.close();
  });
  const issues = uniqueIssues(result.issues);
  for (const issue of issues) {
    if (issue.node && shown.get(issue.node)?.has(issue.message.en)) continue;
    out.stderr(`✗ ${issue.node ? `${issue.node}: ` : ''}${pick(issue.message, args.lang)}\n`);
  }
  // Every output that was computed is written, also when another branch of the flow failed.
  const outputs: string[] = [];
  const notWritten: string[] = [];
  let writeError: Text | undefined;
  const connected = new Set(flow.edges.map((e) => e.from));
  for (const node of flow.nodes) {
    const def = getNode(node.type);
    if (!def) continue;
    for (const port of def.outputs) {
      if (connected.has(`${node.id}.${port.name}`)) continue;
      const value = engine.output(node.id, port.name);
      if (value === undefined) {
        if (result.nodes.length) notWritten.push(`${node.id}.${port.name}`);
        continue;
      }
      if (writeError) {
        notWritten.push(`${node.id}.${port.name}`);
        continue;
      }
      let file: string, data: string | Uint8Array;
      if (!isTable(value)) [file, data] = [`${node.id}.${port.name}.json`, JSON.stringify(value, null, 2)];
      else if (args.format === 'arrow') [file, data] = [`${node.id}.${port.name}.arrow`, toArrowFile(value)];
      else if (args.format === 'parquet') [file, data] = [`${node.id}.${port.name}.parquet`, await writeParquet(value)];
      else if (args.format === 'json') [file, data] = [`${node.id}.${port.name}.json`, toJsonRows(value)];
      else [file, data] = [`${node.id}.${port.name}.csv`, toCsv(value)];
      const full = path.join(args.out, file);
      try {
        await writeFile(full, data);
        outputs.push(full);
      } catch (e) {
        writeError = writeFailure(full, e);
        notWritten.push(`${node.id}.${port.name}`);
        out.stderr(`✗ ${pick(writeError, args.lang)}\n`);
      }
    }
  }
  if (result.cancelled)
    out.stderr(
      args.lang === 'vi'
        ? 'Đã huỷ lần chạy theo yêu cầu. Các kết quả đã tính xong vẫn được ghi.\n'
        : 'The run was cancelled as asked. Results that were already computed are written.\n',
    );
  if (!result.ok && outputs.length) {
    out.stderr(
      args.lang === 'vi'
        ? `Đã ghi ${outputs.length} kết quả vào ${args.out}; ${notWritten.length} kết quả không có vì nút của chúng lỗi hoặc chưa chạy.\n`
        : `Wrote ${outputs.length} result(s) to ${args.out}; ${notWritten.length} result(s) are missing because their node failed or did not run.\n`,
    );
  }
  const ok = result.ok && !writeError;
  const summary = {
    ok,
    ...(result.cancelled ? { cancelled: true } : {}),
    nodes: result.nodes.map((r) => ({
      id: r.id,
      type: r.type,
      ms: r.ms,
      rows: r.rows,
      cached: r.cached,
      ...(r.status !== 'done' ? { status: r.status, message: pick(r.message, args.lang) } : {}),
    })),
    ...(issues.length ? { issues: issues.map((i) => ({ node: i.node, code: i.code, message: pick(i.message, args.lang) })) } : {}),
    outputs,
    ...(notWritten.length ? { notWritten } : {}),
    ...(writeError ? { error: pick(writeError, args.lang) } : {}),
  };
  out.stdout(`${JSON.stringify(summary)}\n`);
  // 130 is what shells report for a command stopped by Ctrl+C.
  return result.cancelled ? 130 : ok ? 0 : 1;
}

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: string[],
  out: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
  options: MainOptions = {},
): Promise<number> {
  let args: CliArgs | undefined;
  if (argv[0] === 'kernel') {
    const { kernelMain } = await import('./kernel');
    return kernelMain(argv.slice(1), {
      stdout: (s) => {
        process.stdout.write(s);
      },
      stderr: out.stderr,
    });
  }
  try {
    args = parseArgs(argv);
    if (args.command === 'help') {
      out.stdout(`${USAGE}\n`);
      return argv.length ? 0 : 2;
    }
    if (args.command === 'nodes') return nodesCommand(args, out);
    if (args.command === 'validate') return await validateCommand(args, out);
    return await runCommand(args, out, options);
  } catch (e) {
    if (e instanceof UsageError) {
      out.stderr(`audience-flow: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      const message = pick(e.text, args?.lang ?? 'en');
      out.stderr(`audience-flow: ${message}\n`);
      // `run` always answers with a JSON summary on stdout, also when it could not start.
      if (args?.command === 'run') out.stdout(`${JSON.stringify({ ok: false, error: message, nodes: [], outputs: [] })}\n`);
      return 1;
    }
    out.stderr(`audience-flow: unexpected error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
