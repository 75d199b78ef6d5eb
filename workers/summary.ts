/** Per-column summaries for the data panel, computed in the worker (the page never computes on data). */
import type { Table } from 'apache-arrow';
import { kindOf, toFloat64, type ColumnKind } from '../src/core/table';

export interface ColumnSummary {
  name: string;
  kind: ColumnKind;
  arrow: string;
  missing: number;
  min?: number;
  max?: number;
  mean?: number;
  distinct?: number;
  /** True when there were more distinct values than were counted (`distinct` is then a lower bound). */
  distinctCapped?: boolean;
  /** Most frequent values with counts (text and yes/no columns). */
  top?: { value: string; count: number }[];
}

const DISTINCT_LIMIT = 100_000;

export function summarize(table: Table): ColumnSummary[] {
  return table.schema.fields.map((field, index) => {
    const vector = table.getChildAt(index)!;
    const kind = kindOf(field.type);
    const base = { name: field.name, kind, arrow: String(field.type) };
    if (kind === 'number') {
      const values = toFloat64(vector);
      let min = Infinity, max = -Infinity, sum = 0, n = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v) continue;
        if (v < min) min = v;
        if (v > max) max = v;
        sum += v;
        n++;
      }
      return { ...base, missing: values.length - n, ...(n ? { min, max, mean: sum / n } : {}) };
    }
    const counts = new Map<string, number>();
    let missing = 0;
    for (const value of vector) {
      if (value === null || value === undefined) { missing++; continue; }
      const key = String(value);
      const c = counts.get(key);
      if (c !== undefined) counts.set(key, c + 1);
      else if (counts.size < DISTINCT_LIMIT) counts.set(key, 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([value, count]) => ({ value: value.slice(0, 80), count }));
    return { ...base, missing, distinct: counts.size, ...(counts.size >= DISTINCT_LIMIT ? { distinctCapped: true } : {}), top };
  });
}
