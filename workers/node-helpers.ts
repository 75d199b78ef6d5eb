/** Helper threads for Node (CLI, tests, benchmarks): worker_threads running workers/helper-node.ts. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { HelperPool } from './helper-pool';

/** A pool of up to `size` helpers (default: one per core beyond this one). */
export function nodeHelpers(size = Math.max(0, availableParallelism() - 1)): HelperPool {
  return new HelperPool(size, () => {
    const worker = new Worker(new URL('./helper-node.mjs', import.meta.url));
    return {
      endpoint: nodeEndpoint(worker),
      ref: () => worker.ref(),
      unref: () => worker.unref(),
      terminate: () => void worker.terminate(),
      onLost: (listener) => {
        worker.once('error', listener);
        worker.once('exit', listener);
      },
    };
  });
}
