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

  removeNode: (id) => {
    set({
      nodes: get().nodes.filter((n) => n.id !== id),
      edges: get().edges.filter((e) => e.source !== id && e.target !== id),
      selected: get().selected === id ? null : get().selected,
      revision: get().revision + 1,
    });
  },

  onNodesChange: (changes) => {
    const structural = changes.some((c) => c.type === 'remove' || c.type === 'add' || (c.type === 'position' && !c.dragging));
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    withGesture(api, get, changes, () =>
      set({
        nodes: applyNodeChanges(changes, get().nodes),
        edges: removed.length ? get().edges.filter((e) => !removed.includes(e.source) && !removed.includes(e.target)) : get().edges,
        ...(removed.includes(get().selected ?? '') ? { selected: null } : {}),
        ...(structural ? { revision: get().revision + 1 } : {}),
      }),
    );
    for (const c of changes) if (c.type === 'select' && c.selected) set({ selected: c.id });
  },

  onEdgesChange: (changes) => {
    const removed = changes.filter((c) => c.type === 'remove').map((c) => get().edges.find((e) => e.id === c.id)?.target);
    set({ edges: applyEdgeChanges(changes, get().edges), ...(removed.length ? { revision: get().revision + 1 } : {}) });
    for (const target of removed) if (target) get().markStale(target);
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
