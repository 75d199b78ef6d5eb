/**
 * The executor: runs a workflow DAG in topological order over Arrow tables, caching each node's
 * outputs under a hash of (type, version, params, input hashes, file stamps). The same engine runs
 * in the browser's Web Worker, in the CLI and in tests.
 */
import type { Table } from 'apache-arrow';
import { CancelledError, NodeError } from '../src/core/errors';
import { hashValue } from '../src/core/hash';
import type { Helpers } from '../src/core/helpers';
import type { PortValue, RunContext } from '../src/core/node';
import { parseParams } from '../src/core/params';
import { createRandom, seedFrom } from '../src/core/random';
import { columnInfo, isTable, type ColumnInfo } from '../src/core/table';
import type { Text } from '../src/core/text';
import { topologicalOrder, validateWorkflow, type GraphIssue, type Registry } from '../src/core/validate';
import { parsePortRef, type Workflow } from '../src/core/workflow';
import type { FileSource } from './files';

/** What an output port holds after a run, without the data. */
export interface OutputInfo {
  kind: 'table' | 'model' | 'chart';
  rows?: number;
  columns?: ColumnInfo[];
}

export type EngineEvent =
  | { type: 'start'; node: string }
  | { type: 'progress'; node: string; fraction: number; message?: string }
  | { type: 'done'; node: string; ms: number; rows: number | null; cached: boolean; outputs: Record<string, OutputInfo>; warnings: Text[] }
  | { type: 'error'; node: string; message: Text }
  | { type: 'skipped'; node: string; message: Text };

export interface NodeReport {
  id: string;
  type: string;
  status: 'done' | 'error' | 'skipped' | 'cancelled' | 'invalid';
  ms: number;
  rows: number | null;
  cached: boolean;
  message?: Text;
}

export interface RunResult {
  ok: boolean;
  cancelled: boolean;
  issues: GraphIssue[];
  nodes: NodeReport[];
}

export interface RunOptions {
  onEvent?: (event: EngineEvent) => void;
  signal?: AbortSignal;
  /** Run only these nodes and what they need (trainer mode, previews). Default: every node. */
  targets?: string[];
  /** Minimum time between two progress events of one node, in ms. */
  progressInterval?: number;
}

export interface EngineOptions {
  /** Helper threads offered to nodes through their context. */
  helpers?: Helpers;
}

interface CacheEntry {
  outputs: Record<string, PortValue>;
  ms: number;
  warnings: Text[];
}

const rowsOf = (outputs: Record<string, PortValue>): number | null => {
  const out = outputs.out ?? Object.values(outputs).find(isTable);
  return out && isTable(out) ? out.numRows : null;
};

const infoOf = (value: PortValue): OutputInfo =>
  isTable(value) ? { kind: 'table', rows: value.numRows, columns: columnInfo(value) } : { kind: value.kind === 'model' ? 'model' : 'chart' };

/** Yields to the event loop so that messages (cancel) can arrive. */
const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Engine {
  /** Outputs by node hash: the last run's plus the one before it. */
  private cache = new Map<string, CacheEntry>();
  private previous = new Map<string, CacheEntry>();
  /** Node id → hash in the last run, to look outputs up by id. */
  private lastHashes = new Map<string, string>();

  constructor(private readonly registry: Registry, private readonly files: FileSource, private readonly options: EngineOptions = {}) {}

  /** Runs the workflow; never throws for a node's failure (it is reported in events and the result). */
  async run(workflow: Workflow, options: RunOptions = {}): Promise<RunResult> {
    const emit = options.onEvent ?? (() => {});
    const signal = options.signal ?? new AbortController().signal;
    const issues = validateWorkflow(workflow, this.registry);
    const reports: NodeReport[] = [];
    const invalid = new Set(issues.filter((i) => i.node).map((i) => i.node!));
    if (issues.some((i) => i.code === 'cycle' || i.code === 'duplicate-id' || i.code === 'unknown-node')) {
      return { ok: false, cancelled: false, issues, nodes: [] };
    }
    const byId = new Map(workflow.nodes.map((n) => [n.id, n]));
    const incoming = new Map<string, { port: string; from: string; fromPort: string }[]>();
    for (const e of workflow.edges) {
      const from = parsePortRef(e.from), to = parsePortRef(e.to);
      if (!incoming.has(to.node)) incoming.set(to.node, []);
      incoming.get(to.node)!.push({ port: to.port, from: from.node, fromPort: from.port });
    }
    let order = topologicalOrder(workflow);
    if (options.targets) {
      const needed = new Set<string>();
      const visit = (id: string) => {
        if (needed.has(id)) return;
        needed.add(id);
        for (const i of incoming.get(id) ?? []) visit(i.from);
      };
      options.targets.forEach(visit);
      order = order.filter((id) => needed.has(id));
    }

    // Helper threads take a moment to start: start them now, while the nodes upstream run.
    const helpers = this.options.helpers;
    if (helpers?.warm && order.some((id) => this.registry(byId.get(id)!.type)?.usesHelpers)) helpers.warm();

    const nextCache = new Map<string, CacheEntry>();
    const hashes = new Map<string, string>();
    const failed = new Set<string>();
    let cancelled = false;

    for (const id of order) {
      const node = byId.get(id)!;
      const def = this.registry(node.type);
      const report: NodeReport = { id, type: node.type, status: 'done', ms: 0, rows: null, cached: false };
      reports.push(report);
      if (cancelled || signal.aborted) {
        cancelled = true;
        report.status = 'cancelled';
        continue;
      }
      const blockedBy = (incoming.get(id) ?? []).find((i) => failed.has(i.from));
      if (invalid.has(id) || !def || blockedBy) {
        failed.add(id);
        report.status = blockedBy ? 'skipped' : 'invalid';
        report.message = blockedBy
          ? { en: `Not run: the node "${blockedBy.from}" before it failed.`, vi: `Chưa chạy: nút "${blockedBy.from}" phía trước bị lỗi.` }
          : issues.find((i) => i.node === id)!.message;
        emit(blockedBy ? { type: 'skipped', node: id, message: report.message } : { type: 'error', node: id, message: report.message });
        continue;
      }
      const parsed = parseParams(def, node.params);
      if (!parsed.ok) throw new Error('unreachable: params were validated');
      const params = parsed.params;
      const inputs: Record<string, PortValue | undefined> = {};
      const inputHashes: Record<string, string> = {};
      for (const i of incoming.get(id) ?? []) {
        const entry = nextCache.get(hashes.get(i.from)!);
        inputs[i.port] = entry?.outputs[i.fromPort];
        inputHashes[i.port] = `${hashes.get(i.from)}.${i.fromPort}`;
      }
      let stamps: string[] = [];
      try {
        stamps = await Promise.all((def.files?.(params as never) ?? []).map((f) => this.files.stamp(f).catch(() => `missing:${f}`)));
      } catch { /* a file that cannot be stamped will fail in run with a clear message */ }
      const hash = hashValue({ type: def.type, version: def.version, params, inputs: inputHashes, stamps });
      hashes.set(id, hash);

      const hit = this.cache.get(hash) ?? this.previous.get(hash) ?? nextCache.get(hash);
      if (hit) {
        nextCache.set(hash, hit);
        report.cached = true;
        report.ms = hit.ms;
        report.rows = rowsOf(hit.outputs);
        emit({ type: 'done', node: id, ms: hit.ms, rows: report.rows, cached: true, outputs: mapValues(hit.outputs, infoOf), warnings: hit.warnings });
        continue;
      }

      emit({ type: 'start', node: id });
      const warnings: Text[] = [];
      const ctx = this.context(id, params, signal, options.progressInterval ?? 100, emit, warnings);
      const started = performance.now();
      try {
        await yieldNow();
        if (signal.aborted) throw new CancelledError();
        const outputs = await def.run(inputs, params as never, ctx);
        for (const port of def.outputs) {
          if (!(port.name in outputs)) throw new Error(`the node did not produce its output "${port.name}"`);
        }
        const ms = Math.round((performance.now() - started) * 10) / 10;
        nextCache.set(hash, { outputs, ms, warnings });
        report.ms = ms;
        report.rows = rowsOf(outputs);
        emit({ type: 'done', node: id, ms, rows: report.rows, cached: false, outputs: mapValues(outputs, infoOf), warnings });
      } catch (error) {
        failed.add(id);
        if (error instanceof CancelledError || signal.aborted) {
          cancelled = true;
          report.status = 'cancelled';
          report.message = { en: 'Cancelled.', vi: 'Đã huỷ.' };
          emit({ type: 'error', node: id, message: report.message });
          continue;
        }
        report.status = 'error';
        report.message = describeError(error);
        emit({ type: 'error', node: id, message: report.message });
      }
    }
    // Keep the outputs of this run and the one before, so that undoing a change is instant too.
    if (options.targets) {
      for (const [h, e] of nextCache) this.cache.set(h, e);
    } else {
      this.previous = this.cache;
      this.cache = nextCache;
    }
    for (const [id, h] of hashes) if (nextCache.has(h)) this.lastHashes.set(id, h);
    const ok = !cancelled && reports.every((r) => r.status === 'done');
    return { ok, cancelled, issues, nodes: reports };
  }

  /** An output of the last run (or undefined when that node has not run or failed). */
  output(nodeId: string, port = 'out'): PortValue | undefined {
    const hash = this.lastHashes.get(nodeId);
    return hash ? (this.cache.get(hash) ?? this.previous.get(hash))?.outputs[port] : undefined;
  }

  /** A table output of the last run. */
  table(nodeId: string, port = 'out'): Table | undefined {
    const value = this.output(nodeId, port);
    return value && isTable(value) ? value : undefined;
  }

  /** Forgets every cached output. */
  clear(): void {
    this.cache.clear();
    this.previous.clear();
    this.lastHashes.clear();
  }

  private context(id: string, params: Record<string, unknown>, signal: AbortSignal, interval: number,
    emit: (e: EngineEvent) => void, warnings: Text[]): RunContext {
    let lastEvent = 0, lastYield = performance.now();
    const seed = typeof params.seed === 'number' ? seedFrom(params.seed) : seedFrom(id);
    const random = createRandom(seed);
    return {
      signal,
      random,
      warn: (message) => { warnings.push(typeof message === 'string' ? { en: message, vi: message } : message); },
      readFile: (path) => this.files.read(path),
      helpers: this.options.helpers,
      progress: async (fraction, message) => {
        const now = performance.now();
        if (now - lastEvent >= interval) {
          lastEvent = now;
          emit({ type: 'progress', node: id, fraction: Math.max(0, Math.min(1, fraction)), message });
        }
        if (now - lastYield >= 30) {
          lastYield = now;
          await yieldNow();
        }
        if (signal.aborted) throw new CancelledError();
      },
    };
  }
}

function mapValues<A, B>(o: Record<string, A>, f: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/** Turns anything thrown by a node into a message for the analyst. */
export function describeError(error: unknown): Text {
  if (error instanceof NodeError) return { en: error.message, vi: error.vi };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /allocation|Array buffer|memory/i.test(message)) {
    return { en: 'The data is too large for this browser tab\'s memory. Try a sample of the rows.', vi: 'Dữ liệu quá lớn so với bộ nhớ của tab trình duyệt. Hãy thử với một phần dữ liệu.' };
  }
  return { en: `Something went wrong in this node: ${message}`, vi: `Nút này gặp lỗi: ${message}` };
}
