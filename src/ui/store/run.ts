/** Run slice: per-node status, progress and outputs of the last run, and the Run / Cancel actions. */
import type { StateCreator } from 'zustand';
import type { ErrorCode } from '../../core/contract/errors';
import type { GraphIssue } from '../../core/flow/validate';
import type { Text } from '../../core/contract/i18n';
import type { EngineEvent, OutputInfo } from '../../../workers/engine';
import { engineClient } from '../worker-client';
import type { AppState } from './index';

export type NodeState = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'skipped' | 'stale' | 'cancelled';

export interface NodeStatus {
  state: NodeState;
  fraction?: number;
  message?: Text;
  rows?: number | null;
  ms?: number;
  cached?: boolean;
  error?: Text;
  /** Why the node has no outputs (error, skipped, cancelled): what the interface decides on. */
  code?: ErrorCode;
  warnings?: Text[];
  infos?: Text[];
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
    for (const n of workflow.nodes)
      status[n.id] = { ...status[n.id], state: 'queued', fraction: undefined, message: undefined, error: undefined };
    set({ running: true, status, issues: [] });
    try {
      const result = await engineClient.run(JSON.stringify(workflow), (e) => get().handleEvent(e), targets);
      const next = { ...get().status };
      for (const r of result.nodes) {
        if (r.status === 'invalid') next[r.id] = { ...next[r.id], state: 'error', error: r.message, code: r.code };
        if (r.status === 'cancelled') next[r.id] = { ...next[r.id], state: 'cancelled', fraction: undefined, code: 'cancelled' };
      }
      // A run that ended without a word on some node (the worker crashed, or was replaced after a
      // cancel) leaves no node "running": it was cancelled, and a crash marks the waiting ones too.
      const crashed = result.issues.some((i) => i.code === 'crashed');
      for (const id of Object.keys(next)) {
        const state = next[id].state;
        if (state === 'running' || (crashed && state === 'queued'))
          next[id] = { ...next[id], state: 'cancelled', fraction: undefined, code: crashed ? 'crashed' : 'cancelled' };
        else if (state === 'queued') next[id] = { ...next[id], state: 'idle' };
      }
      set({ status: next, issues: result.issues.filter((i) => !i.node || i.code === 'cycle') });
    } catch (error) {
      const message = { en: `The run stopped: ${(error as Error).message}`, vi: `Lần chạy bị dừng: ${(error as Error).message}` };
      set({
        issues: [{ code: 'crashed', message }],
        status: Object.fromEntries(
          Object.entries(get().status).map(([k, v]) => [
            k,
            v.state === 'queued' || v.state === 'running'
              ? { ...v, state: 'cancelled' as const, code: 'crashed' as const, fraction: undefined }
              : v,
          ]),
        ),
      });
    } finally {
      set({ running: false, runCount: get().runCount + 1 });
    }
  },

  cancel: async () => {
    await engineClient.cancel();
  },

  handleEvent: (e) => {
    set({ status: { ...get().status, [e.node]: applyEvent(get().status[e.node], e) } });
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

/** A node's status after an engine event. Decided by the event's type and code, never by its wording. */
export function applyEvent(prev: NodeStatus | undefined, e: EngineEvent): NodeStatus {
  const was = prev ?? { state: 'idle' as const };
  switch (e.type) {
    case 'start':
      return { ...was, state: 'running', fraction: 0, message: undefined, error: undefined, code: undefined, warnings: [], infos: [] };
    case 'progress':
      return { ...was, state: 'running', fraction: e.fraction, message: e.message };
    case 'done':
      return { state: 'done', rows: e.rows, ms: e.ms, cached: e.cached, outputs: e.outputs, warnings: e.warnings, infos: e.infos ?? [] };
    case 'error':
      return { ...was, state: e.code === 'cancelled' ? 'cancelled' : 'error', error: e.message, code: e.code, fraction: undefined };
    case 'skipped':
      return { ...was, state: 'skipped', error: e.message, code: e.code, fraction: undefined };
    // A cancelled node keeps no error text: cancelling is not a failure.
    case 'cancelled':
      return { ...was, state: 'cancelled', error: undefined, code: 'cancelled', fraction: undefined, message: undefined };
  }
}
