/**
 * A small picture of a workflow for the template gallery: boxes for nodes, lines for connections and
 * dots for step notes, scaled into a fixed viewBox. A pure function of the workflow file.
 */
import { parsePortRef, type Workflow } from './workflow';

export interface PreviewRect {
  id: string;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  category: string;
}
export interface PreviewLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface PreviewDot {
  x: number;
  y: number;
}
export interface Preview {
  width: number;
  height: number;
  rects: PreviewRect[];
  lines: PreviewLine[];
  notes: PreviewDot[];
}

/** The size a node and a note take on the canvas (flow units). */
const NODE_W = 220,
  NODE_H = 110,
  NOTE_W = 200,
  NOTE_H = 60;

/** Lays the flow's nodes and edges out in a `width` × `height` box, keeping proportions. */
export function previewOf(workflow: Pick<Workflow, 'nodes' | 'edges' | 'notes'>, width = 240, height = 120, pad = 8): Preview {
  const boxes = [
    ...workflow.nodes.map((n) => ({ x: n.position[0], y: n.position[1], w: NODE_W, h: NODE_H })),
    ...workflow.notes.map((n) => ({ x: n.position[0], y: n.position[1], w: NOTE_W, h: NOTE_H })),
  ];
  if (!boxes.length) return { width, height, rects: [], lines: [], notes: [] };
  const minX = Math.min(...boxes.map((b) => b.x)),
    maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const minY = Math.min(...boxes.map((b) => b.y)),
    maxY = Math.max(...boxes.map((b) => b.y + b.h));
  const scale = Math.min((width - 2 * pad) / (maxX - minX), (height - 2 * pad) / (maxY - minY));
  const offX = pad + (width - 2 * pad - (maxX - minX) * scale) / 2;
  const offY = pad + (height - 2 * pad - (maxY - minY) * scale) / 2;
  const sx = (x: number) => round(offX + (x - minX) * scale);
  const sy = (y: number) => round(offY + (y - minY) * scale);
  const rects: PreviewRect[] = workflow.nodes.map((n) => ({
    id: n.id,
    type: n.type,
    category: n.type.split('.')[0],
    x: sx(n.position[0]),
    y: sy(n.position[1]),
    w: round(NODE_W * scale),
    h: round(NODE_H * 0.6 * scale),
  }));
  const byId = new Map(rects.map((r) => [r.id, r]));
  const lines: PreviewLine[] = [];
  for (const e of workflow.edges) {
    const a = byId.get(parsePortRef(e.from).node),
      b = byId.get(parsePortRef(e.to).node);
    if (a && b) lines.push({ x1: a.x + a.w, y1: round(a.y + a.h / 2), x2: b.x, y2: round(b.y + b.h / 2) });
  }
  const notes = workflow.notes.map((n) => ({ x: sx(n.position[0] + 10), y: sy(n.position[1] + 10) }));
  return { width, height, rects, lines, notes };
}

const round = (v: number) => Math.round(v * 10) / 10;
