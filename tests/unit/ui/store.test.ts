/**
 * The app store's slices, in Node (zustand needs no DOM): graph edits, stale marks and run status,
 * undo, copy/paste, and the UI slice. The engine is the only thing replaced (its client is spied on).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The UI slice touches these two browser globals; minimal stand-ins are enough.
const storage = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
  document: { documentElement: { lang: 'en' } },
});

const { useStore } = await import('../../../src/ui/store');
const { engineClient } = await import('../../../src/ui/worker-client');
const { emptyWorkflow } = await import('../../../src/core/flow/workflow');

const s = () => useStore.getState();

beforeEach(() => {
  s().loadWorkflow(emptyWorkflow());
  useStore.temporal.getState().clear();
});
afterEach(() => vi.restoreAllMocks());

describe('graph slice', () => {
  it('adds nodes with readable unique ids, selects the new one and counts revisions', () => {
    const r0 = s().revision;
    const a = s().addNode('ingest.sample', { x: 0, y: 0 });
    const b = s().addNode('cluster.kmeans', { x: 200, y: 0 });
    const c = s().addNode('cluster.kmeans', { x: 400, y: 0 });
    expect([a, b, c]).toEqual(['sample', 'kmeans', 'kmeans2']);
    expect(s().selected).toBe('kmeans2');
    expect(
      s()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['kmeans2']);
    expect(s().revision).toBe(r0 + 3);
    expect(s().addNode('no.such.type', { x: 0, y: 0 })).toBe('');
    expect(s().nodes).toHaveLength(3);
  });

  it('connects table to table, refuses a second source on the same input by replacing it, and round-trips to a workflow', () => {
    const a = s().addNode('ingest.sample', { x: 0, y: 0 });
    const a2 = s().addNode('ingest.sample', { x: 0, y: 100 }, { seed: 7 });
    const k = s().addNode('cluster.kmeans', { x: 200, y: 0 });
    expect(s().connect({ source: a, sourceHandle: 'out', target: k, targetHandle: 'in' })).toBeNull();
    expect(s().connect({ source: a2, sourceHandle: 'out', target: k, targetHandle: 'in' })).toBeNull();
    expect(s().edges.map((e) => e.source)).toEqual([a2]);
    const w = s().toWorkflow();
    expect(w.nodes.map((n) => n.type)).toEqual(['ingest.sample', 'ingest.sample', 'cluster.kmeans']);
    expect(w.nodes[1].params).toEqual({ seed: 7 });
    expect(w.edges).toHaveLength(1);
  });

  it('refuses to connect a node to itself with a message in both languages', () => {
    const k = s().addNode('clean.select', { x: 0, y: 0 });
    const problem = s().connect({ source: k, sourceHandle: 'out', target: k, targetHandle: 'in' });
    expect(problem?.en).toBeTruthy();
    expect(problem?.vi).toBeTruthy();
    expect(s().edges).toHaveLength(0);
  });

  it('removing a node removes its connections and its selection', () => {
    const a = s().addNode('ingest.sample', { x: 0, y: 0 });
    const k = s().addNode('cluster.kmeans', { x: 200, y: 0 });
    s().connect({ source: a, sourceHandle: 'out', target: k, targetHandle: 'in' });
    s().removeNode(k);
    expect(s().nodes.map((n) => n.id)).toEqual([a]);
    expect(s().edges).toEqual([]);
    expect(s().selected).toBeNull();
  });
});

describe('run slice', () => {
  const chain = () => {
    const a = s().addNode('ingest.sample', { x: 0, y: 0 });
    const b = s().addNode('clean.select', { x: 200, y: 0 });
    const c = s().addNode('view.table', { x: 400, y: 0 });
    s().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' });
    s().connect({ source: b, sourceHandle: 'out', target: c, targetHandle: 'in' });
    return [a, b, c];
  };

  it('follows engine events: start, progress, done (with rows and outputs), error', () => {
    const [a, b] = chain();
    s().handleEvent({ type: 'start', node: a });
    expect(s().status[a]).toMatchObject({ state: 'running', fraction: 0 });
    s().handleEvent({ type: 'progress', node: a, fraction: 0.5, message: { en: 'half', vi: 'một nửa' } });
    expect(s().status[a]).toMatchObject({ state: 'running', fraction: 0.5, message: { en: 'half', vi: 'một nửa' } });
    s().handleEvent({
      type: 'done',
      node: a,
      ms: 12,
      rows: 100,
      cached: false,
      outputs: { out: { kind: 'table', rows: 100, columns: [] } },
      warnings: [],
    });
    expect(s().status[a]).toMatchObject({ state: 'done', rows: 100, ms: 12, cached: false });
    s().handleEvent({ type: 'error', node: b, code: 'bad-input', message: { en: 'Broken.', vi: 'Hỏng.' } });
    expect(s().status[b]).toMatchObject({ state: 'error', error: { en: 'Broken.', vi: 'Hỏng.' } });
    // An error whose text reads like a cancellation is still an error: the slice reads codes, not texts.
    s().handleEvent({ type: 'error', node: b, code: 'bad-input', message: { en: 'Cancelled.', vi: 'Đã huỷ.' } });
    expect(s().status[b].state).toBe('error');
    s().handleEvent({ type: 'cancelled', node: b, code: 'cancelled', started: true, message: { en: 'Cancelled.', vi: 'Đã huỷ.' } });
    expect(s().status[b].state).toBe('cancelled');
  });

  it('editing a node marks it and everything downstream stale, not what is upstream', () => {
    const [a, b, c] = chain();
    for (const id of [a, b, c]) s().handleEvent({ type: 'done', node: id, ms: 1, rows: 1, cached: false, outputs: {}, warnings: [] });
    s().updateParams(b, { columns: ['x'] });
    expect([a, b, c].map((id) => s().status[id].state)).toEqual(['done', 'stale', 'stale']);
    expect(s().toWorkflow().nodes[1].params).toEqual({ columns: ['x'] });
  });

  it('run sends the workflow to the engine, queues every node and settles what the engine did not report', async () => {
    const [a, b, c] = chain();
    let sent = '';
    const spy = vi.spyOn(engineClient, 'run').mockImplementation(async (json, onEvent) => {
      sent = json;
      expect(s().running).toBe(true);
      expect(s().status[c].state).toBe('queued');
      onEvent({ type: 'done', node: a, ms: 1, rows: 5, cached: false, outputs: {}, warnings: [] });
      return { nodes: [{ id: b, status: 'cancelled' }], issues: [] } as never;
    });
    const before = s().runCount;
    await s().run();
    expect(spy).toHaveBeenCalledOnce();
    expect(JSON.parse(sent).nodes.map((n: { id: string }) => n.id)).toEqual([a, b, c]);
    expect([a, b, c].map((id) => s().status[id].state)).toEqual(['done', 'cancelled', 'idle']);
    expect(s().running).toBe(false);
    expect(s().runCount).toBe(before + 1);
  });

  it('a run that fails says so in both languages and cancels what was waiting', async () => {
    const [a] = chain();
    vi.spyOn(engineClient, 'run').mockRejectedValue(new Error('worker crashed'));
    await s().run();
    expect(s().issues[0].message.en).toContain('worker crashed');
    expect(s().issues[0].message.vi).toContain('worker crashed');
    expect(s().status[a].state).toBe('cancelled');
    expect(s().running).toBe(false);
  });
});

describe('edit slice', () => {
  it('undoes and redoes an added node', () => {
    s().addNode('ingest.sample', { x: 0, y: 0 });
    s().addNode('clean.select', { x: 200, y: 0 });
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual(['sample']);
    s().redo();
    expect(s().nodes.map((n) => n.id)).toEqual(['sample', 'select']);
  });

  it('copies the selection and pastes it with new ids and its inner connection', () => {
    const a = s().addNode('ingest.sample', { x: 0, y: 0 });
    const b = s().addNode('clean.select', { x: 200, y: 0 });
    s().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' });
    s().setPositions({});
    useStore.setState({ nodes: s().nodes.map((n) => ({ ...n, selected: true })) });
    const clip = s().copySelection();
    expect(clip).not.toBeNull();
    const pasted = s().paste(clip!);
    expect(pasted).toEqual({ ok: true, count: 2 });
    expect(s().nodes.map((n) => n.id)).toEqual(['sample', 'select', 'sample2', 'select2']);
    expect(
      s()
        .edges.map((e) => `${e.source}→${e.target}`)
        .sort(),
    ).toEqual(['sample2→select2', 'sample→select']);
    const bad = s().paste('{ not json');
    expect(bad.ok).toBe(false);
  });

  it('adds notes and renames nodes', () => {
    const note = s().addNote({ x: 10, y: 10 }, 'Remember the seed');
    expect(s().nodes.find((n) => n.id === note)?.type).toBe('note');
    const k = s().addNode('cluster.kmeans', { x: 0, y: 0 });
    s().renameNode(k, 'Main segments');
    expect(
      s()
        .toWorkflow()
        .nodes.find((n) => n.id === k)?.label,
    ).toBe('Main segments');
  });
});

describe('ui slice', () => {
  it('selecting a node shows its main output', () => {
    s().setPort('segments');
    s().select('kmeans');
    expect(s()).toMatchObject({ selected: 'kmeans', port: 'out' });
  });

  it('remembers the language and sets it on the page', () => {
    s().setLang('vi');
    expect(s().lang).toBe('vi');
    expect(storage.get('audience-flow.lang')).toBe('vi');
    expect((globalThis.document as unknown as { documentElement: { lang: string } }).documentElement.lang).toBe('vi');
    s().setLang('en');
  });

  it('shows a message and hides it after a while (errors longer)', () => {
    vi.useFakeTimers();
    try {
      s().say({ en: 'Saved.', vi: 'Đã lưu.' });
      expect(s().toast).toMatchObject({ kind: 'info', text: { en: 'Saved.' } });
      vi.advanceTimersByTime(3600);
      expect(s().toast).toBeNull();
      s().say({ en: 'Failed.', vi: 'Lỗi.' }, 'error');
      vi.advanceTimersByTime(3600);
      expect(s().toast?.kind).toBe('error');
      vi.advanceTimersByTime(2500);
      expect(s().toast).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
