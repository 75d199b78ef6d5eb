/**
 * What a helper thread offers (behind comlink): named kernels from the registry below. The same
 * object serves the browser helper (a Web Worker) and the Node helper (worker_threads).
 * An algorithm that splits work over helpers adds its `KernelSet` to `KERNEL_SETS`; the contract
 * between threads (`call(kernel, payload, transfer)`) does not change.
 */
import * as Comlink from 'comlink';
import { Transfer, type Kernel, type KernelSet } from '../src/core/contract/helpers';
import { KMEANS_KERNELS } from '../src/core/ml/kmeans/shard';
import { NMF_KERNELS } from '../src/core/ml/nmf';
import { MODEL_KERNELS } from '../src/core/ml/model/parallel';

/** Every kernel set a helper can run. */
const KERNEL_SETS: KernelSet[] = [KMEANS_KERNELS, MODEL_KERNELS, NMF_KERNELS];

const kernels = new Map<string, Kernel>();
for (const set of KERNEL_SETS) {
  for (const [name, kernel] of Object.entries(set.kernels)) {
    if (kernels.has(name)) throw new Error(`Two helper kernels are named "${name}".`);
    kernels.set(name, kernel);
  }
}

export const helperApi = {
  ping: () => 'pong' as const,

  /** Runs kernel `name` on `payload`; buffers the kernel marks with `transferring` move back to the caller. */
  async call(name: string, payload: unknown): Promise<unknown> {
    const kernel = kernels.get(name);
    if (!kernel) throw new Error(`This helper has no kernel named "${name}".`);
    const answer = await kernel(payload as never);
    return answer instanceof Transfer ? Comlink.transfer(answer.value, answer.buffers) : answer;
  },

  /** What the kernels hold and have done (k-means: shards opened since the helper started, and open now). */
  stats(): Record<string, number> {
    return Object.assign({}, ...KERNEL_SETS.map((set) => set.stats?.() ?? {}));
  },
};

export type HelperApi = typeof helperApi;
