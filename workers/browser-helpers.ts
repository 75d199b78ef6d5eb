/// <reference lib="webworker" />
/** Helper threads for the browser: Web Workers started by the engine's worker (one per spare core, at most 7). */
import { HelperPool } from './helper-pool';

export const browserHelpers = new HelperPool(Math.max(0, Math.min(7, (self.navigator?.hardwareConcurrency || 2) - 1)), () => {
  const worker = new Worker(new URL('./helper.ts', import.meta.url), { type: 'module', name: 'audience-flow-helper' });
  let lost: (() => void) | null = null;
  const fail = () => {
    lost?.();
    lost = null;
  };
  worker.addEventListener('error', fail);
  return {
    endpoint: worker,
    // A terminated Web Worker fires no event: terminating counts as losing it.
    terminate: () => {
      worker.terminate();
      fail();
    },
    onLost: (listener) => {
      lost = listener;
    },
  };
});
