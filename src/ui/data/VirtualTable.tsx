/** A virtualised table over an Arrow table: only the visible rows are read, so 1M rows scroll smoothly. */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table } from 'apache-arrow';
import { useRef } from 'react';
import type { ColumnSummary } from '../../../workers/summary';
import { useT } from '../i18n';

const ROW = 26;
const COL = 150;

const fmt = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US', { useGrouping: false }) : String(Math.round(v * 1e4) / 1e4);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return String(v);
};

function Summary({ s }: { s: ColumnSummary }) {
  const { t } = useT();
  const num = (x: number | undefined) => (x === undefined ? '—' : fmt(x));
  return (
    <div className="af-summary">
      <span className={`af-kind af-kind-${s.kind}`}>{s.kind}</span>
      {s.missing > 0 && <span> · {s.missing.toLocaleString()} {t('missing')}</span>}
      {s.kind === 'number' && <div>{num(s.min)} … {num(s.max)} · μ {num(s.mean)}</div>}
      {s.distinct !== undefined && <div title={s.top?.map((x) => `${x.value}: ${x.count}`).join('\n')}>{s.distinct.toLocaleString()}{s.distinctCapped ? '+' : ''} {t('distinct')}{s.top?.[0] ? ` · ${s.top[0].value.slice(0, 14)}` : ''}</div>}
    </div>
  );
}

export function VirtualTable({ table, summary }: { table: Table; summary: ColumnSummary[] | null }) {
  const parent = useRef<HTMLDivElement>(null);
  const fields = table.schema.fields;
  const rows = useVirtualizer({ count: table.numRows, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 12 });
  const cols = useVirtualizer({ horizontal: true, count: fields.length, getScrollElement: () => parent.current, estimateSize: () => COL, overscan: 3 });
  const vectors = fields.map((_, i) => table.getChildAt(i)!);
  return (
    <div ref={parent} className="af-vtable" data-testid="data-table" role="grid" aria-rowcount={table.numRows}>
      <div style={{ width: cols.getTotalSize() + 60, height: rows.getTotalSize() + 64, position: 'relative' }}>
        <div className="af-vhead" style={{ width: cols.getTotalSize() + 60 }}>
          <div className="af-vrownum">#</div>
          {cols.getVirtualItems().map((c) => (
            <div key={c.key} className="af-vth" role="columnheader" style={{ left: 60 + c.start, width: COL }} data-col={fields[c.index].name}>
              <div className="af-vth-name" title={fields[c.index].name}>{fields[c.index].name}</div>
              {summary?.[c.index] && <Summary s={summary[c.index]} />}
            </div>
          ))}
        </div>
        {rows.getVirtualItems().map((r) => (
          <div key={r.key} className="af-vrow" role="row" style={{ top: 64 + r.start, height: ROW }}>
            <div className="af-vrownum">{r.index + 1}</div>
            {cols.getVirtualItems().map((c) => (
              <div key={c.key} className="af-vtd" role="gridcell" style={{ left: 60 + c.start, width: COL }} data-col={fields[c.index].name}>
                {fmt(vectors[c.index].get(r.index))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
