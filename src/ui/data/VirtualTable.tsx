/**
 * A virtualised table over a table that stays in the worker: rows come in pages of `PAGE_ROWS`
 * (Arrow IPC slices), fetched when they scroll into view; only the visible rows are read, so
 * 1M rows scroll smoothly and the first page shows at once. Column summaries arrive separately.
 * Rows have one fixed height, so the visible ones follow from the scroll position alone (no
 * measurement object per row, which for a million rows cost seconds before the first draw).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Field, Table } from 'apache-arrow';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ColumnSummary } from '../../../workers/summary';
import { KIND_WORDS, useT } from '../i18n';
import { pick } from '../../core/contract/i18n';
import { DATA_TEXTS } from './texts';
import { formats } from '../../core/contract/format';

const ROW = 26;
const COL = 150;
/** Rows per page fetched from the worker. */
export const PAGE_ROWS = 200;
/** Pages kept in memory; the farthest from the view are dropped beyond it. */
const KEEP_PAGES = 40;
/** Rows drawn above and below the visible ones. */
const OVERSCAN = 12;

const fmt = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number')
    return Number.isInteger(v) ? v.toLocaleString('en-US', { useGrouping: false }) : String(Math.round(v * 1e4) / 1e4);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return String(v);
};

function Summary({ s }: { s: ColumnSummary }) {
  const { t, lang } = useT();
  const f = formats(lang);
  // Summaries keep three significant digits in the page's language: "μ 15.1", not "μ 15.0585".
  const num = (x: number | undefined) => (x === undefined ? '—' : f.num(x));
  return (
    <div className="af-summary" data-testid="column-summary">
      <span className={`af-kind af-kind-${s.kind}`}>{KIND_WORDS[s.kind] ? pick(KIND_WORDS[s.kind], lang) : s.kind}</span>
      {s.missing > 0 && (
        <span>
          {' '}
          · {f.int(s.missing)} {t('missing')}
        </span>
      )}
      {s.kind === 'number' && (
        <div>
          {num(s.min)} … {num(s.max)} · μ {num(s.mean)}
        </div>
      )}
      {s.distinct !== undefined && (
        <div title={s.top?.map((x) => `${x.value}: ${x.count}`).join('\n')}>
          {f.int(s.distinct)}
          {s.distinctCapped ? '+' : ''} {t('distinct')}
          {s.top?.[0] ? ` · ${s.top[0].value.slice(0, 14)}` : ''}
        </div>
      )}
    </div>
  );
}

export interface TableSource {
  /** Rows of the whole table. */
  total: number;
  fields: Field[];
  /** The first page, already fetched. */
  first: Table;
  /** Fetches rows [offset, offset + count). */
  load: (offset: number, count: number) => Promise<Table | null>;
}

export function VirtualTable({ source, summary }: { source: TableSource; summary: (ColumnSummary | undefined)[] | null }) {
  const { p } = useT();
  const parent = useRef<HTMLDivElement>(null);
  const { fields, total } = source;
  const [pages, setPages] = useState<Map<number, Table>>(() => new Map([[0, source.first]]));
  const asked = useRef(new Set<number>([0]));
  const [view, setView] = useState({ top: 0, height: 600 });
  useLayoutEffect(() => {
    const el = parent.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  const cols = useVirtualizer({
    horizontal: true,
    count: fields.length,
    getScrollElement: () => parent.current,
    estimateSize: () => COL,
    overscan: 3,
  });
  const startRow = Math.max(0, Math.min(total, Math.floor(Math.max(0, view.top - 64) / ROW) - OVERSCAN));
  const endRow = Math.min(total, Math.ceil((view.top + view.height) / ROW) + OVERSCAN);
  const visible = Array.from({ length: Math.max(0, endRow - startRow) }, (_, i) => startRow + i);
  const firstPage = Math.floor(startRow / PAGE_ROWS);
  const lastPage = Math.floor(Math.max(startRow, endRow - 1) / PAGE_ROWS);

  useEffect(() => {
    let live = true;
    for (let page = firstPage; page <= lastPage; page++) {
      if (asked.current.has(page)) continue;
      asked.current.add(page);
      void source.load(page * PAGE_ROWS, PAGE_ROWS).then((t) => {
        if (!live || !t) {
          asked.current.delete(page);
          return;
        }
        setPages((old) => {
          const next = new Map(old).set(page, t);
          if (next.size > KEEP_PAGES) {
            const far = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page)).slice(0, next.size - KEEP_PAGES);
            for (const f of far) {
              next.delete(f);
              asked.current.delete(f);
            }
          }
          return next;
        });
      });
    }
    return () => {
      live = false;
    };
  }, [firstPage, lastPage, source]);

  const cell = (row: number, col: number): string | null => {
    const page = pages.get(Math.floor(row / PAGE_ROWS));
    return page ? fmt(page.getChildAt(col)?.get(row % PAGE_ROWS)) : null;
  };
  return (
    <div ref={parent} className="af-vtable" data-testid="data-table" role="grid" aria-rowcount={total}>
      <div style={{ width: cols.getTotalSize() + 60, height: total * ROW + 64, position: 'relative' }}>
        <div className="af-vhead" style={{ width: cols.getTotalSize() + 60 }}>
          <div className="af-vrownum">#</div>
          {cols.getVirtualItems().map((c) => (
            <div
              key={c.key}
              className="af-vth"
              role="columnheader"
              style={{ left: 60 + c.start, width: COL }}
              data-col={fields[c.index].name}
            >
              <div className="af-vth-name" title={fields[c.index].name}>
                {fields[c.index].name}
              </div>
              {summary?.[c.index] ? (
                <Summary s={summary[c.index]!} />
              ) : (
                summary && (
                  <div className="af-summary af-loading" data-testid="summary-pending">
                    <span className="af-spinner" aria-hidden="true" />
                    {p(DATA_TEXTS.summaryPending)}
                  </div>
                )
              )}
            </div>
          ))}
        </div>
        {visible.map((r) => (
          <div key={r} className="af-vrow" role="row" style={{ top: 64 + r * ROW, height: ROW }}>
            <div className="af-vrownum">{r + 1}</div>
            {cols.getVirtualItems().map((c) => {
              const v = cell(r, c.index);
              return (
                <div
                  key={c.key}
                  className={v === null ? 'af-vtd af-vtd-wait' : 'af-vtd'}
                  role="gridcell"
                  style={{ left: 60 + c.start, width: COL }}
                  data-col={fields[c.index].name}
                >
                  {v ?? '…'}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
