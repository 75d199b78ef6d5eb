/**
 * The preview engine: before the first Run, the flow's nodes downstream of a loaded file run on
 * the file's first rows, so column pickers know the columns (with their types) and the data panel
 * can show a preview. It is a second `Engine` of its own (its own small cache, no helper threads)
 * whose load nodes stop at the head: a text file (CSV, TSV, NDJSON) is cut to its first megabyte
 * at a line end before it is parsed, and every load node's tables keep their first rows. Nothing
 * of it is ever taken for a real result: the page shows it as a preview.
 */
import type { Table } from 'apache-arrow';
import { CancelledError } from '../src/core/contract/errors';
import type { NodeDef, PortValue, RunContext } from '../src/core/contract/node';
import type { Text } from '../src/core/contract/i18n';
import type { Registry } from '../src/core/flow/validate';
import { parsePortRef, type Workflow } from '../src/core/flow/workflow';
import { isTable } from '../src/core/table/table';
import { Engine, type OutputInfo } from './engine';
import type { FileSource } from './files';

/** Rows a load node keeps in a preview. */
export const PREVIEW_ROWS = 200;
/** Bytes of a text file read for a preview (cut back to the last line end). */
export const PREVIEW_BYTES = 1 << 20;
/** The preview cache: small, it holds heads of tables. */
const PREVIEW_CACHE_BYTES = 64 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, text: string): boolean =>
  bytes.length >= text.length && [...text].every((ch, i) => bytes[i] === ch.charCodeAt(0));

/** The first byte that is not white space (after a UTF-8 BOM), or -1. */
function firstChar(bytes: Uint8Array): number {
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = from; i < Math.min(bytes.length, from + 4096); i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return b;
  }
  return -1;
}

/**
 * The head of a file for a preview: a line-based text file (CSV, TSV, NDJSON) longer than
 * `limit` is cut after its last line end within `limit` bytes; binary files (Parquet, Arrow,
 * Excel), JSON arrays, UTF-16 text and short files are returned whole (they cannot be cut safely).
 */
export function headOfFile(bytes: Uint8Array, limit = PREVIEW_BYTES): Uint8Array {
  if (bytes.length <= limit) return bytes;
  if (startsWith(bytes, 'ARROW1') || startsWith(bytes, 'PAR1') || startsWith(bytes, 'PK')) return bytes;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return bytes; // UTF-16
  if (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) return bytes; // Arrow stream
  if (firstChar(bytes) === 91) return bytes; // [ … ]: a JSON array
  const end = bytes.lastIndexOf(10, limit - 1);
  return end > 0 ? bytes.subarray(0, end + 1) : bytes;
}

/** Keeps the first `rows` rows of every table a load node gives (charts and models as they are). */
function headOfOutputs<T extends Record<string, PortValue>>(outputs: T, rows: number): T {
  const out: Record<string, PortValue> = {};
  for (const [port, value] of Object.entries(outputs))
    out[port] = isTable(value) && value.numRows > rows ? (value as Table).slice(0, rows) : value;
  return out as T;
}

/**
 * The node as the preview runs it: a load node reads the head of its files (and, if the cut file
 * cannot be read, the whole file) and keeps its first rows; the others run unchanged.
 */
function previewNode(def: NodeDef, rows: number): NodeDef {
  if (def.category !== 'ingest') return def;
  return {
    ...def,
    async run(inputs, params, ctx) {
      const head: RunContext = { ...ctx, readFile: async (path) => headOfFile(await ctx.readFile(path)) };
      let outputs: Record<string, PortValue>;
      try {
        outputs = await def.run(inputs, params, head);
      } catch (err) {
        if (err instanceof CancelledError || ctx.signal.aborted) throw err;
        outputs = await def.run(inputs, params, ctx);
      }
      return headOfOutputs(outputs, rows) as never;
    },
  };
}

/** What a preview knows of a node: what each output port held, or why it has none. */
export interface PreviewNode {
  outputs?: Record<string, OutputInfo>;
  error?: Text;
}

export interface PreviewResult {
  /** Rows each load node kept. */
  rows: number;
  nodes: Record<string, PreviewNode>;
  cancelled: boolean;
}

/**
 * The nodes a preview is for: every node reading (directly or further down) a load node that
 * names a file, except those in `known` (they have real results of a run).
 */
export function previewTargets(workflow: Workflow, registry: Registry, known: ReadonlySet<string> = new Set()): string[] {
  const starts = workflow.nodes.filter((n) => {
    const def = registry(n.type);
    if (!def || def.category !== 'ingest' || !def.files) return false;
    const parsed = def.params.safeParse(n.params ?? {});
    return parsed.success && def.files(parsed.data).length > 0;
  });
  const next = new Map<string, string[]>();
  for (const e of workflow.edges) {
    const from = parsePortRef(e.from).node,
      to = parsePortRef(e.to).node;
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const seen = new Set<string>();
  const stack = starts.map((n) => n.id);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return workflow.nodes.map((n) => n.id).filter((id) => seen.has(id) && !known.has(id));
}

export class PreviewEngine {
  readonly engine: Engine;

  constructor(
    registry: Registry,
    files: FileSource,
    readonly rows = PREVIEW_ROWS,
  ) {
    const wrapped = new Map<string, NodeDef | undefined>();
    const previewRegistry: Registry = (type) => {
      if (!wrapped.has(type)) {
        const def = registry(type);
        wrapped.set(type, def && previewNode(def, rows));
      }
      return wrapped.get(type);
    };
    this.engine = new Engine(previewRegistry, files, { cacheBytes: PREVIEW_CACHE_BYTES });
  }

  /** Runs `targets` (and what they read) on the head of the files; never throws for a node's failure. */
  async run(workflow: Workflow, targets: string[], signal?: AbortSignal): Promise<PreviewResult> {
    const nodes: Record<string, PreviewNode> = {};
    if (!targets.length) return { rows: this.rows, nodes, cancelled: false };
    const result = await this.engine.run(workflow, {
      targets,
      signal,
      progressInterval: 1000,
      onEvent: (e) => {
        if (e.type === 'done') nodes[e.node] = { outputs: e.outputs };
        else if (e.type === 'error' || e.type === 'skipped') nodes[e.node] = { error: e.message };
      },
    });
    return { rows: this.rows, nodes, cancelled: result.cancelled };
  }

  table(nodeId: string, port: string): Table | undefined {
    return this.engine.table(nodeId, port);
  }
}
