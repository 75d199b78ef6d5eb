/** The run slice decides a node's state from event types and codes, never from message wording. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { EngineEvent } from '../../../workers/engine';
import { applyEvent, createRunSlice, type RunSlice } from '../../../src/ui/store/run';
import { engineClient } from '../../../src/ui/worker-client';
import type { AppState } from '../../../src/ui/store';

const text = (en: string) => ({ en, vi: `vi: ${en}` });

describe('applyEvent', () => {
  it('a cancelled event makes the node "cancelled" without an error, whatever the message says', () => {
    const running = applyEvent(undefined, { type: 'start', node: 'a' });
    const next = applyEvent(running, { type: 'cancelled', node: 'a', code: 'cancelled', started: true, message: text('Stopped.') });
    expect(next).toMatchObject({ state: 'cancelled', code: 'cancelled', error: undefined, fraction: undefined });
    const waiting = applyEvent(
      { state: 'queued' },
      { type: 'cancelled', node: 'b', code: 'cancelled', started: false, message: text('Not run.') },
    );
    expect(waiting.state).toBe('cancelled');
  });

  it('an error is an error even when its text reads "Cancelled." — the code decides', () => {
    const next = applyEvent({ state: 'running' }, { type: 'error', node: 'a', code: 'bad-input', message: text('Cancelled.') });
    expect(next).toMatchObject({ state: 'error', code: 'bad-input', error: text('Cancelled.') });
    const cancelled = applyEvent({ state: 'running' }, { type: 'error', node: 'a', code: 'cancelled', message: text('anything') });
    expect(cancelled.state).toBe('cancelled');
  });

  it('skipped carries its code; a new start clears the old code and error', () => {
    const skipped = applyEvent({ state: 'queued' }, { type: 'skipped', node: 'a', code: 'upstream-failed', message: text('Not run.') });
    expect(skipped).toMatchObject({ state: 'skipped', code: 'upstream-failed' });
    const again = applyEvent(skipped, { type: 'start', node: 'a' });
    expect(again).toMatchObject({ state: 'running', code: undefined, error: undefined });
  });
});

describe('run slice', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const store = () =>
    createStore<RunSlice & { toWorkflow: () => unknown; edges: unknown[] }>()(
      (set, get, api) =>
        ({
          ...createRunSlice(set as never, get as never, api as never),
          edges: [],
          toWorkflow: () => ({
            schema: 'audience-flow/workflow@2',
            name: 'w',
            notes: [],
            nodes: [
              { id: 'a', type: 't', params: {}, position: [0, 0] },
              { id: 'b', type: 't', params: {}, position: [0, 0] },
            ],
            edges: [],
          }),
        }) as unknown as AppState,
    );

  it('reads the engine events of a cancelled run by code', async () => {
    vi.spyOn(engineClient, 'run').mockImplementation(async (_w, onEvent) => {
      const events: EngineEvent[] = [
        { type: 'start', node: 'a' },
        { type: 'cancelled', node: 'a', code: 'cancelled', started: true, message: text('Cancelled while running.') },
        { type: 'cancelled', node: 'b', code: 'cancelled', started: false, message: text('Not run: the run was cancelled.') },
      ];
      events.forEach(onEvent);
      return {
        ok: false,
        cancelled: true,
        issues: [],
        nodes: [
          { id: 'a', type: 't', status: 'cancelled', ms: 0, rows: null, cached: false, code: 'cancelled' },
          { id: 'b', type: 't', status: 'cancelled', ms: 0, rows: null, cached: false, code: 'cancelled' },
        ],
      };
    });
    const s = store();
    await s.getState().run();
    expect(s.getState().status.a).toMatchObject({ state: 'cancelled', code: 'cancelled' });
    expect(s.getState().status.b).toMatchObject({ state: 'cancelled', code: 'cancelled' });
  });

  it('a run that crashes is reported with the code "crashed", and unfinished nodes are marked', async () => {
    vi.spyOn(engineClient, 'run').mockImplementation(async (_w, onEvent) => {
      onEvent({ type: 'start', node: 'a' });
      throw new Error('worker terminated');
    });
    const s = store();
    await s.getState().run();
    expect(s.getState().issues).toEqual([
      { code: 'crashed', message: { en: 'The run stopped: worker terminated', vi: 'Lần chạy bị dừng: worker terminated' } },
    ]);
    expect(s.getState().status.a).toMatchObject({ state: 'cancelled', code: 'crashed' });
    expect(s.getState().running).toBe(false);
  });

  it('a worker that crashed mid-run (the run ends with a "crashed" issue and no node reports) leaves no node running', async () => {
    vi.spyOn(engineClient, 'run').mockImplementation(async (_w, onEvent) => {
      onEvent({ type: 'start', node: 'a' });
      return { ok: false, cancelled: true, nodes: [], issues: [{ code: 'crashed', message: text('The engine stopped.') }] };
    });
    const s = store();
    await s.getState().run();
    expect(s.getState().status.a).toMatchObject({ state: 'cancelled', code: 'crashed' });
    expect(s.getState().status.b).toMatchObject({ state: 'cancelled', code: 'crashed' });
    expect(s.getState().issues.map((i) => i.code)).toEqual(['crashed']);
  });

  it('a worker replaced after an unanswered cancel: the running node is cancelled, the waiting ones go back to idle', async () => {
    vi.spyOn(engineClient, 'run').mockImplementation(async (_w, onEvent) => {
      onEvent({ type: 'start', node: 'a' });
      return { ok: false, cancelled: true, nodes: [], issues: [] };
    });
    const s = store();
    await s.getState().run();
    expect(s.getState().status.a).toMatchObject({ state: 'cancelled', code: 'cancelled' });
    expect(s.getState().status.b.state).toBe('idle');
  });
});
