/**
 * The bottom data panel: the selected node's outputs — tables fetched from the worker as Arrow IPC
 * pages (the first page at once, the others as they scroll into view; virtualised), with column
 * summaries that the worker computes and sends one column at a time afterwards; charts as small
 * JSON values drawn by the chart renderers.
 */
import { useEffect, useState } from 'react';
import type { ChartSpec } from '../../core/contract/chart';
import type { Model } from '../../core/contract/node';
import type { ColumnSummary } from '../../../workers/summary';
import { ChartView } from '../charts/ChartView';
import { portWord, useT } from '../i18n';
import { useStore } from '../store';
import { engineClient } from '../worker-client';
import { PAGE_ROWS, VirtualTable, type TableSource } from './VirtualTable';
import { DownloadButton } from './DownloadButton';
import { ModelSummary } from './ModelSummary';
import { DATA_TEXTS } from './texts';
import './data.css';
import { formats } from '../../core/contract/format';
import { usePreview } from '../preview/state';
import { PREVIEW_TEXTS } from '../preview/texts';
import { ExportButtons, type Exporter } from '../export/ExportButtons';
import { ReportButton } from '../export/ReportButton';

type Shown =
  | { kind: 'table'; source: TableSource }
  | { kind: 'chart'; spec: ChartSpec }
  | { kind: 'model'; model: Model }
  | { kind: 'evicted' };
/** Column summaries as they arrive (undefined: not yet), and whether all have arrived. */
type Summaries = { columns: (ColumnSummary | undefined)[]; done: boolean };

/** Shown when the worker dropped this table from its cache to stay within memory. */
const EVICTED = {
  en: 'This table was removed from memory to make room for newer results. Run the flow again to recompute it.',
  vi: 'Bảng này đã được xoá khỏi bộ nhớ để nhường chỗ cho kết quả mới hơn. Hãy chạy lại luồng để tính lại.',
};

export function DataPanel() {
  const { t, p, lang } = useT();
  const selected = useStore((s) => s.selected);
  const port = useStore((s) => s.port);
  const status = useStore((s) => (s.selected ? s.status[s.selected] : undefined));
  const runCount = useStore((s) => s.runCount);
  const [data, setData] = useState<Shown | null>(null);
  const [summaries, setSummaries] = useState<Summaries | null>(null);
  const [loading, setLoading] = useState(false);
  const preview = usePreview((s) => (selected ? s.nodes[selected] : undefined));
  const previewVersion = usePreview((s) => s.version);
  const previewRows = usePreview((s) => s.rows);
  const ran = status?.state === 'done' || status?.state === 'stale';
  // Before a run, the preview's tables (the step on the file's first rows); its charts are not shown.
  const from = ran ? 'run' : preview?.outputs ? 'preview' : null;
  const outputs =
    from === 'preview'
      ? Object.fromEntries(Object.entries(preview!.outputs!).filter(([, o]) => o.kind === 'table'))
      : (status?.outputs ?? {});
  // How the chart on show saves itself as PNG / SVG (set by the chart view once it has drawn).
  const [exporter, setExporter] = useState<Exporter | null>(null);
  const flowName = useStore((s) => s.name);
  const ports = Object.keys(outputs);
  // Charts first: a view node's chart is what the analyst came for.
  const preferred = ports.find((n) => outputs[n].kind === 'chart') ?? ports[0];
  const shownPort = ports.includes(port) ? port : preferred;
  const kind = shownPort ? outputs[shownPort]?.kind : undefined;
  const ready = from !== null;

  useEffect(() => {
    let live = true;
    setData(null);
    setSummaries(null);
    setLoading(false);
    if (!selected || !shownPort || !ready) return;
    if (kind === 'table') {
      const node = selected,
        port = shownPort;
      setLoading(true);
      // The first page first: it is small and shows within moments even for a million rows.
      // (The marks let the browser tests say where the time went.)
      performance.mark('af-page-asked');
      void engineClient.page(node, port, 0, PAGE_ROWS, from!).then((first) => {
        performance.mark('af-page-arrived');
        if (!live) return;
        setLoading(false);
        if (!first) {
          void engineClient.tableStatus(node, port).then((st) => {
            if (live && st === 'evicted') setData({ kind: 'evicted' });
          });
          return;
        }
        const load = (offset: number, count: number) => engineClient.page(node, port, offset, count, from!).then((p) => p?.rows ?? null);
        setData({ kind: 'table', source: { total: first.total, fields: first.rows.schema.fields, first: first.rows, load } });
        // Then the summaries, streamed column by column from the worker.
        const columns: (ColumnSummary | undefined)[] = new Array(first.rows.numCols).fill(undefined);
        setSummaries({ columns: columns.slice(), done: false });
        // A column's summary may arrive after the answer that all are done (the callbacks are
        // messages of their own): it must not bring the spinner back.
        let finished = false;
        void engineClient
          .summaries(
            node,
            port,
            (index, summary) => {
              if (!live) return;
              columns[index] = summary;
              setSummaries({ columns: columns.slice(), done: finished });
            },
            from!,
          )
          .then(() => {
            finished = true;
            if (live) setSummaries({ columns: columns.slice(), done: true });
          });
      });
    } else {
      void engineClient.value(selected, shownPort).then((value) => {
        if (live && value && value.kind === 'chart') setData({ kind: 'chart', spec: value });
        if (live && value && value.kind === 'model') setData({ kind: 'model', model: value });
      });
    }
    return () => {
      live = false;
    };
  }, [selected, shownPort, kind, ready, runCount, from, from === 'preview' ? previewVersion : 0]);

  return (
    <section className="af-data" data-testid="data-panel">
      <header className="af-data-head">
        <strong>{t('data')}</strong>
        {selected && <span className="af-node-id">{selected}</span>}
        {ports.length > 1 &&
          ports.map((name) => (
            <button
              key={name}
              type="button"
              className={name === shownPort ? 'af-tab af-tab-on' : 'af-tab'}
              onClick={() => useStore.getState().setPort(name)}
              data-testid={`port-tab-${name}`}
            >
              {portWord(name, lang)}
            </button>
          ))}
        {selected && from === 'run' && <DownloadButton nodeId={selected} />}
        {from === 'preview' && (
          <span className="af-preview-badge" data-testid="preview-badge">
            {p(PREVIEW_TEXTS.previewBadge)}
          </span>
        )}
        {data?.kind === 'chart' && exporter && <ExportButtons exporter={exporter} name={`${flowName}-${selected}-${shownPort}`} />}
        {data?.kind === 'table' && (
          <span className="af-hint" data-testid="data-size">
            {formats(lang).int(data.source.total)} {t('rows')} × {data.source.fields.length} {t('columns')}
          </span>
        )}
        {data?.kind === 'table' && summaries && !summaries.done && (
          <span className="af-loading" data-testid="summaries-computing" role="status">
            <span className="af-spinner" aria-hidden="true" />
            {p(DATA_TEXTS.computingSummaries)}
          </span>
        )}
        <ReportButton />
      </header>
      {!selected && <p className="af-hint">{t('noData')}</p>}
      {selected && status?.state === 'error' && status.error && <p className="af-node-error">{p(status.error)}</p>}
      {selected && !ready && status?.state !== 'error' && <p className="af-hint">{t('notRunYet')}</p>}
      {selected && !ready && status?.state !== 'error' && preview?.error && (
        <p className="af-hint" data-testid="preview-error">
          {p(PREVIEW_TEXTS.previewFailed)} {p(preview.error)}
        </p>
      )}
      {from === 'preview' && data?.kind === 'table' && (
        <p className="af-hint af-preview-note" data-testid="preview-note">
          {p(PREVIEW_TEXTS.previewOf).replace('{rows}', formats(lang).int(previewRows))}
        </p>
      )}
      {loading && (
        <p className="af-loading" data-testid="rows-loading" role="status">
          <span className="af-spinner" aria-hidden="true" />
          {p(DATA_TEXTS.loadingRows)}
        </p>
      )}
      {data?.kind === 'evicted' && (
        <p className="af-hint" data-testid="data-evicted">
          {p(EVICTED)}
        </p>
      )}
      {data?.kind === 'table' && (
        <VirtualTable
          key={`${selected}.${shownPort}.${runCount}.${from}.${previewVersion}`}
          source={data.source}
          summary={summaries?.columns ?? null}
        />
      )}
      {data?.kind === 'chart' && <ChartView spec={data.spec} onExporter={setExporter} />}
      {data?.kind === 'model' && <ModelSummary model={data.model} />}
    </section>
  );
}
