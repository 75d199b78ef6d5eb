/**
 * The executor: runs a workflow DAG in topological order over Arrow tables, caching each node's
 * outputs under the SHA-256 of (type, version, params, input keys, file stamps) in a cache bounded
 * by bytes (least recently used evicted first). The same engine runs in the browser's Web Worker,
 * in the CLI and in tests.
 */
import type { Table } from 'apache-arrow';
import { CancelledError, NodeError, type ErrorCode } from '../src/core/contract/errors';
import { hashValue } from '../src/core/flow/hash';
import type { Helpers } from '../src/core/contract/helpers';
import type { PortValue, RunContext } from '../src/core/contract/node';
import { parseParams } from '../src/core/contract/params';
import { createRandom, seedFrom } from '../src/core/contract/random';
import { isTable, type ColumnInfo } from '../src/core/table/table';
import { describeColumns } from '../src/core/table/column-hints';
import type { Text } from '../src/core/contract/i18n';
import { nodeLabel } from '../src/core/flow/names';
import { topologicalOrder, validateWorkflow, type GraphIssue, type Registry } from '../src/core/flow/validate';
import { parsePortRef, type Workflow } from '../src/core/flow/workflow';
import { OutputCache, type CacheEntry } from './cache';
import type { FileSource } from './files';
import { type InputRef, type SqlBackend, SqlSteps } from './sql';

/** What an output port holds after a run, without the data. */
export interface OutputInfo {
  kind: 'table' | 'model' | 'chart';
  rows?: number;
  columns?: ColumnInfo[];
}

export type EngineEvent =
  | { type: 'start'; node: string }
  | { type: 'progress'; node: string; fraction: number; message?: Text }
  | {
      type: 'done';
      node: string;
      ms: number;
      rows: number | null;
      cached: boolean;
      outputs: Record<string, OutputInfo>;
      warnings: Text[];
      infos?: Text[];
      /** The node ran as SQL on the SQL engine (not its TypeScript `run`). */
      sql?: true;
    }
  | { type: 'error'; node: string; code: ErrorCode; message: Text }
  | { type: 'skipped'; node: string; code: 'upstream-failed'; message: Text }
  /** The node was running when the run was cancelled, or had not started yet. */
  | { type: 'cancelled'; node: string; code: 'cancelled'; started: boolean; message: Text };

export interface NodeReport {
  id: string;
  type: string;
  status: 'done' | 'error' | 'skipped' | 'cancelled' | 'invalid';
  ms: number;
  rows: number | null;
  cached: boolean;
  /** Why the node has no outputs (every status but `done`). */
  code?: ErrorCode;
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
  /** Bytes the output cache may hold (default: see `defaultCacheBytes`). */
  cacheBytes?: number;
  /** A SQL engine (DuckDB): nodes with a SQL form run there, chained as views (see sql.ts). */
  sql?: SqlBackend;
}

/** What `engine.lookup` knows about an output. */
export type OutputLookup =
  | { status: 'ready'; value: PortValue }
  /** The node ran, but its outputs were dropped from the cache to make room: run again to recompute them. */
  | { status: 'evicted' }
  /** The node has not run successfully (or has no such port). */
  | { status: 'none' };

const VIEW_INFO: Text = {
  en: 'Computed by DuckDB as part of the next step (kept as a SQL view, so its rows are not counted here).',
  vi: 'Được DuckDB tính cùng bước tiếp theo (giữ dưới dạng view SQL nên không đếm số dòng ở đây).',
};
const CANCELLED_RUNNING: Text = { en: 'Cancelled while running.', vi: 'Đã huỷ khi đang chạy.' };
const CANCELLED_WAITING: Text = { en: 'Not run: the run was cancelled.', vi: 'Chưa chạy: lần chạy đã bị huỷ.' };

const rowsOf = (outputs: Record<string, PortValue>): number | null => {
  const out = outputs.out ?? Object.values(outputs).find(isTable);
  return out && isTable(out) ? out.numRows : null;
};

const infoOf = (value: PortValue): OutputInfo =>
  isTable(value)
    ? { kind: 'table', rows: value.numRows, columns: describeColumns(value) }
    : { kind: value.kind === 'model' ? 'model' : 'chart' };

/** Yields to the event loop so that messages (cancel) can arrive. */
const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Engine {
  /** Outputs by cache key, bounded by bytes. */
  readonly cache: OutputCache;
  /** Node id → cache key of its outputs in the last run that finished it; absent when it did not finish. */
  private lastHashes = new Map<string, string>();

  constructor(
    private readonly registry: Registry,
    private readonly files: FileSource,
    private readonly options: EngineOptions = {},
  ) {
    this.cache = new OutputCache(options.cacheBytes);
  }

  /** Runs the workflow; never throws for a node's failure (it is reported in events and the result). */
  async run(workflow: Workflow, options: RunOptions = {}): Promise<RunResult> {
    const emit = options.onEvent ?? (() => {});
    const signal = options.signal ?? new AbortController().signal;
    const issues = validateWorkflow(workflow, this.registry);
    const reports: NodeReport[] = [];
    const invalid = new Set(issues.filter((i) => i.node).map((i) => i.node!));
    if (issues.some((i) => i.code === 'cycle' || i.code === 'duplicate-id' || i.code === 'unknown-node')) {
      // Nothing runs: no node of this flow has outputs of its own now.
      for (const n of workflow.nodes) this.lastHashes.delete(n.id);
      return { ok: false, cancelled: false, issues, nodes: [] };
    }
    const byId = new Map(workflow.nodes.map((n) => [n.id, n]));
    const incoming = new Map<string, { port: string; from: string; fromPort: string }[]>();
    for (const e of workflow.edges) {
      const from = parsePortRef(e.from),
        to = parsePortRef(e.to);
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

    // Outputs that nodes of this run still have to read are held (never evicted) until the last
    // of those nodes is done; `pins` counts the readers left per cache key.
    const readers = new Map<string, number>();
    for (const id of order) for (const i of incoming.get(id) ?? []) readers.set(i.from, (readers.get(i.from) ?? 0) + 1);
    const live = new Map<string, CacheEntry>();
    const pins = new Map<string, number>();
    const hashes = new Map<string, string>();
    const failed = new Set<string>();
    let cancelled = false;
    const keep = (id: string, hash: string, entry: CacheEntry) => {
      const wanted = readers.get(id) ?? 0;
      if (wanted) {
        live.set(hash, entry);
        pins.set(hash, (pins.get(hash) ?? 0) + wanted);
      }
      this.cache.set(hash, entry);
      this.cache.trim(new Set(live.keys()));
      this.lastHashes.set(id, hash);
    };
    /** A node is done with its inputs (whatever its outcome): unpin what nobody else will read. */
    const release = (id: string) => {
      for (const i of incoming.get(id) ?? []) {
        const hash = hashes.get(i.from);
        if (!hash || !pins.has(hash)) continue;
        const left = pins.get(hash)! - 1;
        if (left > 0) pins.set(hash, left);
        else {
          pins.delete(hash);
          live.delete(hash);
        }
      }
    };
    let previous: string | null = null;
    const sqlSteps = this.options.sql ? new SqlSteps(this.options.sql, this.files) : null;
    // A SQL node's output stays a view only while every node reading it has a SQL form too.
    const readBy = new Map<string, string[]>();
    for (const e of workflow.edges) {
      const from = parsePortRef(e.from).node;
      readBy.set(from, [...(readBy.get(from) ?? []), byId.get(parsePortRef(e.to).node)?.type ?? '']);
    }
    const materialise = (id: string) =>
      !!options.targets?.includes(id) || !(readBy.get(id)?.length && readBy.get(id)!.every((type) => this.registry(type)?.sql));

    for (const id of order) {
      if (previous) release(previous);
      previous = id;
      const node = byId.get(id)!;
      const def = this.registry(node.type);
      const report: NodeReport = { id, type: node.type, status: 'done', ms: 0, rows: null, cached: false };
      reports.push(report);
      // Whatever happens below, the outputs of an earlier run must not stand for this node's.
      this.lastHashes.delete(id);
      if (cancelled || signal.aborted) {
        cancelled = true;
        report.status = 'cancelled';
        report.code = 'cancelled';
        report.message = CANCELLED_WAITING;
        emit({ type: 'cancelled', node: id, code: 'cancelled', started: false, message: report.message });
        continue;
      }
      const blockedBy = (incoming.get(id) ?? []).find((i) => failed.has(i.from));
      if (invalid.has(id) || !def || blockedBy) {
        failed.add(id);
        if (blockedBy) {
          report.status = 'skipped';
          report.code = 'upstream-failed';
          const before = byId.get(blockedBy.from);
          const name = nodeLabel(before ?? { id: blockedBy.from }, before ? this.registry(before.type) : undefined);
          report.message = {
            en: `Not run: the step "${name.en}" before it failed.`,
            vi: `Chưa chạy: bước "${name.vi}" phía trước bị lỗi.`,
          };
          emit({ type: 'skipped', node: id, code: 'upstream-failed', message: report.message });
        } else {
          const issue = issues.find((i) => i.node === id)!;
          report.status = 'invalid';
          report.code = issue.code;
          report.message = issue.message;
          emit({ type: 'error', node: id, code: issue.code, message: report.message });
        }
        continue;
      }
      const parsed = parseParams(def, node.params);
      if (!parsed.ok) throw new Error('unreachable: params were validated');
      const params = parsed.params;
      const inputs: Record<string, PortValue | undefined> = {};
      const inputHashes: Record<string, string> = {};
      const refs: Record<string, InputRef> = {};
      for (const i of incoming.get(id) ?? []) {
        const entry = live.get(hashes.get(i.from)!);
        inputs[i.port] = entry?.outputs[i.fromPort];
        inputHashes[i.port] = `${hashes.get(i.from)}.${i.fromPort}`;
        refs[i.port] = { key: inputHashes[i.port], node: i.from, value: inputs[i.port] };
      }
      let stamps: string[] = [];
      try {
        stamps = await Promise.all((def.files?.(params as never) ?? []).map((f) => this.files.stamp(f).catch(() => `missing:${f}`)));
      } catch {
        /* a file that cannot be stamped will fail in run with a clear message */
      }
      const hash = hashValue({ type: def.type, version: def.version, params, inputs: inputHashes, stamps });
      hashes.set(id, hash);

      const hit = live.get(hash) ?? this.cache.get(hash);
      if (hit) {
        keep(id, hash, hit);
        report.cached = true;
        report.ms = hit.ms;
        report.rows = rowsOf(hit.outputs);
        emit({
          type: 'done',
          node: id,
          ms: hit.ms,
          rows: report.rows,
          cached: true,
          outputs: mapValues(hit.outputs, infoOf),
          warnings: hit.warnings,
          ...(hit.infos?.length ? { infos: hit.infos } : {}),
        });
        continue;
      }

      emit({ type: 'start', node: id });
      const warnings: Text[] = [];
      const infos: Text[] = [];
      const ctx = this.context(id, params, signal, options.progressInterval ?? 100, emit, warnings, infos);
      const started = performance.now();
      try {
        await yieldNow();
        if (signal.aborted) throw new CancelledError();
        const viaSql = sqlSteps && def.sql ? await sqlSteps.run(def, params, refs, `${hash}.out`, materialise(id), signal) : null;
        let outputs: Record<string, PortValue>;
        if (viaSql) outputs = viaSql.outputs;
        else {
          // A TypeScript node reads rows: an input that is still a view is computed now.
          if (sqlSteps)
            for (const [port, ref] of Object.entries(refs))
              if (inputs[port] === undefined && sqlSteps.isView(ref.key)) inputs[port] = await sqlSteps.table(ref, signal);
          outputs = await def.run(inputs, params as never, ctx);
        }
        if (!viaSql?.view)
          for (const port of def.outputs) {
            if (!(port.name in outputs)) throw new Error(`the node did not produce its output "${port.name}"`);
          }
        const ms = Math.round((performance.now() - started) * 10) / 10;
        if (viaSql?.view) {
          // Only a view: the nodes after it read it in SQL; nothing to cache for a later run.
          infos.push(VIEW_INFO);
          live.set(hash, { outputs, ms, warnings, infos });
          pins.set(hash, (pins.get(hash) ?? 0) + (readers.get(id) ?? 0));
          this.lastHashes.set(id, hash);
        } else keep(id, hash, { outputs, ms, warnings, infos });
        report.ms = ms;
        report.rows = rowsOf(outputs);
        emit({
          type: 'done',
          node: id,
          ms,
          rows: report.rows,
          cached: false,
          outputs: mapValues(outputs, infoOf),
          warnings,
          ...(infos.length ? { infos } : {}),
          ...(viaSql ? { sql: true as const } : {}),
        });
      } catch (error) {
        failed.add(id);
        if (error instanceof CancelledError || signal.aborted) {
          cancelled = true;
          report.status = 'cancelled';
          report.code = 'cancelled';
          report.message = CANCELLED_RUNNING;
          emit({ type: 'cancelled', node: id, code: 'cancelled', started: true, message: report.message });
          continue;
        }
        const described = describeError(error);
        report.status = 'error';
        report.code = described.code;
        report.message = described.message;
        emit({ type: 'error', node: id, code: described.code, message: report.message });
      }
    }
    if (previous) release(previous);
    // A node no longer in the flow has no outputs to show.
    if (!options.targets) for (const id of [...this.lastHashes.keys()]) if (!byId.has(id)) this.lastHashes.delete(id);
    // Earlier runs' outputs stay cached (undoing a change is instant) as long as the budget allows.
    this.cache.trim();
    const ok = !cancelled && reports.every((r) => r.status === 'done');
    return { ok, cancelled, issues, nodes: reports };
  }

  /**
   * An output of the last run that finished the node: ready, evicted from the cache (run again to
   * recompute it), or none (the node has not run, or failed, was skipped or cancelled).
   */
  lookup(nodeId: string, port = 'out'): OutputLookup {
    const hash = this.lastHashes.get(nodeId);
    if (!hash) return { status: 'none' };
    const entry = this.cache.get(hash);
    if (!entry) return { status: 'evicted' };
    const value = entry.outputs[port];
    return value === undefined ? { status: 'none' } : { status: 'ready', value };
  }

  /** An output of the last run (undefined when that node has not finished, or its output was evicted). */
  output(nodeId: string, port = 'out'): PortValue | undefined {
    const found = this.lookup(nodeId, port);
    return found.status === 'ready' ? found.value : undefined;
  }

  /** A table output of the last run. */
  table(nodeId: string, port = 'out'): Table | undefined {
    const value = this.output(nodeId, port);
    return value && isTable(value) ? value : undefined;
  }

  /** Forgets every cached output. */
  clear(): void {
    this.cache.clear();
    this.lastHashes.clear();
  }

  private context(
    id: string,
    params: Record<string, unknown>,
    signal: AbortSignal,
    interval: number,
    emit: (e: EngineEvent) => void,
    warnings: Text[],
    infos: Text[],
  ): RunContext {
    let lastEvent = 0,
      lastYield = performance.now();
    const seed = typeof params.seed === 'number' ? seedFrom(params.seed) : seedFrom(id);
    const random = createRandom(seed);
    return {
      signal,
      random,
      warn: (message) => {
        warnings.push(message);
      },
      info: (message) => {
        infos.push(message);
      },
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

/** Turns anything thrown by a node into a code and a message for the analyst. */
export function describeError(error: unknown): { code: ErrorCode; message: Text } {
  if (error instanceof NodeError) return { code: error.code, message: { en: error.message, vi: error.vi } };
  if (error instanceof CancelledError) return { code: 'cancelled', message: CANCELLED_RUNNING };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /allocation|Array buffer|memory|Invalid string length|Invalid array length/i.test(message)) {
    return {
      code: 'too-large',
      message: {
        en: 'The data is too large for the memory available here. Try a sample of the rows, or fewer columns.',
        vi: 'Dữ liệu quá lớn so với bộ nhớ hiện có. Hãy thử với một phần các dòng, hoặc ít cột hơn.',
      },
    };
  }
  return { code: 'internal', message: { en: `Something went wrong in this node: ${message}`, vi: `Nút này gặp lỗi: ${message}` } };
}
