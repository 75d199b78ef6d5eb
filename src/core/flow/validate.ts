/**
 * Graph validation: everything that can be said about a workflow before running it, in plain
 * language that names the node.
 */
import { KIND_VI, kindsMatch } from './connect';
import type { ErrorCode } from '../contract/errors';
import type { NodeDef } from '../contract/node';
import { parseParams } from '../contract/params';
import type { Text } from '../contract/i18n';
import { nodeLabel } from './names';
import { parsePortRef, type Workflow } from './workflow';

export type Registry = (type: string) => NodeDef | undefined;

export type IssueCode =
  | 'duplicate-id'
  | 'unknown-type'
  | 'unknown-node'
  | 'unknown-port'
  | 'kind-mismatch'
  | 'input-taken'
  | 'missing-input'
  | 'cycle'
  | 'invalid-params';

/** A problem found in a workflow (or, for `parse` and `crashed`, with the run as a whole); `node` names the node it is about. */
export interface GraphIssue {
  code: IssueCode | Extract<ErrorCode, 'parse' | 'crashed'>;
  node?: string;
  message: Text;
}

/** A node as messages name it: its label (given name, else its type's title) in each language. */
const nodeName = (w: Workflow, id: string, registry: Registry): Text => {
  const n = w.nodes.find((x) => x.id === id);
  const label = nodeLabel(n ?? { id }, n ? registry(n.type) : undefined);
  return { en: `"${label.en}"`, vi: `"${label.vi}"` };
};

/** Finds one cycle (as a list of node ids, first repeated at the end) or null. */
export function findCycle(nodeIds: string[], edges: { from: string; to: string }[]): string[] | null {
  const next = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const state = new Map<string, 0 | 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const to of next.get(id) ?? []) {
      const s = state.get(to) ?? 0;
      if (s === 1) return [...stack.slice(stack.indexOf(to)), to];
      if (s === 0) {
        const found = visit(to);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of nodeIds)
    if (!state.get(id)) {
      const found = visit(id);
      if (found) return found;
    }
  return null;
}

/** Node ids in an order where every node comes after its inputs (assumes no cycle). */
export function topologicalOrder(workflow: Workflow): string[] {
  const indegree = new Map(workflow.nodes.map((n) => [n.id, 0]));
  const next = new Map<string, string[]>(workflow.nodes.map((n) => [n.id, []]));
  for (const e of workflow.edges) {
    const from = parsePortRef(e.from).node,
      to = parsePortRef(e.to).node;
    if (!indegree.has(from) || !indegree.has(to)) continue;
    next.get(from)!.push(to);
    indegree.set(to, indegree.get(to)! + 1);
  }
  const ready = workflow.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const to of next.get(id)!) {
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    }
  }
  return order;
}

/** Every problem in the workflow; an empty list means it can run. */
export function validateWorkflow(workflow: Workflow, registry: Registry): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const seen = new Set<string>();
  for (const node of workflow.nodes) {
    if (seen.has(node.id)) {
      issues.push({
        code: 'duplicate-id',
        node: node.id,
        message: {
          en: `Two nodes share the id "${node.id}"; each node needs its own.`,
          vi: `Có hai nút cùng mã "${node.id}"; mỗi nút cần một mã riêng.`,
        },
      });
    }
    seen.add(node.id);
    const def = registry(node.type);
    if (!def) {
      issues.push({
        code: 'unknown-type',
        node: node.id,
        message: {
          en: `Node ${nodeName(workflow, node.id, registry).en} is of type "${node.type}", which this version of Audience Flow does not have.`,
          vi: `Nút ${nodeName(workflow, node.id, registry).vi} thuộc loại "${node.type}", phiên bản Audience Flow này không có loại đó.`,
        },
      });
      continue;
    }
    const params = parseParams(def, node.params);
    if (!params.ok) {
      for (const p of params.problems) {
        issues.push({
          code: 'invalid-params',
          node: node.id,
          message: {
            en: `Node ${nodeName(workflow, node.id, registry).en}: ${p.en}`,
            vi: `Nút ${nodeName(workflow, node.id, registry).vi}: ${p.vi}`,
          },
        });
      }
    }
  }
  const byId = new Map(workflow.nodes.map((n) => [n.id, n]));
  const taken = new Map<string, string>();
  const graphEdges: { from: string; to: string }[] = [];
  for (const edge of workflow.edges) {
    const from = parsePortRef(edge.from),
      to = parsePortRef(edge.to);
    const a = byId.get(from.node),
      b = byId.get(to.node);
    if (!a || !b) {
      const missing = !a ? from.node : to.node;
      issues.push({
        code: 'unknown-node',
        node: missing,
        message: {
          en: `A connection ${edge.from} → ${edge.to} refers to a node "${missing}" that is not in the flow.`,
          vi: `Kết nối ${edge.from} → ${edge.to} trỏ tới nút "${missing}" không có trong luồng.`,
        },
      });
      continue;
    }
    graphEdges.push({ from: from.node, to: to.node });
    const defA = registry(a.type),
      defB = registry(b.type);
    if (!defA || !defB) continue;
    const out = defA.outputs.find((p) => p.name === from.port);
    const inp = defB.inputs.find((p) => p.name === to.port);
    if (!out || !inp) {
      const [node, port, list, dir] = !out
        ? [a.id, from.port, defA.outputs, ['output', 'cổng ra']]
        : [b.id, to.port, defB.inputs, ['input', 'cổng vào']];
      issues.push({
        code: 'unknown-port',
        node,
        message: {
          en: `Node ${nodeName(workflow, node, registry).en} has no ${dir[0]} "${port}"; its ${dir[0]}s are ${list.map((p) => `"${p.name}"`).join(', ') || 'none'}.`,
          vi: `Nút ${nodeName(workflow, node, registry).vi} không có ${dir[1]} "${port}"; các ${dir[1]} của nó: ${list.map((p) => `"${p.name}"`).join(', ') || 'không có'}.`,
        },
      });
      continue;
    }
    if (!kindsMatch(out.kind, inp.kind)) {
      issues.push({
        code: 'kind-mismatch',
        node: b.id,
        message: {
          en: `Node ${nodeName(workflow, b.id, registry).en} expects a ${inp.kind} on "${inp.name}", but ${nodeName(workflow, a.id, registry).en} gives a ${out.kind} on "${out.name}".`,
          vi: `Nút ${nodeName(workflow, b.id, registry).vi} cần một ${KIND_VI[inp.kind]} ở "${inp.name}", nhưng ${nodeName(workflow, a.id, registry).vi} cho ra một ${KIND_VI[out.kind]} ở "${out.name}".`,
        },
      });
    }
    if (taken.has(edge.to)) {
      issues.push({
        code: 'input-taken',
        node: b.id,
        message: {
          en: `The input "${to.port}" of node ${nodeName(workflow, b.id, registry).en} has two connections; an input takes one.`,
          vi: `Cổng vào "${to.port}" của nút ${nodeName(workflow, b.id, registry).vi} có hai kết nối; mỗi cổng vào chỉ nhận một.`,
        },
      });
    }
    taken.set(edge.to, edge.from);
  }
  for (const node of workflow.nodes) {
    const def = registry(node.type);
    for (const port of def?.inputs ?? []) {
      if (!port.optional && !taken.has(`${node.id}.${port.name}`)) {
        issues.push({
          code: 'missing-input',
          node: node.id,
          message: {
            en: `Node ${nodeName(workflow, node.id, registry).en} needs something connected to its input "${port.name}".`,
            vi: `Nút ${nodeName(workflow, node.id, registry).vi} cần được nối vào cổng vào "${port.name}".`,
          },
        });
      }
    }
  }
  const cycle = findCycle(
    workflow.nodes.map((n) => n.id),
    graphEdges,
  );
  if (!cycle) issues.push(...rowIssues(workflow, registry));
  if (cycle) {
    issues.push({
      code: 'cycle',
      node: cycle[0],
      message: {
        en: `These nodes form a cycle: ${cycle.join(' → ')}. A flow must go one way; remove one of these connections.`,
        vi: `Các nút này tạo thành một vòng lặp (cycle): ${cycle.join(' → ')}. Luồng phải đi một chiều; hãy bỏ một trong các kết nối này.`,
      },
    });
  }
  return issues;
}

/**
 * Settings that cannot work with the rows that will arrive, when their number is known before a run
 * (a sample's size, passed on by the nodes that declare how many rows they give): k-means asked for
 * more segments than rows, for example. Nodes with invalid settings are left to that problem.
 */
function rowIssues(workflow: Workflow, registry: Registry): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const rows = new Map<string, number | null>();
  const byId = new Map(workflow.nodes.map((n) => [n.id, n]));
  for (const id of topologicalOrder(workflow)) {
    const node = byId.get(id)!;
    const def = registry(node.type);
    const params = def ? parseParams(def, node.params) : null;
    if (!def || !params?.ok) {
      rows.set(id, null);
      continue;
    }
    // Rows of each input: what its source's main output may hold (only the main output `out` is known).
    const inputRows = def.inputs.map((port) => {
      const edge = workflow.edges.find((e) => e.to === `${id}.${port.name}`);
      if (!edge) return null;
      const from = parsePortRef(edge.from);
      return from.port === 'out' ? (rows.get(from.node) ?? null) : null;
    });
    const problem = def.checkRows?.(params.params as never, inputRows) ?? null;
    if (problem)
      issues.push({
        code: 'invalid-params',
        node: id,
        message: {
          en: `Node ${nodeName(workflow, id, registry).en}: ${problem.en}`,
          vi: `Nút ${nodeName(workflow, id, registry).vi}: ${problem.vi}`,
        },
      });
    rows.set(id, def.maxRows?.(params.params as never, inputRows) ?? null);
  }
  return issues;
}
