/// <reference lib="webworker" />
/**
 * The Web Worker entry: the executor behind comlink. Tables go to the page as Arrow IPC buffers,
 * always transferred (never structured-cloned, never as row objects).
 */
import * as Comlink from 'comlink';
import { tableToIPC } from 'apache-arrow';
import { getNode } from '../nodes/index';
import { exportBytes, type ExportFormat } from '../src/core/write';
import { parseWorkflow } from '../src/core/workflow';
import type { JsonValue } from '../src/core/node';
import { isTable } from '../src/core/table';
import { browserFiles } from './browser-files';
import { browserHelpers } from './browser-helpers';
import { Engine, type EngineEvent, type RunResult } from './engine';
import { summarize, type ColumnSummary } from './summary';

// The cache budget defaults to a quarter of this worker's memory (see workers/cache.ts).
const engine = new Engine(getNode, browserFiles, { helpers: browserHelpers });
let controller: AbortController | null = null;

const api = {
  ping: () => 'pong' as const,

  /** Runs a workflow (as JSON), streaming events to `onEvent`. */
  async run(workflowJson: string, onEvent: (event: EngineEvent) => void, targets?: string[]): Promise<RunResult> {
    const parsed = parseWorkflow(workflowJson);
    if (!parsed.ok) {
      return { ok: false, cancelled: false, nodes: [], issues: [{ code: 'parse', message: { en: parsed.message, vi: parsed.message } }] };
    }
    controller?.abort();
    controller = new AbortController();
    try {
      return await engine.run(parsed.workflow, { onEvent: (e) => onEvent(e), signal: controller.signal, targets });
    } finally {
      controller = null;
    }
  },

  cancel(): void {
    controller?.abort();
  },

  /** Whether a table output can be shown: ready, evicted from the cache (run again), or none. */
  tableStatus(nodeId: string, port: string): 'ready' | 'evicted' | 'none' {
    return engine.lookup(nodeId, port).status;
  },

  /** A table output as an Arrow IPC stream, transferred to the page; null when there is none. */
  table(nodeId: string, port: string): Uint8Array | null {
    const table = engine.table(nodeId, port);
    if (!table) return null;
    const bytes = tableToIPC(table, 'stream');
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  /** The first `rows` rows of a table output as Arrow IPC (trainer mode's before/after sample). */
  head(nodeId: string, port: string, rows: number): Uint8Array | null {
    const table = engine.table(nodeId, port);
    if (!table) return null;
    const bytes = tableToIPC(table.slice(0, Math.max(0, rows)), 'stream');
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  summary(nodeId: string, port: string): ColumnSummary[] | null {
    const table = engine.table(nodeId, port);
    return table ? summarize(table) : null;
  },

  /** An export.file node's table as file bytes (transferred), with its file name and type; null before it has run. */
  async exportFile(nodeId: string, format: ExportFormat, name?: string): Promise<{ bytes: Uint8Array; name: string; mime: string } | null> {
    const table = engine.table(nodeId, 'out');
    if (!table) return null;
    const file = await exportBytes(table, format, name);
    return Comlink.transfer(file, [file.bytes.buffer as ArrayBuffer]);
  },

  /** A chart or model output (small JSON). */
  value(nodeId: string, port: string): JsonValue | null {
    const value = engine.output(nodeId, port);
    return value && !isTable(value) ? value : null;
  },
};

export type WorkerApi = typeof api;
Comlink.expose(api);
