/**
 * The connection rules, shared by the canvas (refusing a connection at the moment it is made) and
 * `validateWorkflow` (the same rules on a whole file): port kinds must match, a node cannot feed
 * itself, and data flows one way (no cycle). Pure: the caller says which ports a node type has.
 */
import type { PortKind } from '../contract/node';
import type { Text } from '../contract/i18n';

/** The ports of a node type, as the registry declares them. */
export interface NodePorts {
  inputs: readonly { name: string; kind: PortKind }[];
  outputs: readonly { name: string; kind: PortKind }[];
}

/** A connection being made: from a node's output handle to another's input handle. */
export interface Wire {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/** A node on the canvas: flow nodes have a type; notes and frames have no ports. */
export interface WireNode {
  id: string;
  type?: string;
  data: object;
}

/** Port kinds in Vietnamese words. */
export const KIND_VI: Record<PortKind, string> = { table: 'bảng', chart: 'biểu đồ', model: 'mô hình' };

/** Whether an output of kind `from` may feed an input of kind `to`. */
export const kindsMatch = (from: PortKind, to: PortKind): boolean => from === to;

/** The reason an output of one kind cannot feed an input of another. */
export function kindMismatch(input: PortKind, output: PortKind): Text {
  return {
    en: `This input expects a ${input}, but that output gives a ${output}.`,
    vi: `Cổng vào này cần một ${KIND_VI[input]}, nhưng cổng ra kia cho ra một ${KIND_VI[output]}.`,
  };
}

/** Whether `to` can be reached from `from` along the edges (a new edge to → from would close a cycle). */
export function reaches(edges: readonly { source: string; target: string }[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/** Why the connection is refused, or null when it is fine. */
export function checkConnection(
  c: Wire,
  nodes: readonly WireNode[],
  edges: readonly Wire[],
  ports: (type: string) => NodePorts | undefined,
): Text | null {
  if (c.source === c.target) return { en: 'A node cannot feed itself.', vi: 'Một nút không thể tự nối vào chính nó.' };
  const source = nodes.find((n) => n.id === c.source),
    target = nodes.find((n) => n.id === c.target);
  if (!source || !target || source.type !== 'flow' || target.type !== 'flow')
    return { en: 'Notes have no ports.', vi: 'Ghi chú không có cổng.' };
  const typeOf = (n: WireNode) => String((n.data as { type?: unknown }).type);
  const out = ports(typeOf(source))?.outputs.find((p) => p.name === c.sourceHandle);
  const inp = ports(typeOf(target))?.inputs.find((p) => p.name === c.targetHandle);
  if (!out || !inp)
    return {
      en: 'Connect an output (right side) to an input (left side).',
      vi: 'Hãy nối một cổng ra (bên phải) vào một cổng vào (bên trái).',
    };
  if (!kindsMatch(out.kind, inp.kind)) return kindMismatch(inp.kind, out.kind);
  // A cycle appears if the source can already be reached from the target. The edge into this
  // input, if any, would be replaced, so it does not count.
  const kept = edges.filter((e) => !(e.target === c.target && e.targetHandle === c.targetHandle));
  if (reaches(kept, c.target, c.source)) {
    return {
      en: 'That connection would make a loop (a cycle): data must flow one way, from left to right.',
      vi: 'Kết nối này sẽ tạo một vòng lặp: dữ liệu phải chảy một chiều, từ trái sang phải.',
    };
  }
  return null;
}
