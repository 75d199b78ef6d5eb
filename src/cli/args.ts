/** Command-line arguments of `audience-flow`, parsed into a plain object or a usage error. */
import { parseSize } from './node-files';

export interface CliArgs {
  command: 'run' | 'validate' | 'nodes' | 'help';
  flow?: string;
  inputs: [node: string, file: string][];
  sets: [node: string, param: string, value: unknown][];
  /** `--param ID=VALUE`: a template's fill-in input (its `inputs` list), VALUE as text. */
  params: [id: string, value: string][];
  out: string;
  format: 'csv' | 'arrow' | 'parquet' | 'json';
  json: boolean;
  lang: 'en' | 'vi';
  /** `--threads N`: threads for work split by rows (1 = no helper threads); default every core. */
  threads?: number;
  /** `--max-file-size SIZE`: the largest file read, in bytes (default: see node-files.ts). */
  maxFileSize?: number;
  /** `--allow-any-path`: a workflow may read files outside its folder and the current folder. */
  allowAnyPath: boolean;
  /** `--engine`: where relational nodes run (default: the flow's `engine`, else auto). */
  engine?: 'auto' | 'memory' | 'duckdb';
  /** `--duckdb-memory SIZE`: DuckDB's memory_limit, in bytes. */
  duckdbMemory?: number;
}

/** Wrong flags or arguments: exit 2 with the usage text. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  audience-flow run FLOW.flow.json [--input NODE_ID=FILE]... [--set NODE_ID.PARAM=VALUE]... [--param INPUT_ID=VALUE]... [--out DIR] [--format csv|arrow|parquet|json] [--threads N] [--max-file-size SIZE] [--allow-any-path] [--engine auto|memory|duckdb] [--duckdb-memory SIZE]
  audience-flow validate FLOW.flow.json
  audience-flow nodes [--json]
Options:
  --lang en|vi          language of messages (default en)
  --threads N           threads for k-means (default: every core; 1 = this thread only; same results)
  --max-file-size SIZE  largest file read, e.g. 500MB or 8GB (default 2GB, or a quarter of the memory if less;
                        also AUDIENCE_FLOW_MAX_FILE_SIZE)
  --allow-any-path      let the workflow read files outside its own folder and the current folder
  --engine E            memory: every node on Arrow tables in this process; duckdb: nodes with a SQL form
                        (load, select, filter, dedupe, missing, join, time, per-user features) run in DuckDB;
                        auto (default): duckdb when a file the flow loads is over 100 MB
  --duckdb-memory SIZE  DuckDB's memory limit, e.g. 4GB (default: 80% of the memory)
Exit codes: 0 success; 1 a node failed, or the workflow is invalid or cannot be read, or the results
cannot be written (the files that were computed are still written); 2 usage error (wrong options);
130 the run was cancelled with Ctrl+C (finished results are still written; a second Ctrl+C quits at once).`;

/** VALUE of --set: JSON when it parses, otherwise the plain string. */
export function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    command: 'help',
    inputs: [],
    sets: [],
    params: [],
    out: 'out',
    format: 'csv',
    json: false,
    lang: 'en',
    allowAnyPath: false,
  };
  const rest = [...argv];
  const command = rest.shift();
  if (!command || command === 'help' || command === '--help' || command === '-h') return args;
  if (command !== 'run' && command !== 'validate' && command !== 'nodes') throw new UsageError(`Unknown command "${command}".`);
  args.command = command;
  const take = (flag: string) => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
    return v;
  };
  while (rest.length) {
    const a = rest.shift()!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') && !a.startsWith('--input=') && !a.startsWith('--set=') && !a.startsWith('--param=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? take(flag);
    if (flag === '--input' || a.startsWith('--input=')) {
      const v = a.startsWith('--input=') ? a.slice(8) : take('--input');
      const eq = v.indexOf('=');
      if (eq <= 0 || eq === v.length - 1) throw new UsageError(`--input takes NODE_ID=FILE, not "${v}".`);
      args.inputs.push([v.slice(0, eq), v.slice(eq + 1)]);
    } else if (flag === '--set' || a.startsWith('--set=')) {
      const v = a.startsWith('--set=') ? a.slice(6) : take('--set');
      const m = /^([^.=]+)\.([^=]+)=(.*)$/s.exec(v);
      if (!m) throw new UsageError(`--set takes NODE_ID.PARAM=VALUE, not "${v}".`);
      args.sets.push([m[1], m[2], parseValue(m[3])]);
    } else if (flag === '--param' || a.startsWith('--param=')) {
      const v = a.startsWith('--param=') ? a.slice(8) : take('--param');
      const eq = v.indexOf('=');
      if (eq <= 0) throw new UsageError(`--param takes INPUT_ID=VALUE, not "${v}".`);
      args.params.push([v.slice(0, eq), v.slice(eq + 1)]);
    } else if (flag === '--out') {
      args.out = value();
    } else if (flag === '--format') {
      const f = value();
      if (f !== 'csv' && f !== 'arrow' && f !== 'parquet' && f !== 'json')
        throw new UsageError(`--format is csv, arrow, parquet or json, not "${f}".`);
      args.format = f;
    } else if (flag === '--lang') {
      const l = value();
      if (l !== 'en' && l !== 'vi') throw new UsageError(`--lang is en or vi, not "${l}".`);
      args.lang = l;
    } else if (flag === '--threads') {
      const v = value();
      const t = Number(v);
      if (!Number.isInteger(t) || t < 1 || t > 64) throw new UsageError(`--threads is a whole number from 1 to 64, not "${v}".`);
      args.threads = t;
    } else if (flag === '--max-file-size') {
      const v = value();
      const bytes = parseSize(v);
      if (bytes === undefined) throw new UsageError(`--max-file-size is a size such as 500MB or 8GB, not "${v}".`);
      args.maxFileSize = bytes;
    } else if (flag === '--engine') {
      const e = value();
      if (e !== 'auto' && e !== 'memory' && e !== 'duckdb') throw new UsageError(`--engine is auto, memory or duckdb, not "${e}".`);
      args.engine = e;
    } else if (flag === '--duckdb-memory') {
      const v = value();
      const bytes = parseSize(v);
      if (bytes === undefined) throw new UsageError(`--duckdb-memory is a size such as 500MB or 8GB, not "${v}".`);
      args.duckdbMemory = bytes;
    } else if (flag === '--allow-any-path') {
      args.allowAnyPath = true;
    } else if (flag === '--json') {
      args.json = true;
    } else if (a.startsWith('--')) {
      throw new UsageError(`Unknown option "${a}".`);
    } else if (!args.flow && command !== 'nodes') {
      args.flow = a;
    } else {
      throw new UsageError(`Unexpected argument "${a}".`);
    }
  }
  if (command !== 'nodes' && !args.flow) throw new UsageError(`"${command}" needs a workflow file.`);
  return args;
}
