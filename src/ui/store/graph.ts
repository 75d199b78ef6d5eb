/** Graph slice: the nodes, connections and notes on the canvas, and conversion to/from workflow files. */
import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { getNode } from '../../../nodes/index';
import type { Workflow } from '../../core/flow/workflow';
import { checkConnection } from '../../core/flow/connect';
import type { Text } from '../../core/contract/i18n';
import { edgeId, graphToWorkflow, isFlowNode, workflowToGraph, type CanvasNode, type FlowNode, type GraphState } from './convert';
import { withGesture } from './history';
import type { AppState } from './index';

export { isFlowNode, type CanvasNode, type FlowNode } from './convert';

/** The flow as a workflow file describes it (see convert.ts), plus the editing actions. */
export interface GraphSlice extends GraphState {
  /** Bumped on every edit of the flow (for autosave and stale marks). */
  revision: number;
  /** Bumped each time a whole flow is loaded, so the canvas can fit it into view. */
  loads: number;
  loadWorkflow: (w: Workflow) => void;
  toWorkflow: () => Workflow;
  addNode: (type: string, position: { x: number; y: number }, params?: Record<string, unknown>) => string;
  updateParams: (id: string, params: Record<string, unknown>) => void;
  removeNode: (id: string) => void;
  /**
   * Deletes nodes (with every connection they have) and connections, as one undo step. React Flow
   * reports a deletion as two batches (the connections, then the nodes); it comes here whole
   * through the canvas' `onDelete`, so undo brings back a node together with its connections.
   */
  removeElements: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  connect: (c: Connection) => Text | null;
}

/** A short unique id for a new node of a type: "kmeans", "kmeans2", … */
export function newNodeId(type: string, taken: Set<string>): string {
  const base =
    type
      .split('.')
      .pop()!
      .replace(/[^A-Za-z0-9_-]/g, '') || 'node';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get, api) => ({
  name: 'Untitled flow',
  description: '',
  nodes: [],
  edges: [],
  inputs: [],
  revision: 0,
  loads: 0,

  loadWorkflow: (w) => {
    set({ ...workflowToGraph(w), revision: get().revision + 1, loads: get().loads + 1, selected: null, status: {}, issues: [] });
  },

  toWorkflow: () => graphToWorkflow(get()),

  addNode: (type, position, params) => {
    const def = getNode(type);
    if (!def) return '';
    const id = newNodeId(type, new Set(get().nodes.map((n) => n.id)));
    const node: FlowNode = { id, type: 'flow', position, data: { type, params: { ...params } }, selected: true };
    set({ nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), node], selected: id, revision: get().revision + 1 });
    return id;
  },

  updateParams: (id, params) => {
    set({
      nodes: get().nodes.map((n) => (n.id === id && isFlowNode(n) ? { ...n, data: { ...n.data, params } } : n)),
      revision: get().revision + 1,
    });
    get().markStale(id);
  },

  removeNode: (id) => get().removeElements([id], []),

  removeElements: (nodeIds, edgeIds) => {
    const gone = new Set(nodeIds);
    const cut = new Set(edgeIds);
    const { nodes, edges, selected } = get();
    const dropped = edges.filter((e) => cut.has(e.id) || gone.has(e.source) || gone.has(e.target));
    if (!dropped.length && !nodes.some((n) => gone.has(n.id))) return;
    set({
      nodes: nodes.filter((n) => !gone.has(n.id)),
      edges: edges.filter((e) => !dropped.includes(e)),
      ...(selected && gone.has(selected) ? { selected: null } : {}),
      revision: get().revision + 1,
    });
    for (const e of dropped) if (!gone.has(e.target)) get().markStale(e.target);
  },

  // Deletions are left out here: React Flow reports them again, all together, through `onDelete`
  // (see removeElements), and applying them in two batches would make two undo steps.
  onNodesChange: (all) => {
    const changes = all.filter((c) => c.type !== 'remove');
    if (!changes.length) return;
    const structural = changes.some((c) => c.type === 'add' || (c.type === 'position' && !c.dragging));
    withGesture(api, get, changes, () =>
      set({
        nodes: applyNodeChanges(changes, get().nodes),
        ...(structural ? { revision: get().revision + 1 } : {}),
      }),
    );
    for (const c of changes) if (c.type === 'select' && c.selected) set({ selected: c.id });
  },

  onEdgesChange: (all) => {
    const changes = all.filter((c) => c.type !== 'remove');
    if (changes.length) set({ edges: applyEdgeChanges(changes, get().edges) });
  },

  connect: (c) => {
    const problem = checkConnection(c, get().nodes, get().edges, getNode);
    if (problem) return problem;
    // A new connection to an input replaces the one it had.
    const edges = get().edges.filter((e) => !(e.target === c.target && e.targetHandle === c.targetHandle));
    set({ edges: addEdge({ ...c, id: edgeId(c) }, edges), revision: get().revision + 1 });
    get().markStale(c.target!);
    return null;
  },
});
