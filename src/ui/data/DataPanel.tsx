/** The bottom data panel: the selected node's output table, fetched from the worker as Arrow IPC. */
import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import type { ColumnSummary } from '../../../workers/summary';
import { useT } from '../i18n';
import { useStore } from '../store';
import { engineClient } from '../worker-client';
import { VirtualTable } from './VirtualTable';

export function DataPanel() {
  const { t, p } = useT();
  const selected = useStore((s) => s.selected);
  const port = useStore((s) => s.port);
  const status = useStore((s) => (s.selected ? s.status[s.selected] : undefined));
  const runCount = useStore((s) => s.runCount);
  const [data, setData] = useState<{ table: Table; summary: ColumnSummary[] | null } | null>(null);
  const outputs = status?.outputs ?? {};
  const tablePorts = Object.entries(outputs).filter(([, o]) => o.kind === 'table').map(([name]) => name);
  const shownPort = tablePorts.includes(port) ? port : tablePorts[0];
  const ready = status?.state === 'done' || status?.state === 'stale';

  useEffect(() => {
    let live = true;
    setData(null);
    if (!selected || !shownPort || !ready) return;
    Promise.all([engineClient.table(selected, shownPort), engineClient.summary(selected, shownPort)]).then(([table, summary]) => {
      if (live && table) setData({ table, summary });
    });
    return () => { live = false; };
  }, [selected, shownPort, ready, runCount]);

  return (
    <section className="af-data" data-testid="data-panel">
      <header className="af-data-head">
        <strong>{t('data')}</strong>
        {selected && <span className="af-node-id">{selected}</span>}
        {tablePorts.length > 1 && tablePorts.map((name) => (
          <button key={name} type="button" className={name === shownPort ? 'af-tab af-tab-on' : 'af-tab'} onClick={() => useStore.getState().setPort(name)} data-testid={`port-tab-${name}`}>{name}</button>
        ))}
        {data && <span className="af-hint" data-testid="data-size">{data.table.numRows.toLocaleString()} {t('rows')} × {data.table.numCols} {t('columns')}</span>}
      </header>
      {!selected && <p className="af-hint">{t('noData')}</p>}
      {selected && status?.state === 'error' && status.error && <p className="af-node-error">{p(status.error)}</p>}
      {selected && !ready && status?.state !== 'error' && <p className="af-hint">{t('notRunYet')}</p>}
      {data && <VirtualTable key={`${selected}.${shownPort}.${runCount}`} table={data.table} summary={data.summary} />}
    </section>
  );
}
