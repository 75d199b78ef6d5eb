/**
 * When a param applies: a small, serialisable condition on the values of the node's other params,
 * declared in `.meta({ when })` and read by the generic form (the inspector hides a param that does
 * not apply; its value is kept and saved with the flow). No code, only data, so it survives JSON.
 *
 *   { param: 'strategy', equals: 'fill' }
 *   { param: 'chart', in: ['bar', 'heatmap'] }
 *   { param: 'labels', notIn: [''] }                 // "when a labels column is chosen"
 *   [{ param: 'strategy', equals: 'fill' }, { param: 'fill', equals: 'constant' }]   // all of them
 */

/** A value a condition compares with: what an enum, a number, a flag or a column name can hold. */
export type WhenValue = string | number | boolean;

/** One test on another param's value (exactly one of `equals`, `in`, `notIn`). */
export interface WhenTest {
  param: string;
  equals?: WhenValue;
  in?: readonly WhenValue[];
  notIn?: readonly WhenValue[];
}

/** One test, or a list of tests that must all hold. */
export type When = WhenTest | readonly WhenTest[];

const same = (a: unknown, b: WhenValue) => a === b;

function holds(test: WhenTest, values: Readonly<Record<string, unknown>>): boolean {
  const v = values[test.param];
  if (test.equals !== undefined && !same(v, test.equals)) return false;
  if (test.in && !test.in.some((x) => same(v, x))) return false;
  if (test.notIn?.some((x) => same(v, x))) return false;
  return true;
}

/**
 * Whether a param with this condition applies, given the values of the params (with their
 * defaults filled in). No condition: it always applies.
 */
export function applies(when: When | undefined, values: Readonly<Record<string, unknown>>): boolean {
  if (!when) return true;
  const tests: readonly WhenTest[] = Array.isArray(when) ? when : [when as WhenTest];
  return tests.every((t) => holds(t, values));
}

/** The params a condition reads (to check that they exist). */
export function whenParams(when: When | undefined): string[] {
  if (!when) return [];
  return (Array.isArray(when) ? when : [when as WhenTest]).map((t) => t.param);
}
