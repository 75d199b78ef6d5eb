/**
 * Migrations of workflow files: an ordered list of steps, each turning the JSON of one schema
 * version into the next. `parseWorkflow` runs them before zod validation, so old files keep
 * opening after the format moves on. A step only reshapes JSON; it never runs user content.
 */

/** One step: `up` receives a JSON object of schema `from` and returns one of schema `to`. */
export interface Migration {
  from: string;
  to: string;
  /** What changed, in one line (shown in the README and in messages). */
  what: string;
  up: (json: Record<string, unknown>) => Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MIGRATIONS: Migration[] = [
  {
    from: 'audience-flow/workflow@1',
    to: 'audience-flow/workflow@2',
    what: 'notes get an id (note-1, note-2, …); optional template inputs and group frames',
    up: (json) => {
      const notes = Array.isArray(json.notes)
        ? json.notes.map((n, i) => (isObject(n) && n.id === undefined ? { id: `note-${i + 1}`, ...n } : n))
        : json.notes;
      return { ...json, schema: 'audience-flow/workflow@2', ...(notes === undefined ? {} : { notes }) };
    },
  },
];

/** Notes written by hand without an id get one (note-1, note-2, … not already taken). */
function withNoteIds(json: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(json.notes) || json.notes.every((n) => !isObject(n) || n.id !== undefined)) return json;
  const taken = new Set(json.notes.map((n) => (isObject(n) ? n.id : undefined)));
  let k = 0;
  const next = () => {
    do k++;
    while (taken.has(`note-${k}`));
    return `note-${k}`;
  };
  return { ...json, notes: json.notes.map((n) => (isObject(n) && n.id === undefined ? { id: next(), ...n } : n)) };
}

export type MigrateResult = { ok: true; value: Record<string, unknown>; from: string | null } | { ok: false; message: string };

/**
 * Brings a workflow JSON object to `target` by applying the steps in order. `from` is the schema
 * the file had when it needed migrating, else null. An unknown version is refused with a message.
 */
export function migrate(json: Record<string, unknown>, target: string, steps: Migration[] = MIGRATIONS): MigrateResult {
  const start = json.schema;
  let value = json;
  for (let guard = 0; value.schema !== target; guard++) {
    const step = steps.find((s) => s.from === value.schema);
    if (!step || guard > steps.length) {
      const schema = value.schema;
      return {
        ok: false,
        message:
          typeof schema === 'string' && schema.startsWith('audience-flow/workflow@')
            ? `This workflow file uses "${schema}", which this version of Audience Flow cannot read. Update Audience Flow.`
            : `This is not an Audience Flow workflow file (its "schema" should be "${target}").`,
      };
    }
    value = step.up(value);
  }
  return { ok: true, value: withNoteIds(value), from: start === target ? null : String(start) };
}
