/** Run slice: per-node status, progress and outputs of the last run, and the Run / Cancel actions. */
import type { StateCreator } from 'zustand';
import type { GraphIssue } from '../../core/validate';
import type { Text } from '../../core/text';
import type { EngineEvent, OutputInfo } from '../../../workers/engine';
import { engineClient } from '../worker-client';
import type { AppState } from './index';

export type NodeState = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'skipped' | 'stale' | 'cancelled';

export interface NodeStatus {
  state: NodeState;
  fraction?: number;
  message?: string;
  rows?: number | null;
  ms?: number;
  cached?: boolean;
  error?: Text;
  warnings?: Text[];
  /** What each output port held after the last successful run (kept when stale, for column pickers). */
  outputs?: Record<string, OutputInfo>;
}

export interface RunSlice {
  status: Record<string, NodeStatus>;
  running: boolean;
  /** Problems of the whole flow (e.g. a cycle) from the last run. */
  issues: GraphIssue[];
  /** Bumped when a run finishes, so views refetch. */
  runCount: number;
  run: (targets?: string[]) => Promise<void>;
  cancel: () => Promise<void>;
  handleEvent: (e: EngineEvent) => void;
  markStale: (id: string) => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  status: {},
  running: false,
  issues: [],
  runCount: 0,

  run: async (targets) => {
    if (get().running) return;
    const workflow = get().toWorkflow();
    const status = { ...get().status };
    for (const n of workflow.nodes) status[n.id] = { ...status[n.id], state: 'queued', fraction: undefined, message: undefined, error: undefined };
    set({ running: true, status, issues: [] });
    try {
      const result = await engineClient.run(JSON.stringify(workflow), (e) => get().handleEvent(e), targets);
      const next = { ...get().status };
      for (const r of result.nodes) {
        if (r.status === 'invalid') next[r.id] = { ...next[r.id], state: 'error', error: r.message };
        if (r.status === 'cancelled') next[r.id] = { ...next[r.id], state: 'cancelled', fraction: undefined };
      }
      for (const id of Object.keys(next)) if (next[id].state === 'queued') next[id] = { ...next[id], state: 'idle' };
      set({ status: next, issues: result.issues.filter((i) => !i.node || i.code === 'cycle') });
    } catch (error) {
      const message = { en: `The run stopped: ${(error as Error).message}`, vi: `Lần chạy bị dừng: ${(error as Error).message}` };
      set({ issues: [{ code: 'unknown-type', message }], status: Object.fromEntries(Object.entries(get().status).map(([k, v]) => [k, v.state === 'queued' || v.state === 'running' ? { ...v, state: 'cancelled' as const } : v])) });
    } finally {
      set({ running: false, runCount: get().runCount + 1 });
    }
  },

  cancel: async () => {
    await engineClient.cancel();
  },

  handleEvent: (e) => {
    const prev = get().status[e.node] ?? { state: 'idle' };
    let next: NodeStatus;
    switch (e.type) {
      case 'start': next = { ...prev, state: 'running', fraction: 0, message: undefined, error: undefined, warnings: [] }; break;
      case 'progress': next = { ...prev, state: 'running', fraction: e.fraction, message: e.message }; break;
      case 'done': next = { state: 'done', rows: e.rows, ms: e.ms, cached: e.cached, outputs: e.outputs, warnings: e.warnings }; break;
      case 'error': next = { ...prev, state: e.message.en === 'Cancelled.' ? 'cancelled' : 'error', error: e.message, fraction: undefined }; break;
      case 'skipped': next = { ...prev, state: 'skipped', error: e.message }; break;
    }
    set({ status: { ...get().status, [e.node]: next } });
  },

  markStale: (id) => {
    const { edges, status } = get();
    const next = { ...status };
    const stack = [id];
    const seen = new Set<string>();
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      if (next[n] && next[n].state !== 'idle') next[n] = { ...next[n], state: 'stale', error: undefined };
      for (const e of edges) if (e.source === n) stack.push(e.target);
    }
    set({ status: next });
  },
});
