/**
 * A pool of helper threads behind comlink, started on first use and kept for later tasks. The
 * host says how to start one (a Web Worker in the browser, a worker_threads Worker in Node). A
 * helper that does not answer at start is given up and the work runs without it, with the same
 * result.
 */
import * as Comlink from 'comlink';
import type { HelperPort, Helpers } from '../src/core/helpers';
import type { HelperApi } from './helper-api';

export interface Thread {
  endpoint: Comlink.Endpoint;
  /** Node: keep the process alive while a task uses the thread, and not after. */
  ref?(): void;
  unref?(): void;
  terminate(): void;
}

interface Started { thread: Thread; port: HelperPort }

/** How long a new helper may take to answer its first call. */
const START_TIMEOUT_MS = 15_000;

export class HelperPool implements Helpers {
  private started: Started[] = [];
  private starting: Promise<void> | null = null;
  private users = 0;
  private broken = false;

  constructor(private readonly max: number, private readonly spawn: () => Thread) {}

  get size(): number {
    return this.broken ? 0 : this.max;
  }

  /** Helper threads running now. */
  get running(): number {
    return this.started.length;
  }

  async acquire(max: number): Promise<{ ports: HelperPort[]; release(): void }> {
    const want = Math.min(max, this.size);
    while (this.started.length < want && !this.broken) {
      this.starting ??= this.startOne().finally(() => { this.starting = null; });
      await this.starting;
    }
    const used = this.started.slice(0, want);
    this.users++;
    for (const h of used) h.thread.ref?.();
    let released = false;
    return {
      ports: used.map((h) => h.port),
      release: () => {
        if (released) return;
        released = true;
        if (--this.users === 0) for (const h of this.started) h.thread.unref?.();
      },
    };
  }

  warm(): void {
    if (this.started.length < this.size) void this.acquire(this.size).then((lease) => lease.release());
  }

  /** Stops every helper thread. */
  terminate(): void {
    for (const h of this.started) h.thread.terminate();
    this.started = [];
  }

  private async startOne(): Promise<void> {
    let thread: Thread;
    try {
      thread = this.spawn();
    } catch {
      this.broken = true;
      return;
    }
    const remote = Comlink.wrap<HelperApi>(thread.endpoint);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), START_TIMEOUT_MS); });
    const answer = await Promise.race([remote.ping().catch(() => 'failed' as const), late]);
    clearTimeout(timer);
    if (answer !== 'pong') {
      thread.terminate();
      this.broken = true;
      return;
    }
    thread.unref?.();
    const port: HelperPort = {
      kmeansOpen: (id, data, rows, d, k, generic) => remote.kmeansOpen(id, Comlink.transfer(data, [data.buffer as ArrayBuffer]), rows, d, k, generic),
      kmeansCall: (id, method, args) => remote.kmeansCall(id, method, args),
      kmeansClose: (id) => remote.kmeansClose(id),
    };
    this.started.push({ thread, port });
  }
}
