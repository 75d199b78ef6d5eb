/**
 * The page's handle on the executor worker. Tables arrive as transferred Arrow IPC buffers. If the
 * worker stops answering a cancel, or crashes, it is replaced; the canvas is never touched.
 */
import * as Comlink from 'comlink';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { WorkerApi } from '../../workers/worker';
import type { EngineEvent, RunResult } from '../../workers/engine';
import type { PreviewResult } from '../../workers/preview';
import type { ColumnSummary } from '../../workers/summary';
import type { JsonValue } from '../core/contract/node';
import type { ExportFormat } from '../core/io/write';

type Listener = () => void;
/** Which results a table request reads: the last run's, or the preview's (see workers/preview.ts). */
export type From = 'run' | 'preview';

const CRASHED = {
  en: 'The engine stopped during the run (often because the data did not fit in memory) and was restarted. Run again, or try a sample of the rows.',
  vi: 'Bộ máy xử lý bị dừng trong lúc chạy (thường do dữ liệu không vừa bộ nhớ) và đã được khởi động lại. Hãy chạy lại, hoặc thử với một phần các dòng.',
};

class EngineClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<WorkerApi> | null = null;
  private pending: ((r: RunResult) => void) | null = null;
  private restartListeners: Listener[] = [];

  private ensure(): Comlink.Remote<WorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('../../workers/worker.ts', import.meta.url), { type: 'module', name: 'audience-flow-engine' });
      this.worker.addEventListener('error', () => this.restart(true));
      this.worker.addEventListener('messageerror', () => this.restart(true));
      this.api = Comlink.wrap<WorkerApi>(this.worker);
    }
    return this.api;
  }

  /** Called when the worker had to be restarted (its cache is gone). */
  onRestart(listener: Listener): void {
    this.restartListeners.push(listener);
  }

  /** Replaces the worker; the pending run ends as crashed (the worker failed) or cancelled (it did not stop in time). */
  private restart(crashed: boolean): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    const pending = this.pending;
    this.pending = null;
    pending?.({ ok: false, cancelled: true, nodes: [], issues: crashed ? [{ code: 'crashed', message: CRASHED }] : [] });
    this.restartListeners.forEach((l) => l());
  }

  run(workflowJson: string, onEvent: (e: EngineEvent) => void, targets?: string[]): Promise<RunResult> {
    const api = this.ensure();
    return new Promise<RunResult>((resolve, reject) => {
      this.pending = resolve;
      api.run(workflowJson, Comlink.proxy(onEvent), targets).then(
        (r) => {
          if (this.pending === resolve) {
            this.pending = null;
            resolve(r);
          }
        },
        (e) => {
          if (this.pending === resolve) {
            this.pending = null;
            reject(e);
          }
        },
      );
    });
  }

  /** Asks the worker to stop; if it has not stopped within 3 s, it is replaced. */
  async cancel(): Promise<void> {
    if (!this.api || !this.pending) return;
    const pending = this.pending;
    void this.api.cancel();
    await new Promise((r) => setTimeout(r, 3000));
    if (this.pending === pending) this.restart(false);
  }

  /**
   * Test hook (only reachable from the `?debug` page): kills the worker as a crash would, and goes
   * through the same recovery — the pending run ends, listeners hear "restarted", the canvas stays.
   */
  crashForTest(): void {
    if (!this.worker) this.ensure();
    this.worker!.terminate();
    this.restart(true);
  }

  /** Whether a table output can be fetched: ready, evicted from the worker's cache (run again), or none. */
  tableStatus(nodeId: string, port: string): Promise<'ready' | 'evicted' | 'none'> {
    return this.ensure().tableStatus(nodeId, port);
  }

  async table(nodeId: string, port: string): Promise<Table | null> {
    const bytes = await this.ensure().table(nodeId, port);
    return bytes ? tableFromIPC(bytes) : null;
  }

  /** The first rows of a table output (a small sample, sliced in the worker). */
  async head(nodeId: string, port: string, rows: number, from: From = 'run'): Promise<Table | null> {
    const bytes = await this.ensure().head(nodeId, port, rows, from);
    return bytes ? tableFromIPC(bytes) : null;
  }

  /** Rows [offset, offset + count) of a table output (sliced in the worker), with its row count. */
  async page(
    nodeId: string,
    port: string,
    offset: number,
    count: number,
    from: From = 'run',
  ): Promise<{ rows: Table; total: number } | null> {
    const answer = await this.ensure().page(nodeId, port, offset, count, from);
    return answer ? { rows: tableFromIPC(answer.bytes), total: answer.total } : null;
  }

  /**
   * Column summaries computed in the worker, each sent to `onColumn` as it is ready; resolves
   * when all are done (or a newer request replaced this one).
   */
  summaries(
    nodeId: string,
    port: string,
    onColumn: (index: number, summary: ColumnSummary) => void,
    from: From = 'run',
  ): Promise<number | null> {
    return this.ensure().summaries(nodeId, port, Comlink.proxy(onColumn), from);
  }

  /**
   * Before a run: the worker runs the nodes after each loaded file on the file's first rows
   * (except `known` ones, which have results of a run) and says each output's columns. Null when
   * a run is going on or a newer preview replaced this one.
   */
  preview(workflowJson: string, known: string[]): Promise<PreviewResult | null> {
    if (this.pending) return Promise.resolve(null);
    return this.ensure().preview(workflowJson, known);
  }

  summary(nodeId: string, port: string): Promise<ColumnSummary[] | null> {
    return this.ensure().summary(nodeId, port);
  }

  /** The bytes of an export.file node's table in a file format (see nodes/export.file.ts). */
  exportFile(nodeId: string, format: ExportFormat, name?: string): Promise<{ bytes: Uint8Array; name: string; mime: string } | null> {
    return this.ensure().exportFile(nodeId, format, name);
  }

  value(nodeId: string, port: string): Promise<JsonValue | null> {
    return this.ensure().value(nodeId, port) as Promise<JsonValue | null>;
  }
}

export const engineClient = new EngineClient();
