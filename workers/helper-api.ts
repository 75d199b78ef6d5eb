/**
 * What a helper thread offers (behind comlink): k-means shards over the rows it was given.
 * The same object serves the browser helper (a Web Worker) and the Node helper (worker_threads).
 */
import * as Comlink from 'comlink';
import { KMeansShard, type ShardMethod } from '../src/core/kmeans-shard';

const shards = new Map<number, KMeansShard>();
/** Shards this helper has held since it started (diagnostics). */
let opened = 0;

export const helperApi = {
  ping: () => 'pong' as const,

  kmeansOpen(id: number, data: Float64Array, rows: number, d: number, k: number, generic: boolean): void {
    shards.set(id, new KMeansShard(data, rows, d, k, generic));
    opened++;
  },

  kmeansCall(id: number, method: ShardMethod, args: unknown[]): Float64Array | Int32Array {
    const shard = shards.get(id);
    if (!shard) throw new Error(`k-means shard ${id} is not open in this helper`);
    const out = (shard[method] as (...a: unknown[]) => Float64Array | Int32Array)(...args);
    return Comlink.transfer(out, [out.buffer as ArrayBuffer]);
  },

  kmeansClose(id: number): void {
    shards.delete(id);
  },

  /** What this helper has done: shards opened since it started, and held now. */
  stats(): { opened: number; open: number } {
    return { opened, open: shards.size };
  },
};

export type HelperApi = typeof helperApi;
