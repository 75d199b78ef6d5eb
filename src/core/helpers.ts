/**
 * Helper threads for numeric work that splits by rows (k-means). The core only sees this
 * interface; the host provides it: Web Workers started by the engine's worker in the browser,
 * `worker_threads` in Node (CLI, tests, benchmarks). Without helpers the same code runs in one
 * thread and gives the same results.
 */
import type { ShardMethod } from './kmeans-shard';

/** One helper thread, as seen from the thread that coordinates the work. */
export interface HelperPort {
  /** Creates k-means shard `id` over `data` (rows × d), which is transferred, not copied. */
  kmeansOpen(id: number, data: Float64Array, rows: number, d: number, k: number, generic: boolean): Promise<void>;
  /** Calls a method of shard `id`; typed arrays in the answer are transferred. */
  kmeansCall(id: number, method: ShardMethod, args: unknown[]): Promise<Float64Array | Int32Array>;
  /** Forgets shard `id` (frees its memory). */
  kmeansClose(id: number): Promise<void>;
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
