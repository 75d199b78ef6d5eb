/** Auto-layout with elkjs ('layered', left → right), loaded only when first used. Positions only, never data. */
import type { Edge } from '@xyflow/react';
import type { CanvasNode } from '../store/convert';

/** New top-left positions of the flow nodes, and of the notes, which follow their nearest node (frames stay where they are). */
export async function layoutPositions(nodes: CanvasNode[], edges: Edge[]): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const flow = nodes.filter((n) => n.type === 'flow');
  const ids = new Set(flow.map((n) => n.id));
  const origin = flow.reduce((o, n) => ({ x: Math.min(o.x, n.position.x), y: Math.min(o.y, n.position.y) }), { x: Infinity, y: Infinity });
  const graph = await new ELK().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
    },
    children: flow.map((n) => ({ id: n.id, width: n.measured?.width ?? 220, height: n.measured?.height ?? 130 })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const at = Number.isFinite(origin.x) ? origin : { x: 0, y: 0 };
  const moved: Record<string, { x: number; y: number }> = Object.fromEntries(
    (graph.children ?? []).map((c) => [c.id, { x: Math.round(at.x + (c.x ?? 0)), y: Math.round(at.y + (c.y ?? 0)) }]),
  );
  // A note explains the node nearest to it: it moves with that node instead of ending up on top of another.
  for (const note of nodes.filter((n) => n.type === 'note')) {
    let near: CanvasNode | null = null;
    let best = Infinity;
    for (const n of flow) {
      const d = Math.hypot(n.position.x - note.position.x, n.position.y - note.position.y);
      if (d < best && moved[n.id]) {
        best = d;
        near = n;
      }
    }
    if (near)
      moved[note.id] = { x: note.position.x + moved[near.id].x - near.position.x, y: note.position.y + moved[near.id].y - near.position.y };
  }
  return moved;
}
