/**
 * The executor never shows stale outputs, reports cancellation and failures by code, and keeps
 * its cache within a byte budget (least recently used evicted, then recomputed on the next run).
 */
import { createHash } from 'node:crypto';
import { tableFromArrays, type Table } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { OutputCache, buffersOf, defaultCacheBytes } from '../../../workers/cache';
import { Engine, type EngineEvent } from '../../../workers/engine';
import { memoryFiles } from '../../../workers/files';
import { ERROR_CODES, NodeError } from '../../../src/core/contract/errors';
import { hashValue, sha256Hex, stableStringify } from '../../../src/core/flow/hash';
import { defineNode } from '../../../src/core/contract/node';
import type { Workflow } from '../../../src/core/flow/workflow';
import { port, runs, TOY_NODES } from '../../helpers/toy-nodes';

/** A node that throws what its `throw` param names. */
const thrower = defineNode({
  type: 'test.throw',
  version: 1,
  category: 'clean',
  title: { en: 'Throw', vi: 'Ném' },
  description: { en: 'Throws', vi: 'Ném lỗi' },
  inputs: [port('in')],
  outputs: [port('out')],
  params: z.object({
    throw: z
      .enum(['parse', 'plain', 'memory', 'bad'])
      .default('bad')
      .meta({ label: { en: 'What', vi: 'Gì' } }),
  }),
  async run(_inputs, p) {
    if (p.throw === 'parse')
      throw new NodeError({ en: 'Line 3 of "a.csv" is not CSV.', vi: 'Dòng 3 của "a.csv" không phải CSV.' }, 'parse');
    if (p.throw === 'plain') throw new TypeError('x is undefined');
    if (p.throw === 'memory') throw new RangeError('Array buffer allocation failed');
    throw new NodeError({ en: 'Choose a column.', vi: 'Hãy chọn một cột.' });
  },
});
const registry = (type: string) => [...TOY_NODES, thrower].find((d) => d.type === type);

const n = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: [0, 0] as [number, number] });
const flow = (nodes: ReturnType<typeof n>[], edges: [string, string][]): Workflow => ({
  schema: 'audience-flow/workflow@2',
  name: 'robust',
  notes: [],
  nodes,
  edges: edges.map(([a, b]) => ({ from: `${a}.out`, to: `${b}.in` })),
});
const chain = (size = 5, mid = n('mid', 'test.times', { factor: 2 })) =>
  flow(
    [n('src', 'test.source', { n: size }), mid, n('tail', 'test.times', { factor: 3 })],
    [
      ['src', 'mid'],
      ['mid', 'tail'],
    ],
  );
const collect = () => {
  const events: EngineEvent[] = [];
  return { events, onEvent: (e: EngineEvent) => events.push(e) };
};

beforeEach(() => {
  for (const k of Object.keys(runs)) delete runs[k];
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('no stale outputs', () => {
  it('a node that becomes invalid, and the one it blocks, have no table any more', async () => {
    const engine = new Engine(registry, memoryFiles({}));
    expect((await engine.run(chain())).ok).toBe(true);
    expect(engine.table('tail')).toBeDefined();
    const result = await engine.run(chain(5, n('mid', 'test.times', { factor: 'two' })));
    const byId = Object.fromEntries(result.nodes.map((r) => [r.id, r]));
    expect(byId.mid).toMatchObject({ status: 'invalid', code: 'invalid-params' });
    expect(byId.tail).toMatchObject({ status: 'skipped', code: 'upstream-failed' });
    expect(engine.table('mid')).toBeUndefined();
    expect(engine.table('tail')).toBeUndefined();
    expect(engine.lookup('tail')).toEqual({ status: 'none' });
    expect(engine.table('src')).toBeDefined();
  });

  it('a node that fails has no table any more', async () => {
    const engine = new Engine(registry, memoryFiles({}));
    await engine.run(chain());
    await engine.run(chain(5, n('mid', 'test.throw')));
    expect(engine.table('mid')).toBeUndefined();
    expect(engine.table('tail')).toBeUndefined();
  });

  it('cancelled nodes (running or not started) have no table any more', async () => {
    const engine = new Engine(registry, memoryFiles({}));
    await engine.run(chain());
    expect(engine.table('tail')).toBeDefined();
    const controller = new AbortController();
    const c = collect();
    await engine.run(chain(5, n('mid', 'test.slow')), {
      signal: controller.signal,
      progressInterval: 0,
      onEvent: (e) => {
        c.onEvent(e);
        if (e.type === 'progress' && e.node === 'mid') controller.abort();
      },
    });
    expect(engine.table('mid')).toBeUndefined();
    expect(engine.table('tail')).toBeUndefined();
    expect(engine.table('src')).toBeDefined();
  });

  it('a flow that cannot run at all (cycle) leaves no node with old outputs; a removed node has none either', async () => {
    const engine = new Engine(registry, memoryFiles({}));
    await engine.run(chain());
    // mid ⇄ tail through a two-input join: a cycle, so nothing runs.
    const cyclic = flow([n('src', 'test.source'), n('mid', 'test.join'), n('tail', 'test.times')], [['mid', 'tail']]);
    cyclic.edges.push({ from: 'src.out', to: 'mid.a' }, { from: 'tail.out', to: 'mid.b' });
    const result = await engine.run(cyclic);
    expect(result.issues.map((i) => i.code)).toContain('cycle');
    expect(result.nodes).toEqual([]);
    expect(engine.table('src')).toBeUndefined();
    expect(engine.table('tail')).toBeUndefined();
    await engine.run(chain());
    expect(engine.table('tail')).toBeDefined();
    await engine.run(flow([n('src', 'test.source', { n: 5 })], []));
    expect(engine.table('tail')).toBeUndefined();
    expect(engine.table('src')).toBeDefined();
  });
});

describe('cancellation events', () => {
  it('the running node and every node that had not started get a "cancelled" event, and no error', async () => {
    const engine = new Engine(registry, memoryFiles({}));
    const w = flow(
      [n('src', 'test.source'), n('spin', 'test.slow'), n('a', 'test.times'), n('b', 'test.times')],
      [
        ['src', 'spin'],
        ['spin', 'a'],
        ['a', 'b'],
      ],
    );
    const controller = new AbortController();
    const c = collect();
    const result = await engine.run(w, {
      signal: controller.signal,
      progressInterval: 0,
      onEvent: (e) => {
        c.onEvent(e);
        if (e.type === 'progress' && e.node === 'spin') controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    const cancelled = c.events.filter((e) => e.type === 'cancelled');
    expect(cancelled.map((e) => [e.node, e.type === 'cancelled' && e.started])).toEqual([
      ['spin', true],
      ['a', false],
      ['b', false],
    ]);
    expect(cancelled.every((e) => e.type === 'cancelled' && e.code === 'cancelled' && e.message.en && e.message.vi)).toBe(true);
    expect(c.events.filter((e) => e.type === 'error')).toEqual([]);
    expect(result.nodes.filter((r) => r.status === 'cancelled').map((r) => [r.id, r.code])).toEqual([
      ['spin', 'cancelled'],
      ['a', 'cancelled'],
      ['b', 'cancelled'],
    ]);
  });

  it('a run cancelled before it starts reports every node as cancelled', async () => {
    const engine = new Engine(registry, memoryFiles({}));
    const controller = new AbortController();
    controller.abort();
    const c = collect();
    await engine.run(chain(), { signal: controller.signal, onEvent: c.onEvent });
    expect(c.events.map((e) => `${e.type}:${e.node}`)).toEqual(['cancelled:src', 'cancelled:mid', 'cancelled:tail']);
  });
});

describe('error codes', () => {
  const codeOf = async (mid: ReturnType<typeof n>, extra?: (w: Workflow) => void) => {
    const engine = new Engine(registry, memoryFiles({}));
    const w = chain(5, mid);
    extra?.(w);
    const c = collect();
    await engine.run(w, { onEvent: c.onEvent });
    const e = c.events.find((x) => x.node === 'mid' && (x.type === 'error' || x.type === 'skipped'));
    const tail = c.events.find((x) => x.node === 'tail' && x.type === 'skipped');
    return { code: e && 'code' in e ? e.code : undefined, tail: tail?.type === 'skipped' ? tail.code : undefined };
  };

  it('names why a node failed, from a closed list', async () => {
    expect(await codeOf(n('mid', 'test.throw', { throw: 'bad' }))).toEqual({ code: 'bad-input', tail: 'upstream-failed' });
    expect((await codeOf(n('mid', 'test.throw', { throw: 'parse' }))).code).toBe('parse');
    expect((await codeOf(n('mid', 'test.throw', { throw: 'plain' }))).code).toBe('internal');
    expect((await codeOf(n('mid', 'test.throw', { throw: 'memory' }))).code).toBe('too-large');
    expect((await codeOf(n('mid', 'test.times', { factor: 'x' }))).code).toBe('invalid-params');
    expect((await codeOf(n('mid', 'test.nope'))).code).toBe('unknown-type');
    expect(
      (
        await codeOf(n('mid', 'test.times'), (w) => {
          w.edges = w.edges.filter((e) => e.to !== 'mid.in');
        })
      ).code,
    ).toBe('missing-input');
    for (const c of [
      'bad-input',
      'parse',
      'internal',
      'too-large',
      'invalid-params',
      'unknown-type',
      'missing-input',
      'upstream-failed',
      'cancelled',
      'crashed',
    ] as const) {
      expect(ERROR_CODES).toContain(c);
    }
  });
});

const numbers = (k: number, rows: number) => tableFromArrays({ [`c${k}`]: Float64Array.from({ length: rows }, (_, i) => i + k) });
const entry = (t: Table) => ({ outputs: { out: t }, ms: 1, warnings: [] });

describe('output cache', () => {
  it('counts the bytes of the Arrow buffers, a shared buffer once', () => {
    const a = numbers(1, 1000),
      b = numbers(2, 1000);
    expect(buffersOf({ out: a }).buffers.size).toBe(1);
    const cache = new OutputCache(1e9);
    cache.set('a', entry(a));
    expect(cache.bytes).toBe(8000);
    cache.set('b', entry(b));
    expect(cache.bytes).toBe(16000);
    // An output that passes column "c1" through shares its buffer: it adds nothing.
    cache.set('a2', { outputs: { out: a.select(['c1']) }, ms: 1, warnings: [] });
    expect(cache.bytes).toBe(16000);
    cache.delete('a');
    expect(cache.bytes).toBe(16000);
    cache.delete('a2');
    expect(cache.bytes).toBe(8000);
    const model = { kind: 'model' as const, format: 'test', version: 1, k: 3 };
    cache.set('model', { outputs: { model }, ms: 1, warnings: [] });
    expect(cache.bytes).toBe(8000 + JSON.stringify(model).length);
  });

  it('evicts the least recently used first, and never what it is told to keep', () => {
    const cache = new OutputCache(8000 * 3);
    for (const k of [1, 2, 3]) cache.set(`t${k}`, entry(numbers(k, 1000)));
    expect(cache.trim()).toEqual([]);
    cache.get('t1'); // t1 is now the most recent: t2 goes first
    cache.set('t4', entry(numbers(4, 1000)));
    expect(cache.trim(new Set(['t2']))).toEqual(['t3']);
    expect(cache.keys()).toEqual(['t2', 't1', 't4']);
    cache.budget = 8000;
    expect(cache.trim()).toEqual(['t2', 't1']);
    expect(cache.bytes).toBe(8000);
  });

  it('a table evicted for room says so, and is recomputed on the next run', async () => {
    const rows = 1000,
      bytes = rows * 8;
    const engine = new Engine(registry, memoryFiles({}), { cacheBytes: Math.floor(bytes * 2.5) });
    const result = await engine.run(chain(rows));
    expect(result.ok).toBe(true);
    // The whole run was held while it ran (tail read mid's output), then the oldest output was dropped.
    expect(engine.cache.bytes).toBeLessThanOrEqual(bytes * 2.5);
    expect(engine.lookup('src')).toEqual({ status: 'evicted' });
    expect(engine.table('src')).toBeUndefined();
    expect(engine.lookup('tail').status).toBe('ready');
    const sources = runs['test.source'];
    const c = collect();
    await engine.run(chain(rows), { onEvent: c.onEvent, targets: ['src'] });
    expect(runs['test.source']).toBe(sources + 1);
    expect(c.events).toContainEqual(expect.objectContaining({ type: 'done', node: 'src', cached: false }));
    expect(engine.lookup('src').status).toBe('ready');
    expect(Array.from(engine.table('src')!.getChild('x')!.toArray()).slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('during a run, an output is released as soon as the nodes that read it are done', async () => {
    const rows = 1000,
      bytes = rows * 8;
    const engine = new Engine(registry, memoryFiles({}), { cacheBytes: Math.floor(bytes * 2.5) });
    const ids = ['t1', 't2', 't3', 't4', 't5'];
    const w = flow(
      [n('src', 'test.source', { n: rows }), ...ids.map((id, k) => n(id, 'test.times', { factor: k + 2 }))],
      ids.map((id, k) => [k ? ids[k - 1] : 'src', id] as [string, string]),
    );
    const peaks: number[] = [];
    const result = await engine.run(w, {
      onEvent: (e) => {
        if (e.type === 'done') peaks.push(engine.cache.bytes);
      },
    });
    expect(result.ok).toBe(true);
    expect(peaks).toHaveLength(6);
    // A chain needs only the table being read and the one being made: never more than the budget.
    expect(Math.max(...peaks)).toBeLessThanOrEqual(bytes * 2.5);
    // Each node still read the right input: x × 2 × 3 × 4 × 5 × 6.
    expect(Array.from(engine.table('t5')!.getChild('x')!.toArray()).slice(0, 3)).toEqual([0, 720, 1440]);
    expect(engine.lookup('t1')).toEqual({ status: 'evicted' });
  });

  it('an output read by two later nodes stays until both are done', async () => {
    const rows = 1000,
      bytes = rows * 8;
    const engine = new Engine(registry, memoryFiles({}), { cacheBytes: Math.floor(bytes * 1.5) });
    const w = flow(
      [
        n('src', 'test.source', { n: rows }),
        n('a', 'test.times', { factor: 2 }),
        n('a2', 'test.times', { factor: 5 }),
        n('b', 'test.times', { factor: 3 }),
      ],
      [
        ['src', 'a'],
        ['a', 'a2'],
        ['src', 'b'],
      ],
    );
    const c = collect();
    const result = await engine.run(w, { onEvent: c.onEvent });
    // The budget holds one table and a half: had "src" been released after "a", "b" would have had no input.
    expect(result.ok).toBe(true);
    expect(
      c.events
        .filter((e) => e.type === 'done')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['a', 'a2', 'b', 'src']);
    expect(engine.cache.bytes).toBeLessThanOrEqual(bytes * 1.5);
  });

  it('keeps earlier runs while they fit, so going back to a setting is instant', async () => {
    const engine = new Engine(registry, memoryFiles({}), { cacheBytes: 1e8 });
    for (const f of [2, 3, 4, 5]) await engine.run(chain(5, n('mid', 'test.times', { factor: f })));
    const times = runs['test.times'];
    await engine.run(chain(5, n('mid', 'test.times', { factor: 2 })));
    expect(runs['test.times']).toBe(times);
  });

  it('defaults to a quarter of the device memory in a browser, else 1 GiB', () => {
    vi.stubGlobal('navigator', { deviceMemory: 8 });
    expect(defaultCacheBytes()).toBe(2 * 1024 ** 3);
    vi.stubGlobal('navigator', {});
    expect(defaultCacheBytes()).toBe(1024 ** 3);
  });
});

describe('cache keys', () => {
  it("are the SHA-256 of the canonical JSON of the node's type, version, params, inputs and file stamps", async () => {
    const engine = new Engine(registry, memoryFiles({}));
    await engine.run(flow([n('src', 'test.source', { n: 7 })], []));
    const canonical = stableStringify({ type: 'test.source', version: 1, params: { n: 7 }, inputs: {}, stamps: [] });
    const expected = createHash('sha256').update(canonical, 'utf8').digest('hex');
    expect(hashValue({ stamps: [], inputs: {}, params: { n: 7 }, version: 1, type: 'test.source' })).toBe(expected);
    expect(engine.cache.keys()).toEqual([expected]);
  });

  it("differ for different params (SHA-256 matches Node's crypto on any text)", () => {
    const keys = new Set<string>();
    for (let k = 0; k < 3000; k++) keys.add(hashValue({ type: 'cluster.kmeans', params: { k, seed: k % 7 } }));
    expect(keys.size).toBe(3000);
    for (const s of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'Đẹp quá 😍'.repeat(50)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});
