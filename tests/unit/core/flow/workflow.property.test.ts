/**
 * Workflow files from outside: random JSON and random graphs never crash parsing or validation,
 * hostile content is refused or made inert, old (@1) files are migrated, and export → import is the
 * identity (file → canvas → file and file → JSON → file).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../../../src/core/flow/migrate';
import { validateWorkflow } from '../../../../src/core/flow/validate';
import { WORKFLOW_SCHEMA, parseWorkflow, type Workflow } from '../../../../src/core/flow/workflow';
import { graphToWorkflow, workflowToGraph } from '../../../../src/ui/store/convert';
import { toyRegistry } from '../../../helpers/toy-nodes';

const id = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/);
const int = fc.integer({ min: -100_000, max: 100_000 });
const position = fc.tuple(int, int);
const size = fc.tuple(fc.integer({ min: 20, max: 4000 }), fc.integer({ min: 20, max: 4000 }));
const color = fc.stringMatching(/^#[0-9a-f]{6}$/);
const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** JSON values as they come back from JSON.parse (no -0, no forbidden keys). */
const json = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v), (k, x) => (FORBIDDEN.has(k) ? undefined : x)) as unknown);
const params = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !FORBIDDEN.has(k)),
  json,
  { maxKeys: 4 },
);
const portRef = fc.tuple(id, fc.constantFrom('in', 'out', 'a', 'segments')).map(([n, p]) => `${n}.${p}`);
const nonEmpty = <T>(arb: fc.Arbitrary<T[]>) => arb.filter((a) => a.length > 0);

const node = fc.record(
  {
    id,
    type: fc.constantFrom('test.source', 'test.times', 'test.join', 'no.such-type'),
    label: text(30),
    params,
    position,
  },
  { requiredKeys: ['id', 'type', 'params', 'position'] },
);
const note = fc.record({ id, text: text(60), position, size, color }, { requiredKeys: ['id', 'text', 'position'] });
const group = fc.record({ id, label: text(20), position, size, color }, { requiredKeys: ['id', 'label', 'position', 'size'] });
const input = fc.record({
  id,
  label: fc.record({ en: text(20), vi: text(20) }),
  node: id,
  param: fc.string({ minLength: 1, maxLength: 12 }),
  kind: fc.constantFrom('file', 'number', 'integer', 'text', 'boolean', 'choice', 'column', 'columns'),
});

/** A valid workflow in its canonical form (what parseWorkflow returns and the editor exports). */
const workflow: fc.Arbitrary<Workflow> = fc.record(
  {
    schema: fc.constant(WORKFLOW_SCHEMA),
    name: text(40),
    description: text(80).filter((s) => s.length > 0),
    nodes: fc.uniqueArray(node, { selector: (n) => n.id, maxLength: 8 }),
    edges: fc.array(fc.record({ from: portRef, to: portRef }), { maxLength: 8 }),
    notes: fc.uniqueArray(note, { selector: (n) => n.id, maxLength: 4 }),
    groups: nonEmpty(fc.uniqueArray(group, { selector: (g) => g.id, maxLength: 3 })),
    inputs: nonEmpty(fc.uniqueArray(input, { selector: (i) => i.id, maxLength: 3 })),
    translations: fc.record(
      {
        vi: fc.record(
          {
            name: text(20),
            description: text(20),
            notes: fc.dictionary(id, text(20), { maxKeys: 2 }),
            labels: fc.dictionary(id, text(20), { maxKeys: 2 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['schema', 'name', 'nodes', 'edges', 'notes'] },
) as fc.Arbitrary<Workflow>;

/** A workflow whose edges join existing nodes on plausible ports (for the validator). */
const graph = workflow.chain((w) => {
  const ids = w.nodes.map((n) => n.id);
  if (!ids.length) return fc.constant(w);
  const end = fc.tuple(fc.constantFrom(...ids), fc.constantFrom('in', 'out', 'a', 'b')).map(([n, p]) => `${n}.${p}`);
  return fc.array(fc.record({ from: end, to: end }), { maxLength: 12 }).map((edges) => ({ ...w, edges }));
});

const mustReturn = (r: unknown) => {
  expect(r).toBeTypeOf('object');
  expect(typeof (r as { ok: unknown }).ok).toBe('boolean');
};

describe('parseWorkflow and validateWorkflow never crash', () => {
  it('on any JSON value or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (v) => {
        mustReturn(parseWorkflow(v));
        mustReturn(parseWorkflow(JSON.stringify(v) ?? 'undefined'));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => mustReturn(parseWorkflow(s))),
      { numRuns: 200 },
    );
  });

  it('on workflow-shaped objects with random fields', () => {
    const mangled = fc.record(
      {
        schema: fc.constantFrom(WORKFLOW_SCHEMA, 'audience-flow/workflow@1', 'audience-flow/workflow@3', 'x'),
        nodes: fc.array(
          fc.record(
            { id: fc.oneof(id, fc.anything()), type: fc.oneof(fc.string(), fc.anything()), params: fc.anything(), position: fc.anything() },
            { requiredKeys: [] },
          ),
          { maxLength: 5 },
        ),
        edges: fc.anything(),
        notes: fc.anything(),
        groups: fc.anything(),
        inputs: fc.anything(),
        name: fc.anything(),
      },
      { requiredKeys: ['schema'] },
    );
    fc.assert(
      fc.property(mangled, (v) => {
        const r = parseWorkflow(v);
        mustReturn(r);
        if (r.ok) expect(Array.isArray(validateWorkflow(r.workflow, toyRegistry))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on random graphs (unknown types, bad ports, cycles, bad params)', () => {
    fc.assert(
      fc.property(graph, (w) => {
        const issues = validateWorkflow(w, toyRegistry);
        expect(Array.isArray(issues)).toBe(true);
        for (const i of issues) expect(i.message.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('export → import is the identity', () => {
  it('file → canvas → file', () => {
    fc.assert(
      fc.property(workflow, (w) => {
        expect(graphToWorkflow(workflowToGraph(w))).toEqual(w);
      }),
      { numRuns: 300 },
    );
  });

  it('file → JSON text → file', () => {
    fc.assert(
      fc.property(workflow, (w) => {
        const r = parseWorkflow(JSON.stringify(w));
        if (!r.ok) throw new Error(r.message);
        expect(r.workflow).toEqual(w);
        expect(r.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile files', () => {
  const base = { schema: WORKFLOW_SCHEMA, name: 'x', nodes: [{ id: 'a', type: 'test.source', params: { n: 3 } }] };

  it('removes __proto__, constructor and prototype keys anywhere, says so, and pollutes nothing', () => {
    const text = `{"schema":"${WORKFLOW_SCHEMA}","nodes":[{"id":"a","type":"test.source","params":{"n":3,"__proto__":{"polluted":1},"deep":{"constructor":{"prototype":{"polluted":2}},"ok":true}}}],"__proto__":{"polluted":3}}`;
    const r = parseWorkflow(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.workflow.nodes[0].params).toEqual({ n: 3, deep: { ok: true } });
    expect(Object.keys(r.workflow.nodes[0].params)).toEqual(['n', 'deep']);
    expect(r.warnings.join(' ')).toMatch(/nodes\.0\.params\.__proto__.*not allowed/);
    expect(r.warnings).toHaveLength(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.workflow.nodes[0].params)).toBe(Object.prototype);
  });

  it('never lets a forbidden key through, whatever the input', () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', 'b');
    const nested = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.dictionary(key, tie('v') as fc.Arbitrary<unknown>, { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(nested, (p) => {
        const r = parseWorkflow(JSON.stringify({ ...base, nodes: [{ ...base.nodes[0], params: { p } }] }));
        if (!r.ok) return;
        const walk = (v: unknown): void => {
          if (typeof v !== 'object' || v === null) return;
          for (const k of Object.keys(v)) {
            expect(FORBIDDEN.has(k)).toBe(false);
            walk((v as Record<string, unknown>)[k]);
          }
        };
        walk(r.workflow);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses absurd sizes with a message', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(25)}1${'}'.repeat(25)}`);
    expect(parseWorkflow({ ...base, nodes: [{ ...base.nodes[0], params: deep }] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nested more than 20 levels/),
    });
    expect(parseWorkflow({ ...base, name: 'x'.repeat(5001) })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/5,001 characters.*limit is 5,000/),
    });
    const many = Array.from({ length: 1001 }, (_, i) => ({ id: `n${i}`, type: 'test.source' }));
    expect(parseWorkflow({ ...base, nodes: many })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/1,001 nodes.*limit is 1,000/),
    });
    const huge = JSON.stringify({ ...base, description: 'x', pad: 'y'.repeat(5 * 1024 * 1024) });
    expect(parseWorkflow(huge)).toMatchObject({ ok: false, message: expect.stringMatching(/MB; the limit is 5 MB/) });
  });

  it('keeps HTML in names and notes as plain text (the UI never renders it as HTML)', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const r = parseWorkflow({ ...base, name: evil, notes: [{ id: 'n', text: evil }] });
    expect(r.ok && r.workflow.notes[0].text).toBe(evil);
    expect(parseWorkflow({ ...base, notes: [{ id: 'n', text: 'x', color: 'red;background:url(//evil)' }] })).toMatchObject({ ok: false });
  });
});

describe('migrations', () => {
  it('opens a real @1 file (the segmentation template as shipped with @1) and says it was migrated', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../fixtures/segmentation-v1.flow.json'), 'utf8');
    expect(JSON.parse(text).schema).toBe('audience-flow/workflow@1');
    const r = parseWorkflow(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.migratedFrom).toBe('audience-flow/workflow@1');
    expect(r.warnings[0]).toMatch(/Migrated from @1 to @2/);
    expect(r.workflow.schema).toBe(WORKFLOW_SCHEMA);
    expect(r.workflow.nodes.map((n) => n.id)).toEqual(['sample', 'features', 'missing', 'scale', 'kmeans', 'segments']);
    expect(r.workflow.notes.map((n) => n.id)).toEqual(['note-1', 'note-2', 'note-3', 'note-4']);
    expect(r.workflow.notes[0].text).toMatch(/^Step 1/);
    // Migrated once, it is a plain @2 file: export → import keeps it.
    expect(graphToWorkflow(workflowToGraph(r.workflow))).toEqual(r.workflow);
  });

  it('applies steps in order and refuses versions it does not know', () => {
    const steps: Migration[] = [
      { from: 'v1', to: 'v2', what: 'a', up: (j) => ({ ...j, schema: 'v2', trail: [...(j.trail as string[]), 'v2'] }) },
      { from: 'v2', to: 'v3', what: 'b', up: (j) => ({ ...j, schema: 'v3', trail: [...(j.trail as string[]), 'v3'] }) },
    ];
    expect(migrate({ schema: 'v1', trail: [] }, 'v3', steps)).toEqual({
      ok: true,
      from: 'v1',
      value: { schema: 'v3', trail: ['v2', 'v3'] },
    });
    expect(migrate({ schema: 'v3' }, 'v3', steps)).toEqual({ ok: true, from: null, value: { schema: 'v3' } });
    expect(migrate({ schema: 'audience-flow/workflow@0' }, 'v3', steps)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot read/),
    });
  });
});
