/** One input per param, chosen from the field spec derived from the node's zod schema. */
import { useRef, useState } from 'react';
import type { FieldSpec } from '../../core/contract/form';
import type { ColumnInfo } from '../../core/table/table';
import { keepFile } from '../keep-file';
import { KIND_WORDS, useT } from '../i18n';
import { pick, type Lang } from '../../core/contract/i18n';
import { RowsInput } from './rows-input';
import { Icon } from '../icons';
import { columnMatcher, setShown } from './column-filter';

/** Words of the column checkbox list. */
const COLUMN_TEXTS = {
  filter: { en: 'Filter, or a pattern like Mnt*', vi: 'Lọc, hoặc mẫu như Mnt*' },
  all: { en: 'Select all', vi: 'Chọn tất cả' },
  allShown: { en: 'Select shown', vi: 'Chọn các cột đang hiện' },
  none: { en: 'None', vi: 'Bỏ chọn' },
  count: { en: '{n} of {total} chosen', vi: 'Đã chọn {n}/{total}' },
  noMatch: { en: 'No column matches the filter.', vi: 'Không có cột nào khớp bộ lọc.' },
};

/** The type shown next to a column, in words: `date` for dates, also those written as text or epoch numbers. */
const kindLabel = (c: ColumnInfo, lang: Lang) => pick(KIND_WORDS[c.dates ? 'date' : c.kind] ?? KIND_WORDS.other, lang);

export interface FieldProps {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Columns of the table feeding the picker's port, when known. */
  columns: ColumnInfo[] | null;
}

const fits = (c: ColumnInfo, type: FieldSpec['columnType']) => !type || type === 'any' || type === 'date' || c.kind === type;
/** A date picker lists the columns holding dates first. */
const ordered = (list: ColumnInfo[], type: FieldSpec['columnType']) =>
  type === 'date' ? [...list.filter((c) => c.dates), ...list.filter((c) => !c.dates)] : list;

export function Field({ field, value, onChange, columns }: FieldProps) {
  const { t, p, lang } = useT();
  const id = `param-${field.key}`;
  const v = value ?? field.default;
  switch (field.widget) {
    case 'boolean':
      return <input id={id} type="checkbox" checked={Boolean(v)} onChange={(e) => onChange(e.target.checked)} />;
    case 'enum':
      return (
        <select id={id} value={String(v)} onChange={(e) => onChange(e.target.value)}>
          {field.options!.map((o) => (
            <option key={o.value} value={o.value}>
              {p(o.label)}
            </option>
          ))}
        </select>
      );
    case 'integer':
    case 'number':
      return <NumberInput id={id} field={field} value={v as number} onChange={onChange} />;
    case 'number-or-auto': {
      const auto = v === 'auto';
      return (
        <span className="af-row">
          <NumberInput id={id} field={field} value={auto ? undefined : (v as number)} disabled={auto} onChange={onChange} />
          <label className="af-nowrap" data-testid={`auto-${field.key}`}>
            <input type="checkbox" checked={auto} onChange={(e) => onChange(e.target.checked ? 'auto' : (field.min ?? 2))} /> {t('auto')}
          </label>
        </span>
      );
    }
    case 'column': {
      const fitting = columns?.filter((c) => fits(c, field.columnType));
      const options = fitting && ordered(fitting, field.columnType);
      if (!options) return <input id={id} type="text" value={String(v ?? '')} onChange={(e) => onChange(e.target.value)} />;
      return (
        <select id={id} value={String(v ?? '')} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {!options.some((c) => c.name === v) && v ? <option value={String(v)}>{String(v)} (!)</option> : null}
          {options.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({kindLabel(c, lang)})
            </option>
          ))}
        </select>
      );
    }
    case 'choices':
      return <ChoicesInput id={id} field={field} value={(v as string[]) ?? []} onChange={onChange} />;
    case 'columns':
      return <ColumnsInput id={id} field={field} value={(v as string[]) ?? []} onChange={onChange} columns={columns} />;
    case 'conditions':
      return <ConditionsInput id={id} field={field} value={(v as Condition[]) ?? []} onChange={onChange} columns={columns} />;
    case 'lexicon':
      return <RowsInput id={id} field={field} value={(v as Record<string, unknown>[]) ?? []} onChange={onChange} />;
    case 'keyvalue':
      return <KeyValueInput value={(v as Record<string, string>) ?? {}} onChange={onChange} />;
    case 'file':
      return <FileInput id={id} value={String(v ?? '')} onChange={onChange} />;
    case 'textarea':
      return <textarea id={id} value={String(v ?? '')} onChange={(e) => onChange(e.target.value)} rows={4} />;
    case 'text':
      return <input id={id} type="text" value={String(v ?? '')} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <JsonInput id={id} value={v} onChange={onChange} />;
  }
}

function NumberInput({
  id,
  field,
  value,
  onChange,
  disabled,
}: {
  id: string;
  field: FieldSpec;
  value: number | undefined;
  onChange: (v: unknown) => void;
  disabled?: boolean;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (value === undefined || value === null ? '' : String(value));
  return (
    <input
      id={id}
      type="number"
      value={shown}
      disabled={disabled}
      min={field.min}
      max={field.max}
      step={field.widget === 'integer' ? 1 : 'any'}
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(n);
      }}
      onBlur={() => setText(null)}
    />
  );
}

function ColumnsInput({
  id,
  field,
  value,
  onChange,
  columns,
}: {
  id: string;
  field: FieldSpec;
  value: string[];
  onChange: (v: unknown) => void;
  columns: ColumnInfo[] | null;
}) {
  const { t, p, lang } = useT();
  const [filter, setFilter] = useState('');
  if (!columns) {
    return (
      <>
        <input
          id={id}
          type="text"
          value={value.join(', ')}
          onChange={(e) =>
            onChange(
              e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        />
        <small className="af-help">{t('runColumnsFirst')}</small>
      </>
    );
  }
  const options = columns.filter((c) => fits(c, field.columnType));
  const toggle = (name: string, on: boolean) => onChange(on ? [...value, name] : value.filter((x) => x !== name));
  const match = columnMatcher(filter);
  const shown = options.filter((c) => match(c.name));
  const names = options.map((c) => c.name);
  const pick = (on: boolean) =>
    onChange(
      setShown(
        value,
        shown.map((c) => c.name),
        on,
        names,
      ),
    );
  const picked = value.filter((n) => names.includes(n)).length;
  return (
    <div className="af-columns-box">
      {options.length > 6 && (
        <input
          type="search"
          className="af-columns-filter"
          data-testid={`filter-${field.key}`}
          aria-label={p(COLUMN_TEXTS.filter)}
          placeholder={p(COLUMN_TEXTS.filter)}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <div className="af-row af-columns-tools">
        <button type="button" data-testid={`all-${field.key}`} onClick={() => pick(true)} disabled={!shown.length}>
          {p(filter.trim() ? COLUMN_TEXTS.allShown : COLUMN_TEXTS.all)}
        </button>
        <button type="button" data-testid={`none-${field.key}`} onClick={() => pick(false)} disabled={!value.length}>
          {p(COLUMN_TEXTS.none)}
        </button>
        <small data-testid={`count-${field.key}`}>
          {p(COLUMN_TEXTS.count).replace('{n}', String(picked)).replace('{total}', String(options.length))}
        </small>
      </div>
      <div className="af-columns" id={id} role="group">
        {value
          .filter((name) => !options.some((c) => c.name === name))
          .map((name) => (
            <label key={name} className="af-missing-col">
              <input type="checkbox" checked onChange={() => toggle(name, false)} /> {name} <Icon name="warning" className="af-icon-warn" />
            </label>
          ))}
        {shown.map((c) => (
          <label key={c.name}>
            <input type="checkbox" checked={value.includes(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} /> {c.name}{' '}
            <small>{kindLabel(c, lang)}</small>
          </label>
        ))}
        {!shown.length && <small className="af-help">{p(COLUMN_TEXTS.noMatch)}</small>}
      </div>
    </div>
  );
}

/** Several of a fixed list of options (an array of an enum), kept in the options' order. */
function ChoicesInput({ id, field, value, onChange }: { id: string; field: FieldSpec; value: string[]; onChange: (v: unknown) => void }) {
  const { p } = useT();
  const options = field.options ?? [];
  const toggle = (name: string, on: boolean) => onChange(options.map((o) => o.value).filter((o) => (o === name ? on : value.includes(o))));
  return (
    <div className="af-columns" id={id} role="group">
      {options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} /> {p(o.label)}
        </label>
      ))}
    </div>
  );
}

function KeyValueInput({ value, onChange }: { value: Record<string, string>; onChange: (v: unknown) => void }) {
  const { t } = useT();
  const entries = Object.entries(value);
  const update = (list: [string, string][]) => onChange(Object.fromEntries(list.filter(([k]) => k !== '')));
  return (
    <div className="af-kv">
      {entries.map(([k, v], i) => (
        <div key={i} className="af-row">
          <input value={k} onChange={(e) => update(entries.map((x, j) => (j === i ? [e.target.value, x[1]] : x)))} />
          <span>→</span>
          <input value={v} onChange={(e) => update(entries.map((x, j) => (j === i ? [x[0], e.target.value] : x)))} />
          <button type="button" onClick={() => update(entries.filter((_, j) => j !== i))} aria-label="remove">
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ ...value, [`column${entries.length + 1}`]: '' })}>
        {t('addRow')}
      </button>
    </div>
  );
}

type Condition = { column: string; op: string; value: string };

/** A list of row conditions: column picker, operator, value; rows can be added and removed. */
function ConditionsInput({
  id,
  field,
  value,
  onChange,
  columns,
}: {
  id: string;
  field: FieldSpec;
  value: Condition[];
  onChange: (v: unknown) => void;
  columns: ColumnInfo[] | null;
}) {
  const { t, p } = useT();
  const ops = field.operators ?? [];
  const set = (i: number, patch: Partial<Condition>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const noValue = (op: string) => op.startsWith('is ');
  return (
    <div className="af-conditions" id={id} role="group">
      {value.map((c, i) => (
        <div key={i} className="af-row" data-testid={`condition-${i}`}>
          {columns ? (
            <select aria-label="column" value={c.column} onChange={(e) => set(i, { column: e.target.value })}>
              <option value="">—</option>
              {!columns.some((x) => x.name === c.column) && c.column ? <option value={c.column}>{c.column} (!)</option> : null}
              {columns.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          ) : (
            <input aria-label="column" value={c.column} onChange={(e) => set(i, { column: e.target.value })} />
          )}
          <select aria-label="operator" value={c.op} onChange={(e) => set(i, { op: e.target.value })}>
            {ops.map((o) => (
              <option key={o.value} value={o.value}>
                {p(o.label)}
              </option>
            ))}
          </select>
          {!noValue(c.op) && <input aria-label="value" value={c.value} onChange={(e) => set(i, { value: e.target.value })} />}
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label="remove">
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, { column: columns?.[0]?.name ?? '', op: ops[0]?.value ?? '=', value: '' }])}>
        {t('addRow')}
      </button>
    </div>
  );
}

function FileInput({ id, value, onChange }: { id: string; value: string; onChange: (v: unknown) => void }) {
  const { t } = useT();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <span className="af-row">
      <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} />
      <button type="button" onClick={() => ref.current?.click()}>
        {t('chooseFile')}
      </button>
      <input
        ref={ref}
        type="file"
        hidden
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          if (!(await keepFile(file))) return;
          onChange(file.name);
        }}
      />
    </span>
  );
}

function JsonInput({ id, value, onChange }: { id: string; value: unknown; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(JSON.stringify(value ?? null));
  return (
    <input
      id={id}
      type="text"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        try {
          onChange(JSON.parse(e.target.value));
        } catch {
          /* keep typing */
        }
      }}
    />
  );
}
