/**
 * The form of a node's params, derived from its zod schema (via JSON Schema) and `.meta()`:
 * the inspector renders it and the CLI prints it. No node-specific code here.
 */
import { z } from 'zod';
import type { NodeDef, ParamMeta } from './node';
import type { Text } from './i18n';
import { applies, type When } from './when';

export type FieldWidget =
  | 'number'
  | 'integer'
  | 'number-or-auto'
  | 'enum'
  | 'boolean'
  | 'text'
  | 'textarea'
  | 'column'
  | 'columns'
  | 'keyvalue'
  | 'file'
  | 'json'
  | 'conditions'
  | 'choices'
  | 'lexicon';

export interface FieldSpec {
  key: string;
  label: Text;
  help?: Text;
  widget: FieldWidget;
  default: unknown;
  min?: number;
  max?: number;
  options?: { value: string; label: Text }[];
  columnType?: ParamMeta['columnType'];
  /** `conditions`: the operators of a row condition (from the item's `op` enum). */
  operators?: { value: string; label: Text }[];
  /** `lexicon` (rows of objects): one field per property of the items, for a table editor. */
  itemFields?: FieldSpec[];
  /** Input port whose table feeds a column picker. */
  port: string;
  slider?: boolean;
  /** When the field applies (from `.meta({ when })`); absent: always. */
  when?: When;
}

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  properties?: Record<string, JsonSchema>;
} & Partial<ParamMeta>;

function widgetOf(s: JsonSchema): FieldWidget {
  if (
    s.widget === 'column' ||
    s.widget === 'columns' ||
    s.widget === 'keyvalue' ||
    s.widget === 'file' ||
    s.widget === 'textarea' ||
    s.widget === 'conditions' ||
    s.widget === 'lexicon'
  )
    return s.widget;
  if (s.anyOf && s.anyOf.some((a) => a.const === 'auto') && s.anyOf.some((a) => a.type === 'integer' || a.type === 'number'))
    return 'number-or-auto';
  if (s.enum) return 'enum';
  switch (s.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'text';
    case 'object':
      return s.additionalProperties && typeof s.additionalProperties === 'object' && s.additionalProperties.type === 'string'
        ? 'keyvalue'
        : 'json';
    case 'array':
      return s.items?.enum ? 'choices' : s.items?.type === 'string' ? 'columns' : 'json';
    default:
      return 'json';
  }
}

/** The operators of a `conditions` list: the enum of its items' `op` property, with their labels. */
function operatorsOf(s: JsonSchema): { value: string; label: Text }[] {
  const op = s.items?.properties?.op;
  return (op?.enum ?? []).map((v) => ({ value: String(v), label: op?.options?.[String(v)] ?? { en: String(v), vi: String(v) } }));
}

/** The fields of a node type's params form, in declaration order. */
export function paramFields(def: NodeDef): FieldSpec[] {
  const schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([key, s]) => fieldOf(key, s));
}

/** The field of one property (params, or the items of a `lexicon` rows editor). */
function fieldOf(key: string, s: JsonSchema): FieldSpec {
  const numeric = s.anyOf?.find((a) => a.type === 'integer' || a.type === 'number') ?? s;
  const widget = widgetOf(s);
  return {
    key,
    label: s.label ?? { en: key, vi: key },
    help: s.help,
    widget,
    default: s.default,
    min: numeric.minimum ?? numeric.exclusiveMinimum,
    max: numeric.maximum,
    options: (s.enum ?? s.items?.enum)?.map((v) => ({
      value: String(v),
      label: s.options?.[String(v)] ?? { en: String(v), vi: String(v) },
    })),
    columnType: s.columnType,
    port: s.port ?? 'in',
    slider: s.widget === 'slider',
    ...(s.when ? { when: s.when } : {}),
    ...(widget === 'conditions' ? { operators: operatorsOf(s) } : {}),
    ...(widget === 'lexicon' ? { itemFields: Object.entries(s.items?.properties ?? {}).map(([k, p]) => fieldOf(k, p)) } : {}),
  } satisfies FieldSpec;
}

/** The params' values as the node will read them: what is set, else each field's default. */
export function valuesWithDefaults(fields: readonly FieldSpec[], params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.key] = params[f.key] ?? f.default;
  return out;
}

/**
 * The fields that apply to these param values (`when` holds); the others are hidden by the form,
 * and their values stay in the params.
 */
export function visibleFields(fields: readonly FieldSpec[], params: Readonly<Record<string, unknown>>): FieldSpec[] {
  const values = valuesWithDefaults(fields, params);
  return fields.filter((f) => applies(f.when, values));
}
