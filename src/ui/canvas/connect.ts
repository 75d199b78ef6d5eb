/** Checks a connection at the moment it is made: port kinds, self-loops and cycles, with the reason. */
import type { Connection, Edge } from '@xyflow/react';
import { getNode } from '../../../nodes/index';
import type { Text } from '../../core/text';
import type { CanvasNode } from '../store/graph';

/** Why the connection is refused, or null when it is fine. */
export function checkConnection(c: Connection | Edge, nodes: CanvasNode[], edges: Edge[]): Text | null {
  if (c.source === c.target) return { en: 'A node cannot feed itself.', vi: 'Một nút không thể tự nối vào chính nó.' };
  const source = nodes.find((n) => n.id === c.source), target = nodes.find((n) => n.id === c.target);
  if (!source || !target || source.type !== 'flow' || target.type !== 'flow') return { en: 'Notes have no ports.', vi: 'Ghi chú không có cổng.' };
  const out = getNode(source.data.type)?.outputs.find((p) => p.name === c.sourceHandle);
  const inp = getNode(target.data.type)?.inputs.find((p) => p.name === c.targetHandle);
  if (!out || !inp) return { en: 'Connect an output (right side) to an input (left side).', vi: 'Hãy nối một cổng ra (bên phải) vào một cổng vào (bên trái).' };
  if (out.kind !== inp.kind) {
    return {
      en: `This input expects a ${inp.kind}, but that output gives a ${out.kind}.`,
      vi: `Cổng vào này cần một ${inp.kind === 'table' ? 'bảng' : inp.kind}, nhưng cổng ra kia cho ra một ${out.kind === 'table' ? 'bảng' : out.kind}.`,
    };
  }
  // A cycle appears if the source can already be reached from the target.
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.target === c.target && e.targetHandle === c.targetHandle) continue; // that edge would be replaced
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  const seen = new Set<string>();
  const stack = [c.target!];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === c.source) {
      return {
        en: 'That connection would make a loop (a cycle): data must flow one way, from left to right.',
        vi: 'Kết nối này sẽ tạo một vòng lặp: dữ liệu phải chảy một chiều, từ trái sang phải.',
      };
    }
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return null;
}
