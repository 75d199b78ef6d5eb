/**
 * Undo/redo (zundo) of the graph part of the store: name, description, nodes, edges, template
 * inputs. Selection, run status and positions in the middle of a drag are not tracked; a drag or
 * a resize is recorded as one step when it ends.
 */
import type { Edge, NodeChange } from '@xyflow/react';
import type { TemporalState } from 'zundo';
import type { StoreApi } from 'zustand';
import type { CanvasNode, GraphState } from './convert';

export type Tracked = GraphState;
export const HISTORY_LIMIT = 200;

const stripNode = (n: CanvasNode): CanvasNode => {
  const { selected: _s, dragging: _d, ...rest } = n;
  return rest as CanvasNode;
};
const stripEdge = (e: Edge): Edge => {
  const { selected: _s, ...rest } = e;
  return rest;
};

/** What an undo step remembers. */
export const partialize = (s: GraphState): Tracked => ({
  name: s.name,
  description: s.description,
  inputs: s.inputs,
  translations: s.translations,
  nodes: s.nodes.map(stripNode),
  edges: s.edges.map(stripEdge),
});

/** True when two states differ only in things not worth an undo step (selection, measurements). */
export function sameGraph(a: Tracked, b: Tracked): boolean {
  if (a.name !== b.name || a.description !== b.description || a.inputs !== b.inputs) return false;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i],
      y = b.nodes[i];
    if (
      x.id !== y.id ||
      x.data !== y.data ||
      x.position.x !== y.position.x ||
      x.position.y !== y.position.y ||
      x.width !== y.width ||
      x.height !== y.height
    )
      return false;
  }
  for (let i = 0; i < a.edges.length; i++) if (a.edges[i].id !== b.edges[i].id) return false;
  return true;
}

export type TemporalApi = StoreApi<TemporalState<Tracked>>;

/** The zundo store attached to the app store by the temporal middleware. */
export const temporalOf = (api: unknown): TemporalApi | undefined => (api as { temporal?: TemporalApi }).temporal;

let gesture: Tracked | null = null;

/** Is this change the middle (true) or the end (false) of a drag or resize, or neither (null)? */
const gesturePhase = (c: NodeChange<CanvasNode>): boolean | null => {
  if (c.type === 'position' && c.dragging !== undefined) return c.dragging;
  if (c.type === 'dimensions' && c.resizing !== undefined) return c.resizing;
  return null;
};

/**
 * Wraps one batch of node changes so that a whole drag or resize becomes one undo step:
 * tracking pauses when the gesture starts and the state before it is recorded when it ends.
 */
export function withGesture(api: unknown, state: () => GraphState, changes: NodeChange<CanvasNode>[], apply: () => void): void {
  const temporal = temporalOf(api);
  const phases = changes.map(gesturePhase);
  if (temporal && phases.includes(true) && !gesture) {
    gesture = partialize(state());
    temporal.getState().pause();
  }
  apply();
  if (temporal && gesture && phases.includes(false)) {
    const before = gesture;
    gesture = null;
    const t = temporal.getState();
    if (!sameGraph(before, partialize(state()))) {
      temporal.setState({ pastStates: [...t.pastStates, before].slice(-HISTORY_LIMIT), futureStates: [] });
    }
    t.resume();
  }
}
