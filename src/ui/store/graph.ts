/** Graph slice: the nodes, connections and notes on the canvas, and conversion to/from workflow files. */
import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type Node, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { getNode } from '../../../nodes/index';
import { WORKFLOW_SCHEMA, parsePortRef, type Workflow } from '../../core/workflow';
import { checkConnection } from '../canvas/connect';
import type { Text } from '../../core/text';
import type { AppState } from './index';

export type FlowNodeData = { type: string; params: Record<string, unknown>; label?: string };
export type NoteData = { text: string };
export type FlowNode = Node<FlowNodeData, 'flow'>;
export type NoteNode = Node<NoteData, 'note'>;
export type CanvasNode = FlowNode | NoteNode;

export interface GraphSlice {
  name: string;
  description: string;
  nodes: CanvasNode[];
  edges: Edge[];
  /** Bumped on every edit of the flow (for autosave and stale marks). */
  revision: number;
  loadWorkflow: (w: Workflow) => void;
  toWorkflow: () => Workflow;
  addNode: (type: string, position: { x: number; y: number }, params?: Record<string, unknown>) => string;
  updateParams: (id: string, params: Record<string, unknown>) => void;
  removeNode: (id: string) => void;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  connect: (c: Connection) => Text | null;
}

export const isFlowNode = (n: CanvasNode): n is FlowNode => n.type === 'flow';

const edgeId = (c: { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }) =>
  `${c.source}.${c.sourceHandle}->${c.target}.${c.targetHandle}`;

/** A short unique id for a new node of a type: "kmeans", "kmeans2", … */
export function newNodeId(type: string, taken: Set<string>): string {
  const base = type.split('.').pop()!.replace(/[^A-Za-z0-9_-]/g, '') || 'node';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get) => ({
  name: 'Untitled flow',
  description: '',
  nodes: [],
  edges: [],
  revision: 0,

  loadWorkflow: (w) => {
    const nodes: CanvasNode[] = w.nodes.map((n) => ({
      id: n.id, type: 'flow', position: { x: n.position[0], y: n.position[1] },
      data: { type: n.type, params: { ...n.params }, ...(n.label ? { label: n.label } : {}) },
    }));
    w.notes.forEach((note, i) => nodes.push({ id: `note-${i + 1}`, type: 'note', position: { x: note.position[0], y: note.position[1] }, data: { text: note.text }, zIndex: -1 }));
    const edges: Edge[] = w.edges.map((e) => {
      const from = parsePortRef(e.from), to = parsePortRef(e.to);
      const c = { source: from.node, sourceHandle: from.port, target: to.node, targetHandle: to.port };
      return { id: edgeId(c), ...c };
    });
    set({ name: w.name, description: w.description ?? '', nodes, edges, revision: get().revision + 1, selected: null, status: {}, issues: [] });
  },

  toWorkflow: () => {
    const { nodes, edges, name, description } = get();
    const round = (v: number) => Math.round(v);
    return {
      schema: WORKFLOW_SCHEMA, name, ...(description ? { description } : {}),
      nodes: nodes.filter(isFlowNode).map((n) => ({
        id: n.id, type: n.data.type, ...(n.data.label ? { label: n.data.label } : {}), params: n.data.params, position: [round(n.position.x), round(n.position.y)] as [number, number],
      })),
      edges: edges.map((e) => ({ from: `${e.source}.${e.sourceHandle}`, to: `${e.target}.${e.targetHandle}` })),
      notes: nodes.filter((n): n is NoteNode => n.type === 'note').map((n) => ({ text: n.data.text, position: [round(n.position.x), round(n.position.y)] as [number, number] })),
    };
  },

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
    set({
      nodes: applyNodeChanges(changes, get().nodes),
      edges: removed.length ? get().edges.filter((e) => !removed.includes(e.source) && !removed.includes(e.target)) : get().edges,
      ...(removed.includes(get().selected ?? '') ? { selected: null } : {}),
      ...(structural ? { revision: get().revision + 1 } : {}),
    });
    for (const c of changes) if (c.type === 'select' && c.selected) set({ selected: c.id });
  },

  onEdgesChange: (changes) => {
    const removed = changes.filter((c) => c.type === 'remove').map((c) => get().edges.find((e) => e.id === c.id)?.target);
    set({ edges: applyEdgeChanges(changes, get().edges), ...(removed.length ? { revision: get().revision + 1 } : {}) });
    for (const target of removed) if (target) get().markStale(target);
  },

  connect: (c) => {
    const problem = checkConnection(c, get().nodes, get().edges);
    if (problem) return problem;
    // A new connection to an input replaces the one it had.
    const edges = get().edges.filter((e) => !(e.target === c.target && e.targetHandle === c.targetHandle));
    set({ edges: addEdge({ ...c, id: edgeId(c) }, edges), revision: get().revision + 1 });
    get().markStale(c.target!);
    return null;
  },
});

