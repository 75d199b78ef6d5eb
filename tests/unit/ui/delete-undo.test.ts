/**
 * Deleting connected nodes is one undo step: undo brings back the nodes with every connection,
 * redo deletes them again. The changes arrive as React Flow sends them: the connections' removal,
 * then the nodes', then `onDelete` with the whole deletion.
 */
import { beforeEach, describe, expect, it } from 'vitest';

const storage = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
  document: { documentElement: { lang: 'en' } },
});

const { useStore } = await import('../../../src/ui/store');
const { emptyWorkflow } = await import('../../../src/core/flow/workflow');
const s = () => useStore.getState();
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

/** sample → scale → kmeans → (table, chart): kmeans has one edge in and two out. */
function build() {
  const a = s().addNode('ingest.sample', { x: 0, y: 0 });
  const b = s().addNode('feature.scale', { x: 200, y: 0 });
  const k = s().addNode('cluster.kmeans', { x: 400, y: 0 });
  const t = s().addNode('view.table', { x: 600, y: 0 });
  const t2 = s().addNode('view.table', { x: 600, y: 200 });
  for (const [from, to] of [
    [a, b],
    [b, k],
    [k, t],
    [k, t2],
  ])
    expect(s().connect({ source: from, sourceHandle: 'out', target: to, targetHandle: 'in' })).toBeNull();
  useStore.temporal.getState().clear();
  return { a, b, k, t, t2 };
}

/** What React Flow does on Delete: edges' remove changes, nodes' remove changes, then onDelete. */
function deleteLikeReactFlow(nodeIds: string[]) {
  const edges = s().edges.filter((e) => nodeIds.includes(e.source) || nodeIds.includes(e.target));
  s().onEdgesChange(edges.map((e) => ({ type: 'remove', id: e.id })));
  s().onNodesChange(nodeIds.map((id) => ({ type: 'remove', id })));
  s().removeElements(
    nodeIds,
    edges.map((e) => e.id),
  );
}

beforeEach(() => {
  s().loadWorkflow(emptyWorkflow());
  useStore.temporal.getState().clear();
});

describe('deleting connected nodes', () => {
  it('one node with three connections: one undo step restores node and connections, redo deletes both', () => {
    const { k } = build();
    const before = { nodes: ids(s().nodes), edges: ids(s().edges) };
    expect(before.edges).toHaveLength(4);
    deleteLikeReactFlow([k]);
    expect(s().nodes.map((n) => n.id)).not.toContain(k);
    expect(s().edges).toHaveLength(1);
    expect(useStore.temporal.getState().pastStates).toHaveLength(1);
    s().undo();
    expect({ nodes: ids(s().nodes), edges: ids(s().edges) }).toEqual(before);
    expect(useStore.temporal.getState().pastStates).toHaveLength(0);
    s().redo();
    expect(s().nodes.map((n) => n.id)).not.toContain(k);
    expect(s().edges).toHaveLength(1);
    s().undo();
    expect(s().toWorkflow().edges).toHaveLength(4);
  });

  it('several selected nodes at once are one step too', () => {
    const { b, k } = build();
    deleteLikeReactFlow([b, k]);
    expect(s().edges).toHaveLength(0);
    expect(useStore.temporal.getState().pastStates).toHaveLength(1);
    s().undo();
    expect(s().edges).toHaveLength(4);
    expect(ids(s().nodes)).toContain(b);
  });

  it('deleting a connection alone marks its target stale; the inspector and note buttons delete in one step', () => {
    const { k, t } = build();
    useStore.setState({ status: { [t]: { state: 'done' } } });
    const e = s().edges.find((x) => x.source === k && x.target === t)!;
    s().removeElements([], [e.id]);
    expect(s().edges).toHaveLength(3);
    expect(s().status[t].state).toBe('stale');
    s().removeNode(k);
    expect(s().edges).toHaveLength(1);
    expect(useStore.temporal.getState().pastStates).toHaveLength(2);
    s().undo();
    expect(s().edges).toHaveLength(3);
  });

  it('a deletion of nothing (already gone) records no step', () => {
    build();
    s().removeElements(['nope'], ['nope']);
    expect(useStore.temporal.getState().pastStates).toHaveLength(0);
  });
});
