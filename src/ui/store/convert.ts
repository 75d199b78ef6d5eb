/**
 * Pure conversions between a workflow file and the canvas (React Flow nodes and edges). No store,
 * no DOM: export → import is the identity for every valid workflow (tested with fast-check).
 * Canvas ids of notes and frames are prefixed ("note:", "frame:") so they never collide with node ids.
 */
import type { Edge, Node } from '@xyflow/react';
import { WORKFLOW_SCHEMA, parsePortRef, type TemplateInput, type Workflow } from '../../core/flow/workflow';

export type FlowNodeData = { type: string; params: Record<string, unknown>; label?: string };
export type NoteData = { text: string; color?: string };
export type FrameData = { label: string; color?: string };
export type FlowNode = Node<FlowNodeData, 'flow'>;
export type NoteNode = Node<NoteData, 'note'>;
export type FrameNode = Node<FrameData, 'frame'>;
export type CanvasNode = FlowNode | NoteNode | FrameNode;

/** The part of the store that a workflow file describes. */
export interface GraphState {
  name: string;
  description: string;
  nodes: CanvasNode[];
  edges: Edge[];
  inputs: TemplateInput[];
  /** A template's texts in other languages (kept as they came, for export). */
  translations?: Workflow['translations'];
}

export const isFlowNode = (n: CanvasNode): n is FlowNode => n.type === 'flow';
export const isNoteNode = (n: CanvasNode): n is NoteNode => n.type === 'note';
export const isFrameNode = (n: CanvasNode): n is FrameNode => n.type === 'frame';

export const NOTE_PREFIX = 'note:';
export const FRAME_PREFIX = 'frame:';

export const edgeId = (c: { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }) =>
  `${c.source}.${c.sourceHandle}->${c.target}.${c.targetHandle}`;

/** Frames sit behind everything, notes behind nodes. */
export const FRAME_Z = -2;
export const NOTE_Z = -1;

/** The canvas for a workflow: frames first (drawn behind), then nodes, then notes. */
export function workflowToGraph(w: Workflow): GraphState {
  const nodes: CanvasNode[] = [];
  for (const g of w.groups ?? []) {
    nodes.push({
      id: FRAME_PREFIX + g.id,
      type: 'frame',
      position: { x: g.position[0], y: g.position[1] },
      width: g.size[0],
      height: g.size[1],
      zIndex: FRAME_Z,
      data: { label: g.label, ...(g.color !== undefined ? { color: g.color } : {}) },
    });
  }
  for (const n of w.nodes) {
    nodes.push({
      id: n.id,
      type: 'flow',
      position: { x: n.position[0], y: n.position[1] },
      data: { type: n.type, params: { ...n.params }, ...(n.label !== undefined ? { label: n.label } : {}) },
    });
  }
  const NOTE_WIDTH = 260;
  for (const note of w.notes) {
    nodes.push({
      id: NOTE_PREFIX + note.id,
      type: 'note',
      position: { x: note.position[0], y: note.position[1] },
      zIndex: NOTE_Z,
      // A note without a saved size gets a fixed width (its text wraps; height follows the text).
      ...(note.size ? { width: note.size[0], height: note.size[1] } : { width: NOTE_WIDTH }),
      data: { text: note.text, ...(note.color !== undefined ? { color: note.color } : {}) },
    });
  }
  const edges: Edge[] = w.edges.map((e) => {
    const from = parsePortRef(e.from),
      to = parsePortRef(e.to);
    const c = { source: from.node, sourceHandle: from.port, target: to.node, targetHandle: to.port };
    return { id: edgeId(c), ...c };
  });
  return { name: w.name, description: w.description ?? '', nodes, edges, inputs: [...(w.inputs ?? [])], translations: w.translations };
}

const round = (v: number) => Math.round(v);
const pos = (n: Node): [number, number] => [round(n.position.x), round(n.position.y)];
const size = (n: Node): [number, number] | undefined => {
  const w = n.width ?? n.measured?.width,
    h = n.height ?? n.measured?.height;
  return w !== undefined && h !== undefined ? [round(w), round(h)] : undefined;
};

/** The workflow file for a canvas. Empty `groups` and `inputs` are left out. */
export function graphToWorkflow(g: GraphState): Workflow {
  const { nodes, edges, name, description, inputs, translations } = g;
  const groups = nodes.filter(isFrameNode).map((n) => ({
    id: n.id.slice(FRAME_PREFIX.length),
    label: n.data.label,
    position: pos(n),
    size: size(n) ?? ([320, 200] as [number, number]),
    ...(n.data.color !== undefined ? { color: n.data.color } : {}),
  }));
  return {
    schema: WORKFLOW_SCHEMA,
    name,
    ...(description ? { description } : {}),
    nodes: nodes.filter(isFlowNode).map((n) => ({
      id: n.id,
      type: n.data.type,
      ...(n.data.label !== undefined ? { label: n.data.label } : {}),
      params: n.data.params,
      position: pos(n),
    })),
    edges: edges.map((e) => ({ from: `${e.source}.${e.sourceHandle}`, to: `${e.target}.${e.targetHandle}` })),
    notes: nodes.filter(isNoteNode).map((n) => {
      const s = n.width !== undefined && n.height !== undefined ? size(n) : undefined;
      return {
        id: n.id.slice(NOTE_PREFIX.length),
        text: n.data.text,
        position: pos(n),
        ...(s ? { size: s } : {}),
        ...(n.data.color !== undefined ? { color: n.data.color } : {}),
      };
    }),
    ...(groups.length ? { groups } : {}),
    ...(inputs.length ? { inputs } : {}),
    ...(translations !== undefined ? { translations } : {}),
  };
}
