import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../../../src/core/flow/validate';
import { parseWorkflow, type Workflow } from '../../../../src/core/flow/workflow';
import { toyRegistry } from '../../../helpers/toy-nodes';

const flow = (nodes: Workflow['nodes'], edges: Workflow['edges'] = []): Workflow => ({
  schema: 'audience-flow/workflow@2',
  name: 't',
  nodes,
  edges,
  notes: [],
});
const n = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: [0, 0] as [number, number] });
const codes = (w: Workflow) => validateWorkflow(w, toyRegistry).map((i) => i.code);

describe('validateWorkflow', () => {
  it('accepts a well-formed flow', () => {
    expect(validateWorkflow(flow([n('a', 'test.source'), n('b', 'test.times')], [{ from: 'a.out', to: 'b.in' }]), toyRegistry)).toEqual([]);
  });

  it('names an unknown node type', () => {
    const [issue] = validateWorkflow(flow([n('x', 'magic.wand')]), toyRegistry);
    expect(issue.code).toBe('unknown-type');
    expect(issue.node).toBe('x');
    expect(issue.message.en).toMatch(/"x".*"magic\.wand"/);
    expect(issue.message.vi).toMatch(/magic\.wand/);
  });

  it('reports a missing required input but not a missing optional one', () => {
    const issues = validateWorkflow(
      flow([n('a', 'test.source'), n('b', 'test.times'), n('j', 'test.join')], [{ from: 'a.out', to: 'j.a' }]),
      toyRegistry,
    );
    expect(issues.map((i) => [i.code, i.node])).toEqual([['missing-input', 'b']]);
    expect(issues[0].message.en).toMatch(/needs something connected to its input "in"/);
  });

  it('refuses a port kind mismatch', () => {
    const w = flow(
      [n('a', 'test.source'), n('j', 'test.join'), n('b', 'test.times')],
      [
        { from: 'a.out', to: 'j.a' },
        { from: 'j.model', to: 'b.in' },
      ],
    );
    const issues = validateWorkflow(w, toyRegistry);
    expect(issues.map((i) => i.code)).toEqual(['kind-mismatch']);
    expect(issues[0].message.en).toMatch(/^Node "Times" expects a table on "in", but "Join" gives a model/);
  });

  it('finds cycles and says "cycle"', () => {
    const w = flow(
      [n('a', 'test.source'), n('b', 'test.times'), n('c', 'test.times'), n('d', 'test.times')],
      [
        { from: 'a.out', to: 'b.in' },
        { from: 'b.out', to: 'c.in' },
        { from: 'c.out', to: 'd.in' },
        { from: 'd.out', to: 'c.in' },
      ],
    );
    const issues = validateWorkflow(w, toyRegistry);
    expect(issues.map((i) => i.code)).toContain('cycle');
    expect(issues.find((i) => i.code === 'cycle')!.message.en).toMatch(/cycle: c → d → c/);
  });

  it('turns invalid params into sentences that name the setting', () => {
    const issues = validateWorkflow(
      flow([n('a', 'test.source', { n: -3 }), n('b', 'test.source', { n: 'many' }), n('c', 'test.source', { rows: 3 })]),
      toyRegistry,
    );
    expect(issues.map((i) => i.message.en)).toEqual([
      // Named by the type's title (they have no label of their own), never by the id.
      'Node "Source": "Rows" must be at least 0 (it is -3).',
      'Node "Source": "Rows" must be a number (it is "many").',
      'Node "Source": Unknown setting(s) "rows"; this node has "n".',
    ]);
    expect(issues.map((i) => i.node)).toEqual(['a', 'b', 'c']);
    expect(issues[0].message.vi).toBe('Nút "Nguồn": "Số dòng" phải lớn hơn hoặc bằng 0 (đang là -3).');
  });

  it('reports unknown ports, unknown nodes, doubled inputs and duplicate ids', () => {
    expect(codes(flow([n('a', 'test.source'), n('b', 'test.times')], [{ from: 'a.nope', to: 'b.in' }]))).toContain('unknown-port');
    expect(codes(flow([n('b', 'test.times')], [{ from: 'ghost.out', to: 'b.in' }]))).toContain('unknown-node');
    expect(
      codes(
        flow(
          [n('a', 'test.source'), n('a2', 'test.source'), n('b', 'test.times')],
          [
            { from: 'a.out', to: 'b.in' },
            { from: 'a2.out', to: 'b.in' },
          ],
        ),
      ),
    ).toContain('input-taken');
    expect(codes(flow([n('a', 'test.source'), n('a', 'test.source')]))).toContain('duplicate-id');
  });
});

describe('parseWorkflow', () => {
  it('reads a valid file and fills defaults', () => {
    const r = parseWorkflow(JSON.stringify({ schema: 'audience-flow/workflow@1', nodes: [{ id: 'a', type: 'test.source' }] }));
    expect(r.ok && r.workflow.nodes[0].position).toEqual([0, 0]);
    expect(r.ok && r.workflow.name).toBe('Untitled flow');
  });

  it('explains why a file is refused', () => {
    expect(parseWorkflow('{nope')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(parseWorkflow('[]')).toMatchObject({ ok: false, message: expect.stringMatching(/JSON object/) });
    expect(parseWorkflow({ schema: 'audience-flow/workflow@9', nodes: [] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/workflow@9.*cannot read/),
    });
    expect(parseWorkflow({ schema: 'other', nodes: [] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not an Audience Flow workflow/),
    });
    expect(parseWorkflow({ schema: 'audience-flow/workflow@1', nodes: [{ id: '<script>', type: 'x' }] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nodes\.0\.id/),
    });
  });
});
