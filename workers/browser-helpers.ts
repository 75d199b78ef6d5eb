/// <reference lib="webworker" />
/** Helper threads for the browser: Web Workers started by the engine's worker (one per spare core, at most 7). */
import { HelperPool } from './helper-pool';

export const browserHelpers = new HelperPool(
  Math.max(0, Math.min(7, (self.navigator?.hardwareConcurrency || 2) - 1)),
  () => {
    const worker = new Worker(new URL('./helper.ts', import.meta.url), { type: 'module', name: 'audience-flow-helper' });
    return { endpoint: worker, terminate: () => worker.terminate() };
  },
);
