/**
 * The first line of defence for files that come from outside (opened, dropped, share links):
 * refuses absurd sizes and depths, and removes keys that could reach an object's prototype.
 * Runs before migrations and zod; never throws.
 */

export const LIMITS = {
  /** Characters of JSON text (about 5 MB). */
  fileChars: 5 * 1024 * 1024,
  nodes: 1000,
  stringChars: 5000,
  depth: 20,
};

/** Keys that can reach or replace a prototype; never kept. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SanitizeResult = { ok: true; value: unknown; removed: string[] } | { ok: false; message: string };

/**
 * Copies a JSON value into fresh plain objects and arrays without forbidden keys, checking depth and
 * string length on the way. `removed` lists the paths of the keys taken out.
 */
export function sanitizeJson(input: unknown): SanitizeResult {
  const removed: string[] = [];
  let problem: string | null = null;
  const walk = (v: unknown, depth: number, path: string): unknown => {
    if (problem) return null;
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringChars)
        problem = `a text at ${path || 'the top'} is ${v.length.toLocaleString('en')} characters long; the limit is ${LIMITS.stringChars.toLocaleString('en')}`;
      return v;
    }
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v !== 'object') return null; // functions, symbols, bigints: not JSON
    if (depth >= LIMITS.depth) {
      problem = `it is nested more than ${LIMITS.depth} levels deep (at ${path || 'the top'})`;
      return null;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, depth + 1, path ? `${path}.${i}` : String(i)));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        removed.push(at);
        continue;
      }
      Object.defineProperty(out, key, {
        value: walk((v as Record<string, unknown>)[key], depth + 1, at),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const value = walk(input, 0, '');
  if (problem) return { ok: false, message: `This workflow file is refused: ${problem}.` };
  const nodes = (value as { nodes?: unknown })?.nodes;
  if (Array.isArray(nodes) && nodes.length > LIMITS.nodes) {
    return {
      ok: false,
      message: `This workflow file is refused: it has ${nodes.length.toLocaleString('en')} nodes; the limit is ${LIMITS.nodes.toLocaleString('en')}.`,
    };
  }
  return { ok: true, value, removed };
}
