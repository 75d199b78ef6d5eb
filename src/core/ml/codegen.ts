/**
 * Compiles a generated numeric loop (`new Function`). Returns null where the page forbids
 * run-time code (a Content-Security-Policy without 'unsafe-eval'); callers then use their plain
 * loops, which give the same numbers, only slower.
 */
export function compileLoop<F>(params: string[], body: string): F | null {
  try {
    return new Function(...params, body) as F;
  } catch {
    return null;
  }
}
