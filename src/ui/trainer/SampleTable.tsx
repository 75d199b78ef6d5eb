/** A few rows of an Arrow table (the trainer's before/after sample), highlighting given columns. */
import type { Table } from 'apache-arrow';

const show = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

export function SampleTable({ table, highlight = [], testId }: { table: Table; highlight?: string[]; testId: string }) {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i)!);
  return (
    <div className="af-sample" data-testid={testId}>
      <table>
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f.name} className={highlight.includes(f.name) ? 'af-sample-new' : undefined}>
                {f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: table.numRows }, (_, r) => (
            <tr key={r}>
              {columns.map((c, i) => (
                <td key={fields[i].name} className={highlight.includes(fields[i].name) ? 'af-sample-new' : undefined}>
                  {show(c.get(r))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
