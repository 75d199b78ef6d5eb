/**
 * A compact table editor for a list of objects (e.g. the journey lexicon), driven by the item
 * fields derived from the items' JSON schema: enums become selects, numbers number inputs, the
 * rest text inputs. Rows can be filtered, added and removed; long lists are shown a page at a time.
 */
import { useMemo, useState } from 'react';
import type { FieldSpec } from '../../core/contract/form';
import { useT } from '../i18n';

type Row = Record<string, unknown>;
const PAGE = 40;

export function RowsInput({ id, field, value, onChange }: { id: string; field: FieldSpec; value: Row[]; onChange: (v: unknown) => void }) {
  const { t, p } = useT();
  const cols = field.itemFields ?? [];
  const enumCol = cols.find((c) => c.widget === 'enum');
  const [query, setQuery] = useState('');
  const [only, setOnly] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const out: number[] = [];
    value.forEach((row, i) => {
      if (only && enumCol && String(row[enumCol.key]) !== only) return;
      if (q && !cols.some((c) => typeof row[c.key] === 'string' && (row[c.key] as string).toLowerCase().includes(q))) return;
      out.push(i);
    });
    return out;
  }, [value, query, only, cols, enumCol]);
  const set = (i: number, key: string, v: unknown) => onChange(value.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const blank = (): Row =>
    Object.fromEntries(
      cols.map((c) => [
        c.key,
        c.key === enumCol?.key && only
          ? only
          : (c.default ?? (c.widget === 'enum' ? c.options?.[0]?.value : c.widget === 'number' || c.widget === 'integer' ? 0 : '')),
      ]),
    );

  return (
    <div className="af-rows" id={id} role="group">
      <div className="af-row">
        <input
          aria-label="filter"
          placeholder={p({ en: 'Filter…', vi: 'Lọc…' })}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setLimit(PAGE);
          }}
        />
        {enumCol ? (
          <select
            aria-label={p(enumCol.label)}
            value={only}
            onChange={(e) => {
              setOnly(e.target.value);
              setLimit(PAGE);
            }}
          >
            <option value="">{p({ en: 'All', vi: 'Tất cả' })}</option>
            {enumCol.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {p(o.label)}
              </option>
            ))}
          </select>
        ) : null}
        <small>
          {shown.length}/{value.length}
        </small>
      </div>
      <table className="af-rows-table">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.key}>{p(c.label)}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map((i) => (
            <tr key={i} data-testid={`row-${i}`}>
              {cols.map((c) => (
                <td key={c.key}>
                  <Cell field={c} value={value[i][c.key]} onChange={(v) => set(i, c.key, v)} />
                </td>
              ))}
              <td>
                <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label="remove">
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="af-row">
        <button
          type="button"
          onClick={() => {
            onChange([blank(), ...value]);
            setQuery('');
          }}
        >
          {t('addRow')}
        </button>
        {shown.length > limit ? (
          <button type="button" onClick={() => setLimit(limit + PAGE * 5)}>
            {p({ en: `Show more (${shown.length - limit})`, vi: `Xem thêm (${shown.length - limit})` })}
          </button>
        ) : null}
        {field.default !== undefined ? (
          <button type="button" onClick={() => onChange(field.default)}>
            {p({ en: 'Reset to default', vi: 'Khôi phục mặc định' })}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Cell({ field, value, onChange }: { field: FieldSpec; value: unknown; onChange: (v: unknown) => void }) {
  const { p } = useT();
  if (field.widget === 'enum') {
    return (
      <select aria-label={p(field.label)} value={String(value ?? field.default ?? '')} onChange={(e) => onChange(e.target.value)}>
        {field.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {p(o.label)}
          </option>
        ))}
      </select>
    );
  }
  if (field.widget === 'number' || field.widget === 'integer') {
    return (
      <input
        aria-label={p(field.label)}
        type="number"
        className="af-num"
        min={field.min}
        max={field.max}
        step={field.widget === 'integer' ? 1 : 0.5}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(n);
        }}
      />
    );
  }
  if (field.widget === 'boolean')
    return <input aria-label={p(field.label)} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />;
  return <input aria-label={p(field.label)} type="text" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
}
