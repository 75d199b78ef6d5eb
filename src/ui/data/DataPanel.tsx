/**
 * The bottom data panel: the selected node's outputs — tables fetched from the worker as Arrow IPC
 * (virtualised), charts as small JSON values drawn by the chart renderers.
 */
import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import type { ChartSpec } from '../../core/chart';
import type { ColumnSummary } from '../../../workers/summary';
import { ChartView } from '../charts/ChartView';
import { useT } from '../i18n';
import { useStore } from '../store';
import { engineClient } from '../worker-client';
import { VirtualTable } from './VirtualTable';
import { DownloadButton } from './DownloadButton';

type Shown = { kind: 'table'; table: Table; summary: ColumnSummary[] | null } | { kind: 'chart'; spec: ChartSpec } | { kind: 'evicted' };

/** Shown when the worker dropped this table from its cache to stay within memory. */
const EVICTED = {
  en: 'This table was removed from memory to make room for newer results. Run the flow again to recompute it.',
  vi: 'Bảng này đã được xoá khỏi bộ nhớ để nhường chỗ cho kết quả mới hơn. Hãy chạy lại luồng để tính lại.',
};

export function DataPanel() {
  const { t, p } = useT();
  const selected = useStore((s) => s.selected);
  const port = useStore((s) => s.port);
  const status = useStore((s) => (s.selected ? s.status[s.selected] : undefined));
  const runCount = useStore((s) => s.runCount);
  const [data, setData] = useState<Shown | null>(null);
  const outputs = status?.outputs ?? {};
  const ports = Object.keys(outputs);
  // Charts first: a view node's chart is what the analyst came for.
  const preferred = ports.find((n) => outputs[n].kind === 'chart') ?? ports[0];
  const shownPort = ports.includes(port) ? port : preferred;
  const kind = shownPort ? outputs[shownPort]?.kind : undefined;
  const ready = status?.state === 'done' || status?.state === 'stale';

  useEffect(() => {
    let live = true;
    setData(null);
    if (!selected || !shownPort || !ready) return;
    if (kind === 'table') {
      void Promise.all([engineClient.table(selected, shownPort), engineClient.summary(selected, shownPort)]).then(([table, summary]) => {
        if (!live) return;
        if (table) setData({ kind: 'table', table, summary });
        else void engineClient.tableStatus(selected, shownPort).then((s) => { if (live && s === 'evicted') setData({ kind: 'evicted' }); });
      });
    } else {
      void engineClient.value(selected, shownPort).then((value) => {
        if (live && value && value.kind === 'chart') setData({ kind: 'chart', spec: value });
      });
    }
    return () => { live = false; };
  }, [selected, shownPort, kind, ready, runCount]);

  return (
    <section className="af-data" data-testid="data-panel">
      <header className="af-data-head">
        <strong>{t('data')}</strong>
        {selected && <span className="af-node-id">{selected}</span>}
        {ports.length > 1 && ports.map((name) => (
          <button key={name} type="button" className={name === shownPort ? 'af-tab af-tab-on' : 'af-tab'} onClick={() => useStore.getState().setPort(name)} data-testid={`port-tab-${name}`}>{name}</button>
        ))}
        {selected && ready && <DownloadButton nodeId={selected} />}
        {data?.kind === 'table' && <span className="af-hint" data-testid="data-size">{data.table.numRows.toLocaleString()} {t('rows')} × {data.table.numCols} {t('columns')}</span>}
      </header>
      {!selected && <p className="af-hint">{t('noData')}</p>}
      {selected && status?.state === 'error' && status.error && <p className="af-node-error">{p(status.error)}</p>}
      {selected && !ready && status?.state !== 'error' && <p className="af-hint">{t('notRunYet')}</p>}
      {data?.kind === 'evicted' && <p className="af-hint" data-testid="data-evicted">{p(EVICTED)}</p>}
      {data?.kind === 'table' && <VirtualTable key={`${selected}.${shownPort}.${runCount}`} table={data.table} summary={data.summary} />}
      {data?.kind === 'chart' && <ChartView spec={data.spec} />}
    </section>
  );
}
