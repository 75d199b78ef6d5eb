/**
 * The workflow file model (`*.flow.json`, schema `audience-flow/workflow@2`), validated with zod at
 * every boundary: opening a file, importing a template, a share link, the CLI. Older files are
 * migrated first (src/core/migrate.ts); hostile input is filtered first (src/core/sanitize.ts).
 */
import { z } from 'zod';
import { migrate } from './migrate';
import { LIMITS, sanitizeJson } from './sanitize';

export const WORKFLOW_SCHEMA = 'audience-flow/workflow@2';

const idPattern = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const portRefPattern = /^[A-Za-z_][A-Za-z0-9_-]{0,63}\.[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const Id = z.string().regex(idPattern, 'an id is letters, digits, "_" or "-", starting with a letter');

export const Position = z.tuple([z.number().finite(), z.number().finite()]);
/** Width and height in canvas pixels. */
export const Size = z.tuple([z.number().finite().min(20).max(20000), z.number().finite().min(20).max(20000)]);
/** A colour as #rrggbb (never free CSS). */
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

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

/** A sticky note (@2: has an id, optional size and colour). */
export const WorkflowNote = z.object({
  id: Id,
  text: z.string().max(5000),
  position: Position.default([0, 0]),
  size: Size.optional(),
  color: Color.optional(),
});

/** A group frame (@2): a labelled rectangle drawn behind the nodes it surrounds. */
export const WorkflowGroup = z.object({
  id: Id,
  label: z.string().max(200).default(''),
  position: Position,
  size: Size,
  color: Color.optional(),
});

/** A fill-in parameter a template declares (@2): the template form and the CLI ask for it. */
export const TemplateInput = z.object({
  id: Id,
  label: z.object({ en: z.string().max(200), vi: z.string().max(200) }),
  node: Id,
  param: z.string().min(1).max(100),
  kind: z.enum(['file', 'number', 'integer', 'text', 'boolean', 'choice', 'column', 'columns']),
});

/**
 * The texts of a flow in another language (templates; an additive field). The file's own texts are
 * English; the editor shows these when its interface is in that language.
 */
export const FlowTranslation = z.object({
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  /** Note id → text. */
  notes: z.record(z.string().max(100), z.string().max(5000)).optional(),
  /** Node id → label. */
  labels: z.record(z.string().max(100), z.string().max(200)).optional(),
});

const uniqueIds = (what: string) => (list: { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `two ${what} share the id "${x.id}"` });
    seen.add(x.id);
  });
};

export const Workflow = z.object({
  schema: z.literal(WORKFLOW_SCHEMA),
  name: z.string().max(200).default('Untitled flow'),
  description: z.string().max(5000).optional(),
  nodes: z.array(WorkflowNode).max(LIMITS.nodes),
  edges: z.array(WorkflowEdge).max(5000).default([]),
  notes: z.array(WorkflowNote).max(500).superRefine(uniqueIds('notes')).default([]),
  groups: z.array(WorkflowGroup).max(200).superRefine(uniqueIds('groups')).optional(),
  inputs: z.array(TemplateInput).max(100).superRefine(uniqueIds('inputs')).optional(),
  translations: z.object({ vi: FlowTranslation.optional() }).optional(),
  /**
   * Which engine runs the relational nodes: `memory` (Arrow in this process), `duckdb`, or `auto`
   * (DuckDB when an input file is large, see the CLI). Absent = auto. The command line's --engine wins.
   */
  engine: z.enum(['auto', 'memory', 'duckdb']).optional(),
});

export type Workflow = z.output<typeof Workflow>;
export type WorkflowNode = z.output<typeof WorkflowNode>;
export type WorkflowEdge = z.output<typeof WorkflowEdge>;
export type WorkflowNote = z.output<typeof WorkflowNote>;
export type WorkflowGroup = z.output<typeof WorkflowGroup>;
export type TemplateInput = z.output<typeof TemplateInput>;
export type FlowTranslation = z.output<typeof FlowTranslation>;

/** An empty flow of the current schema. */
export const emptyWorkflow = (name = 'Untitled flow'): Workflow => ({ schema: WORKFLOW_SCHEMA, name, nodes: [], edges: [], notes: [] });

/** Splits `node.port` into its parts. */
export function parsePortRef(ref: string): { node: string; port: string } {
  const dot = ref.lastIndexOf('.');
  return { node: ref.slice(0, dot), port: ref.slice(dot + 1) };
}

/**
 * `migratedFrom` names the schema the file had when it was migrated; `warnings` says what was
 * changed on the way in (e.g. a forbidden key removed).
 */
export type ParseResult =
  | { ok: true; workflow: Workflow; migratedFrom: string | null; warnings: string[] }
  | { ok: false; message: string };

/** Parses a workflow from JSON text or a value; never throws. */
export function parseWorkflow(input: string | unknown): ParseResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.length > LIMITS.fileChars) {
      return { ok: false, message: `This workflow file is refused: it is ${(input.length / 1048576).toFixed(1)} MB; the limit is 5 MB.` };
    }
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, message: `This is not a workflow file: it is not valid JSON (${(e as Error).message}).` };
    }
  }
  const clean = sanitizeJson(value);
  if (!clean.ok) return clean;
  value = clean.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'This is not a workflow file: it should be a JSON object.' };
  }
  const migrated = migrate(value as Record<string, unknown>, WORKFLOW_SCHEMA);
  if (!migrated.ok) return migrated;
  const parsed = Workflow.safeParse(migrated.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The workflow file is damaged at ${issue.path.join('.') || 'the top'}: ${issue.message}.` };
  }
  const warnings = clean.removed.map((at) => `Removed "${at}": keys named __proto__, constructor or prototype are not allowed.`);
  if (migrated.from)
    warnings.unshift(
      `Migrated from ${migrated.from.replace('audience-flow/workflow', '')} to ${WORKFLOW_SCHEMA.replace('audience-flow/workflow', '')}.`,
    );
  return { ok: true, workflow: parsed.data, migratedFrom: migrated.from, warnings };
}
