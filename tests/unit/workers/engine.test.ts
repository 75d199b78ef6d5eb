import { describe, expect, it, beforeEach } from 'vitest';
import type { Table } from 'apache-arrow';
import { Engine, type EngineEvent } from '../../../workers/engine';
import { memoryFiles } from '../../../workers/files';
import type { Workflow } from '../../../src/core/flow/workflow';
import { runs, toyRegistry } from '../../helpers/toy-nodes';

const n = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: [0, 0] as [number, number] });
const chain = (factor = 2, size = 5): Workflow => ({
  schema: 'audience-flow/workflow@2',
  name: 'chain',
  notes: [],
  nodes: [
    n('src', 'test.source', { n: size }),
    n('double', 'test.times', { factor: 2 }),
    n('scale', 'test.times', { factor }),
    n('side', 'test.times', { factor: 10 }),
  ],
  edges: [
    { from: 'src.out', to: 'double.in' },
    { from: 'double.out', to: 'scale.in' },
    { from: 'src.out', to: 'side.in' },
  ],
});

const collect = () => {
  const events: EngineEvent[] = [];
  return { events, onEvent: (e: EngineEvent) => events.push(e), ran: () => events.filter((e) => e.type === 'start').map((e) => e.node) };
};

beforeEach(() => {
  for (const k of Object.keys(runs)) delete runs[k];
});

describe('Engine', () => {
  it('runs nodes in topological order and reports rows and ms', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    const c = collect();
    const result = await engine.run(chain(), { onEvent: c.onEvent });
    expect(result.ok).toBe(true);
    expect(c.ran().indexOf('src')).toBeLessThan(c.ran().indexOf('double'));
    expect(c.ran().indexOf('double')).toBeLessThan(c.ran().indexOf('scale'));
    const scaled = engine.table('scale') as Table;
    expect(Array.from(scaled.getChild('x')!.toArray())).toEqual([0, 4, 8, 12, 16]);
    const done = c.events.find((e) => e.type === 'done' && e.node === 'scale');
    expect(done).toMatchObject({
      rows: 5,
      cached: false,
      outputs: { out: { kind: 'table', rows: 5, columns: [{ name: 'x', kind: 'number' }] } },
    });
  });

  it('re-runs only the changed node and what is downstream', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    await engine.run(chain(2));
    const c = collect();
    const result = await engine.run(chain(3), { onEvent: c.onEvent });
    expect(c.ran()).toEqual(['scale']);
    expect(
      result.nodes
        .filter((r) => r.cached)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['double', 'side', 'src']);
    expect(Array.from(engine.table('scale')!.getChild('x')!.toArray())).toEqual([0, 6, 12, 18, 24]);
    // Changing the source re-runs everything downstream of it.
    const c2 = collect();
    await engine.run(chain(3, 6), { onEvent: c2.onEvent });
    expect(c2.ran().sort()).toEqual(['double', 'scale', 'side', 'src']);
    // Going back to a previous setting is served from the cache.
    const c3 = collect();
    await engine.run(chain(3, 5), { onEvent: c3.onEvent });
    expect(c3.ran()).toEqual([]);
  });

  it('keeps going after a failing node: its branch is skipped, the rest is reported, the engine stays usable', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    const w = chain();
    w.nodes.push(n('bad', 'test.fail'), n('after', 'test.times'));
    w.edges.push({ from: 'double.out', to: 'bad.in' }, { from: 'bad.out', to: 'after.in' });
    const c = collect();
    const result = await engine.run(w, { onEvent: c.onEvent });
    expect(result.ok).toBe(false);
    const byId = Object.fromEntries(result.nodes.map((r) => [r.id, r]));
    expect(byId.bad).toMatchObject({ status: 'error', message: { en: 'The column "age" is not in the table.' } });
    expect(byId.after.status).toBe('skipped');
    // The step is named by its label (here its type's title), in each language, never by its id.
    expect(byId.after.message).toEqual({
      en: 'Not run: the step "Fail" before it failed.',
      vi: 'Chưa chạy: bước "Lỗi" phía trước bị lỗi.',
    });
    expect(byId.scale.status).toBe('done');
    expect(byId.side.status).toBe('done');
    expect(c.events).toContainEqual({
      type: 'error',
      node: 'bad',
      code: 'bad-input',
      message: { en: 'The column "age" is not in the table.', vi: 'Bảng không có cột "age".' },
    });
    const again = await engine.run(chain());
    expect(again.ok).toBe(true);
  });

  it('cancels a running node and reports it; a later run works', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    const w: Workflow = {
      ...chain(),
      nodes: [...chain().nodes, n('spin', 'test.slow'), n('tail', 'test.times')],
      edges: [...chain().edges, { from: 'scale.out', to: 'spin.in' }, { from: 'spin.out', to: 'tail.in' }],
    };
    const controller = new AbortController();
    const c = collect();
    const onEvent = (e: EngineEvent) => {
      c.onEvent(e);
      if (e.type === 'progress' && e.node === 'spin') controller.abort();
    };
    const result = await engine.run(w, { onEvent, signal: controller.signal, progressInterval: 0 });
    expect(result.cancelled).toBe(true);
    expect(result.ok).toBe(false);
    const byId = Object.fromEntries(result.nodes.map((r) => [r.id, r.status]));
    expect(byId).toMatchObject({ spin: 'cancelled', tail: 'cancelled', scale: 'done' });
    expect(c.events.some((e) => e.type === 'progress' && e.node === 'spin' && e.message?.en.startsWith('step'))).toBe(true);
    const again = await engine.run(chain());
    expect(again.ok).toBe(true);
  });

  it('does not run a flow with a cycle and says why', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    const w = chain();
    w.edges.push({ from: 'scale.out', to: 'side.in' });
    w.edges = w.edges.filter((e) => e.from !== 'src.out' || e.to !== 'side.in');
    w.edges.push({ from: 'side.out', to: 'double.in' });
    w.edges = w.edges.filter((e) => e.to !== 'double.in' || e.from === 'side.out');
    const result = await engine.run(w);
    expect(result.ok).toBe(false);
    expect(result.issues.find((i) => i.code === 'cycle')!.message.en).toMatch(/cycle/);
    expect(runs['test.times']).toBeUndefined();
  });

  it('reports invalid params on the node and skips what depends on it', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    const w = chain();
    w.nodes[1].params = { factor: 'two' };
    const result = await engine.run(w);
    const byId = Object.fromEntries(result.nodes.map((r) => [r.id, r]));
    expect(byId.double.status).toBe('invalid');
    expect(byId.double.message!.en).toMatch(/"Factor" must be a number/);
    expect(byId.scale.status).toBe('skipped');
    expect(byId.side.status).toBe('done');
  });

  it('runs only what a target needs', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    const c = collect();
    await engine.run(chain(), { onEvent: c.onEvent, targets: ['double'] });
    expect(c.ran()).toEqual(['src', 'double']);
    const c2 = collect();
    await engine.run(chain(), { onEvent: c2.onEvent });
    expect(c2.ran().sort()).toEqual(['scale', 'side']);
  });

  it('passes JSON (model) outputs along', async () => {
    const engine = new Engine(toyRegistry, memoryFiles({}));
    const w: Workflow = {
      schema: 'audience-flow/workflow@2',
      name: 'j',
      notes: [],
      nodes: [n('src', 'test.source', { n: 3 }), n('j', 'test.join')],
      edges: [{ from: 'src.out', to: 'j.a' }],
    };
    const result = await engine.run(w);
    expect(result.ok).toBe(true);
    expect(engine.output('j', 'model')).toEqual({ kind: 'model', format: 'test.rows', version: 1, rows: 3 });
  });
});
