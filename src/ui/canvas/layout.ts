/** Auto-layout with elkjs ('layered', left → right), loaded only when first used. Positions only, never data. */
import type { Edge } from '@xyflow/react';
import type { CanvasNode } from '../store/convert';

/** New top-left positions of the flow nodes (notes and frames stay where they are). */
export async function layoutPositions(nodes: CanvasNode[], edges: Edge[]): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const flow = nodes.filter((n) => n.type === 'flow');
  const ids = new Set(flow.map((n) => n.id));
  const origin = flow.reduce((o, n) => ({ x: Math.min(o.x, n.position.x), y: Math.min(o.y, n.position.y) }), { x: Infinity, y: Infinity });
  const graph = await new ELK().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered', 'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '90',
    },
    children: flow.map((n) => ({ id: n.id, width: n.measured?.width ?? 220, height: n.measured?.height ?? 130 })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const at = Number.isFinite(origin.x) ? origin : { x: 0, y: 0 };
  return Object.fromEntries((graph.children ?? []).map((c) => [c.id, { x: Math.round(at.x + (c.x ?? 0)), y: Math.round(at.y + (c.y ?? 0)) }]));
}
