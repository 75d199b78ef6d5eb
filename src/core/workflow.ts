/**
 * The workflow file model (`*.flow.json`, schema `audience-flow/workflow@1`), validated with zod at
 * every boundary: opening a file, importing a template, the CLI.
 */
import { z } from 'zod';

export const WORKFLOW_SCHEMA = 'audience-flow/workflow@1';

const idPattern = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const portRefPattern = /^[A-Za-z_][A-Za-z0-9_-]{0,63}\.[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const Position = z.tuple([z.number().finite(), z.number().finite()]);

export const WorkflowNode = z.object({
  id: z.string().regex(idPattern, 'a node id is letters, digits, "_" or "-", starting with a letter'),
  type: z.string().min(1).max(100),
  label: z.string().max(200).optional(),
  params: z.record(z.string().max(100), z.unknown()).default({}),
  position: Position.default([0, 0]),
});

export const WorkflowEdge = z.object({
  from: z.string().regex(portRefPattern, 'an edge end is written NODE_ID.PORT'),
  to: z.string().regex(portRefPattern, 'an edge end is written NODE_ID.PORT'),
});

export const WorkflowNote = z.object({
  text: z.string().max(5000),
  position: Position.default([0, 0]),
});

export const Workflow = z.object({
  schema: z.literal(WORKFLOW_SCHEMA),
  name: z.string().max(200).default('Untitled flow'),
  description: z.string().max(5000).optional(),
  nodes: z.array(WorkflowNode).max(1000),
  edges: z.array(WorkflowEdge).max(5000).default([]),
  notes: z.array(WorkflowNote).max(500).default([]),
});

export type Workflow = z.output<typeof Workflow>;
export type WorkflowNode = z.output<typeof WorkflowNode>;
export type WorkflowEdge = z.output<typeof WorkflowEdge>;

/** Splits `node.port` into its parts. */
export function parsePortRef(ref: string): { node: string; port: string } {
  const dot = ref.lastIndexOf('.');
  return { node: ref.slice(0, dot), port: ref.slice(dot + 1) };
}

export type ParseResult = { ok: true; workflow: Workflow } | { ok: false; message: string };

/** Parses a workflow from JSON text or a value; never throws. */
export function parseWorkflow(input: string | unknown): ParseResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, message: `This is not a workflow file: it is not valid JSON (${(e as Error).message}).` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'This is not a workflow file: it should be a JSON object.' };
  }
  const schema = (value as { schema?: unknown }).schema;
  if (schema !== WORKFLOW_SCHEMA) {
    return {
      ok: false,
      message: typeof schema === 'string' && schema.startsWith('audience-flow/workflow@')
        ? `This workflow file uses "${schema}", which this version of Audience Flow cannot read. Update Audience Flow.`
        : `This is not an Audience Flow workflow file (its "schema" should be "${WORKFLOW_SCHEMA}").`,
    };
  }
  const parsed = Workflow.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The workflow file is damaged at ${issue.path.join('.') || 'the top'}: ${issue.message}.` };
  }
  return { ok: true, workflow: parsed.data };
}
