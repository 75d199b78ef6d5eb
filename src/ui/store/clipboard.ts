/**
 * Copy and paste of a selection, as pure functions. The clipboard holds an ordinary workflow file
 * (so a paste is validated like any import); pasted nodes get new ids and an offset and keep the
 * connections between them.
 */
import type { Edge } from '@xyflow/react';
import type { Workflow } from '../../core/flow/workflow';
import { FRAME_PREFIX, NOTE_PREFIX, edgeId, graphToWorkflow, workflowToGraph, type CanvasNode, type GraphState } from './convert';
import { newNodeId } from './graph';

/** The selected nodes, notes and frames with the connections among them, or null when nothing is selected. */
export function selectionToClip(g: GraphState): Workflow | null {
  const nodes = g.nodes.filter((n) => n.selected);
  if (!nodes.length) return null;
  const ids = new Set(nodes.map((n) => n.id));
  const edges = g.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return graphToWorkflow({ name: 'Audience Flow clipboard', description: '', nodes, edges, inputs: [] });
}

/** A fresh id "base-N" not in `taken` (notes and frames). */
const freshId = (base: string, taken: Set<string>) => {
  for (let i = 1; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
};

/** The canvas nodes and edges to add for a clip, with new ids, moved by `offset`, selected. */
export function clipToGraph(
  clip: Workflow,
  existing: CanvasNode[],
  offset: { x: number; y: number },
): { nodes: CanvasNode[]; edges: Edge[] } {
  const g = workflowToGraph(clip);
  const taken = new Set(existing.map((n) => n.id));
  const rename = new Map<string, string>();
  const nodes = g.nodes.map((n): CanvasNode => {
    let id: string;
    if (n.type === 'flow') id = newNodeId(n.data.type, taken);
    else {
      const prefix = n.type === 'note' ? NOTE_PREFIX : FRAME_PREFIX;
      const ownIds = new Set([...taken].filter((x) => x.startsWith(prefix)).map((x) => x.slice(prefix.length)));
      id = prefix + freshId(n.type, ownIds);
    }
    taken.add(id);
    rename.set(n.id, id);
    return { ...n, id, selected: true, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } } as CanvasNode;
  });
  const edges = g.edges.map((e) => {
    const c = { source: rename.get(e.source)!, sourceHandle: e.sourceHandle, target: rename.get(e.target)!, targetHandle: e.targetHandle };
    return { id: edgeId(c), ...c };
  });
  return { nodes, edges };
}
