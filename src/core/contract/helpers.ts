/**
 * Helper threads for numeric work that splits by rows (k-means today; any algorithm that cuts its
 * rows into shards). The core only sees this interface; the host provides it: Web Workers started
 * by the engine's worker in the browser, `worker_threads` in Node (CLI, tests, benchmarks).
 * Without helpers the same code runs in one thread and gives the same results.
 *
 * The contract is generic: a helper runs named *kernels* (plain functions registered in
 * workers/helper-api.ts) on a payload of numbers and typed arrays. An algorithm that wants helpers
 * ships a `KernelSet` next to its code and adds it to that registry; nothing else changes.
 */

/** One helper thread, as seen from the thread that coordinates the work. */
export interface HelperPort {
  /**
   * Runs `kernel` in the helper on `payload` (structured-cloned). The buffers in `transfer` move to
   * the helper instead of being copied (they are unusable here afterwards). Resolves with the
   * kernel's answer.
   */
  call<R = unknown>(kernel: string, payload: unknown, transfer?: Transferable[]): Promise<R>;
}

/** An answer whose buffers are moved back to the caller instead of copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly buffers: Transferable[],
  ) {}
}

/** Marks a kernel's answer so that `buffers` are transferred, not copied (they must not be views of state the kernel keeps). */
export function transferring<T>(value: T, buffers: Transferable[]): Transfer<T> {
  return new Transfer(value, buffers);
}

/**
 * A function a helper runs by name. Its payload and answer hold only numbers, strings, plain
 * objects and typed arrays. A kernel may keep state between calls (k-means keeps its shard of
 * rows), keyed by an id in the payload.
 */
export type Kernel = (payload: never) => unknown;

/** The kernels of one algorithm, with what they hold now (for diagnostics). */
export interface KernelSet {
  kernels: Record<string, Kernel>;
  stats?(): Record<string, number>;
}

/** A helper thread stopped (crashed, ran out of memory, was terminated) in the middle of a task. */
export class HelperLostError extends Error {
  constructor() {
    super('A helper thread stopped in the middle of the work.');
    this.name = 'HelperLostError';
  }
}

export interface Helpers {
  /** How many helper threads this host can give (0 when it has none). */
  readonly size: number;
  /** Starts the helpers in the background, so that they are ready when work comes. */
  warm?(): void;
  /** Up to `max` helpers, started on first use and kept; call `release` when the task ends. */
  acquire(max: number): Promise<{ ports: HelperPort[]; release(): void }>;
}

/**
 * A zeroed Float64Array in memory that helper threads can read in place (a SharedArrayBuffer)
 * where the host allows it (Node; a cross-origin-isolated page), else an ordinary one. Rows sent
 * to helpers from shared memory are viewed, not copied.
 */
export function shareableFloat64(length: number): Float64Array {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (typeof SharedArrayBuffer === 'function' && isolated !== false) {
    try {
      return new Float64Array(new SharedArrayBuffer(length * 8));
    } catch {
      // Too large for shared memory here: fall back to an ordinary buffer.
    }
  }
  return new Float64Array(length);
}
