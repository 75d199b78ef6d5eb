/**
 * A pool of helper threads behind comlink, started on first use and kept for later tasks. The
 * host says how to start one (a Web Worker in the browser, a worker_threads Worker in Node). A
 * helper that does not answer at start is given up and the work runs without it, with the same
 * result; one that stops later makes its pending calls fail with HelperLostError (instead of
 * waiting forever) and is replaced on the next task.
 */
import * as Comlink from 'comlink';
import { HelperLostError, type HelperPort, type Helpers } from '../src/core/contract/helpers';
import type { HelperApi } from './helper-api';

export interface Thread {
  endpoint: Comlink.Endpoint;
  /** Node: keep the process alive while a task uses the thread, and not after. */
  ref?(): void;
  unref?(): void;
  terminate(): void;
  /** Calls `listener` once if the thread dies (error or exit). */
  onLost(listener: () => void): void;
}

interface Started {
  thread: Thread;
  port: HelperPort;
}

/** How long a new helper may take to answer its first call. */
const START_TIMEOUT_MS = 15_000;

export class HelperPool implements Helpers {
  private started: Started[] = [];
  private starting: Promise<void> | null = null;
  private users = 0;
  private broken = false;

  constructor(
    private readonly max: number,
    private readonly spawn: () => Thread,
  ) {}

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
      this.starting ??= this.startOne().finally(() => {
        this.starting = null;
      });
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
    const all = this.started;
    this.started = [];
    for (const h of all) h.thread.terminate();
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
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), START_TIMEOUT_MS);
    });
    const answer = await Promise.race([remote.ping().catch(() => 'failed' as const), late]);
    clearTimeout(timer);
    if (answer !== 'pong') {
      thread.terminate();
      this.broken = true;
      return;
    }
    thread.unref?.();
    // Every call races the thread's death, so a lost helper fails the task instead of hanging it.
    let lost = false;
    const died = new Promise<never>((_, reject) => {
      thread.onLost(() => {
        lost = true;
        this.started = this.started.filter((h) => h.thread !== thread);
        reject(new HelperLostError());
      });
    });
    died.catch(() => {});
    const guard = <T>(call: () => Promise<T>): Promise<T> => (lost ? Promise.reject(new HelperLostError()) : Promise.race([call(), died]));
    const port: HelperPort = {
      call: <R>(kernel: string, payload: unknown, transfer: Transferable[] = []) =>
        guard(() => remote.call(kernel, transfer.length ? Comlink.transfer(payload, transfer) : payload) as Promise<R>),
    };
    this.started.push({ thread, port });
  }
}
