/**
 * What a step changed, from the run's metadata only (row counts and column names the worker
 * reported): rows in → out, columns added and removed, and where to fetch the before/after samples.
 */
import type { Edge } from '@xyflow/react';
import type { OutputInfo } from '../../../workers/engine';
import type { NodeStatus } from '../store/run';

export interface PortRef {
  node: string;
  port: string;
}

export interface StepChange {
  /** The table flowing into the node's main input, when it has one. */
  input: PortRef | null;
  /** The node's main table output, when it has one. */
  output: PortRef | null;
  rowsIn: number | null;
  rowsOut: number | null;
  added: string[];
  removed: string[];
}

const mainTablePort = (outputs: Record<string, OutputInfo> | undefined): string | null => {
  if (!outputs) return null;
  if (outputs.out?.kind === 'table') return 'out';
  return Object.keys(outputs).find((k) => outputs[k].kind === 'table') ?? null;
};

/** The change made by node `id` in the last run. */
export function stepChange(id: string, edges: Edge[], status: Record<string, NodeStatus>): StepChange {
  const into = edges.filter((e) => e.target === id);
  const edge = into.find((e) => e.targetHandle === 'in') ?? into[0];
  const input = edge ? { node: edge.source, port: edge.sourceHandle ?? 'out' } : null;
  const inInfo = input ? status[input.node]?.outputs?.[input.port] : undefined;
  const outPort = mainTablePort(status[id]?.outputs);
  const outInfo = outPort ? status[id]?.outputs?.[outPort] : undefined;
  const before = inInfo?.columns?.map((c) => c.name) ?? [];
  const after = outInfo?.columns?.map((c) => c.name) ?? [];
  return {
    input: inInfo?.kind === 'table' ? input : null,
    output: outPort ? { node: id, port: outPort } : null,
    rowsIn: inInfo?.rows ?? null,
    rowsOut: outInfo?.rows ?? null,
    added: input && inInfo ? after.filter((c) => !before.includes(c)) : [],
    removed: outInfo ? before.filter((c) => !after.includes(c)) : [],
  };
}
