/**
 * The filter box of a column checkbox list: plain text matches anywhere in the name (ignoring
 * case); with `*` (any characters) or `?` (one character) it is a pattern on the whole name, so
 * "Mnt*" matches MntWines and MntFruits but not AmntX.
 */
export function columnMatcher(filter: string): (name: string) => boolean {
  const f = filter.trim();
  if (!f) return () => true;
  if (!/[*?]/.test(f)) {
    const lower = f.toLowerCase();
    return (name) => name.toLowerCase().includes(lower);
  }
  const source = f
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${source}$`, 'i');
  return (name) => re.test(name);
}

/** The new selection after "select all shown" (`on`) or "none of those shown" (`!on`), keeping list order. */
export function setShown(selected: readonly string[], shown: readonly string[], on: boolean, order: readonly string[]): string[] {
  const shownSet = new Set(shown);
  if (!on) return selected.filter((n) => !shownSet.has(n));
  const next = new Set([...selected, ...shown]);
  // Columns keep the table's order; names not in the table (missing columns) stay first, as they were.
  return [...selected.filter((n) => !order.includes(n)), ...order.filter((n) => next.has(n))];
}
