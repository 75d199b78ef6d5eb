/// <reference lib="webworker" />
/**
 * The Web Worker entry: the executor behind comlink. Tables go to the page as Arrow IPC buffers,
 * always transferred (never structured-cloned, never as row objects).
 */
import * as Comlink from 'comlink';
import { tableToIPC } from 'apache-arrow';
import { getNode } from '../nodes/index';
import { exportBytes, type ExportFormat } from '../src/core/io/write';
import { parseWorkflow } from '../src/core/flow/workflow';
import type { JsonValue } from '../src/core/contract/node';
import { isTable } from '../src/core/table/table';
import { browserFiles } from './browser-files';
import { browserHelpers } from './browser-helpers';
import { Engine, type EngineEvent, type RunResult } from './engine';
import { PreviewEngine, previewTargets, type PreviewResult } from './preview';
import { summarize, summarizeColumn, type ColumnSummary } from './summary';

// The cache budget defaults to a quarter of this worker's memory (see workers/cache.ts).
const engine = new Engine(getNode, browserFiles, { helpers: browserHelpers });
let controller: AbortController | null = null;
/** The preview of a flow before its first run: the nodes after a loaded file, on its first rows. */
const preview = new PreviewEngine(getNode, browserFiles);
let previewController: AbortController | null = null;
/** Which engine a table request reads: the last run's results, or the preview's. */
type From = 'run' | 'preview';
const tableOf = (nodeId: string, port: string, from: From) =>
  from === 'preview' ? preview.table(nodeId, port) : engine.table(nodeId, port);
/** The latest `summaries` request: an older one stops at its next column. */
let summaryRequest = 0;

/** Lets the worker answer the messages that arrived meanwhile (page requests while summarizing). */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const api = {
  ping: () => 'pong' as const,

  /** Runs a workflow (as JSON), streaming events to `onEvent`. */
  async run(workflowJson: string, onEvent: (event: EngineEvent) => void, targets?: string[]): Promise<RunResult> {
    const parsed = parseWorkflow(workflowJson);
    if (!parsed.ok) {
      return { ok: false, cancelled: false, nodes: [], issues: [{ code: 'parse', message: { en: parsed.message, vi: parsed.message } }] };
    }
    controller?.abort();
    // A run goes first: a preview still running stops.
    previewController?.abort();
    controller = new AbortController();
    try {
      return await engine.run(parsed.workflow, { onEvent: (e) => onEvent(e), signal: controller.signal, targets });
    } finally {
      controller = null;
    }
  },

  /**
   * Previews the flow (as JSON) before it is run: the nodes after a load node that names a file,
   * except `known` ones (they have results of a run), run on the file's first rows. Says, per
   * node, the columns of each output (or why there are none). A newer preview stops an older one;
   * null while a run is going on (the run's results will answer).
   */
  async preview(workflowJson: string, known: string[] = []): Promise<PreviewResult | null> {
    if (controller) return null;
    const parsed = parseWorkflow(workflowJson);
    if (!parsed.ok) return null;
    previewController?.abort();
    const mine = new AbortController();
    previewController = mine;
    try {
      const result = await preview.run(parsed.workflow, previewTargets(parsed.workflow, getNode, new Set(known)), mine.signal);
      return mine.signal.aborted ? null : result;
    } finally {
      if (previewController === mine) previewController = null;
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
  head(nodeId: string, port: string, rows: number, from: From = 'run'): Uint8Array | null {
    const table = tableOf(nodeId, port, from);
    if (!table) return null;
    const bytes = tableToIPC(table.slice(0, Math.max(0, rows)), 'stream');
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  /**
   * Rows [offset, offset + count) of a table output as Arrow IPC (transferred), with the table's
   * row count; null when there is none. The data panel shows a table page by page.
   */
  page(nodeId: string, port: string, offset: number, count: number, from: From = 'run'): { bytes: Uint8Array; total: number } | null {
    const table = tableOf(nodeId, port, from);
    if (!table) return null;
    const start = Math.max(0, Math.min(table.numRows, Math.floor(offset)));
    const bytes = tableToIPC(table.slice(start, Math.min(table.numRows, start + Math.max(0, Math.floor(count)))), 'stream');
    return Comlink.transfer({ bytes, total: table.numRows }, [bytes.buffer as ArrayBuffer]);
  },

  /**
   * Summarizes a table output column by column, sending each summary to `onColumn` as soon as it
   * is ready and answering other requests between columns. A newer request stops an older one.
   * Resolves to the number of columns summarized (null when there is no such table).
   */
  async summaries(
    nodeId: string,
    port: string,
    onColumn: (index: number, summary: ColumnSummary) => void,
    from: From = 'run',
  ): Promise<number | null> {
    const request = ++summaryRequest;
    try {
      const table = tableOf(nodeId, port, from);
      if (!table) return null;
      for (let c = 0; c < table.numCols; c++) {
        await breathe();
        if (request !== summaryRequest) return c;
        void onColumn(c, summarizeColumn(table, c));
      }
      return table.numCols;
    } finally {
      // The callback is a proxy of the page's function: free its channel.
      (onColumn as unknown as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.();
    }
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
