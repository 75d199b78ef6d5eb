/**
 * Trainer mode's explanation of the current step, in plain language: what the node does, rows in →
 * out, columns added and removed, and the first rows before and after (fetched from the worker).
 */
import { useReactFlow } from '@xyflow/react';
import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import { getNode } from '../../../nodes/index';
import { READABLE_ZOOM } from '../canvas/Canvas';
import { useT } from '../i18n';
import { formats } from '../../core/contract/format';
import { useStore } from '../store';
import { isFlowNode } from '../store/graph';
import { engineClient } from '../worker-client';
import { stepChange } from './explain';
import { SampleTable } from './SampleTable';
import { useTrainer } from './state';

const SAMPLE_ROWS = 5;

export function ExplainPanel() {
  const { t, p, lang } = useT();
  const f = formats(lang);
  const n = (v: number | null) => (v === null ? '—' : f.int(v));
  const current = useTrainer((s) => s.current);
  const order = useTrainer((s) => s.order);
  const busy = useTrainer((s) => s.busy);
  const node = useStore((s) => s.nodes.find((x) => x.id === current));
  const status = useStore((s) => s.status);
  const edges = useStore((s) => s.edges);
  const runCount = useStore((s) => s.runCount);
  const [samples, setSamples] = useState<{ before: Table | null; after: Table | null } | null>(null);
  const state = current ? status[current]?.state : undefined;
  const change = current && state === 'done' ? stepChange(current, edges, status) : null;
  const key = change ? `${change.input?.node}.${change.input?.port}|${change.output?.node}.${change.output?.port}|${runCount}` : '';

  // Each step brings its node into view, in the canvas left of the docked panel (the canvas is
  // resized when the panel appears, so the move waits a frame for the new size).
  const flow = useReactFlow();
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => {
      const node = flow.getInternalNode(current);
      if (!node) return;
      const w = node.measured.width ?? 200,
        h = node.measured.height ?? 100;
      const { x, y } = node.internals.positionAbsolute;
      void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), READABLE_ZOOM), duration: 250 });
    }, 60);
    return () => clearTimeout(timer);
  }, [current, flow]);

  useEffect(() => {
    let live = true;
    setSamples(null);
    if (!change) return;
    void Promise.all([
      change.input ? engineClient.head(change.input.node, change.input.port, SAMPLE_ROWS) : Promise.resolve(null),
      change.output ? engineClient.head(change.output.node, change.output.port, SAMPLE_ROWS) : Promise.resolve(null),
    ]).then(([before, after]) => {
      if (live) setSamples({ before, after });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!current || !node || !isFlowNode(node)) return null;
  const def = getNode(node.data.type);
  const index = order.indexOf(current) + 1;
  return (
    <aside className="af-explain" data-testid="trainer-panel" aria-live="polite">
      <header>
        <small data-testid="trainer-step">{t('stepOf').replace('{n}', f.int(index)).replace('{total}', f.int(order.length))}</small>
        <button type="button" className="af-explain-close" aria-label={t('close')} onClick={() => useTrainer.getState().close()}>
          ×
        </button>
      </header>
      <h3>{node.data.label || p(def?.title)}</h3>
      <h4>{t('whatItDoes')}</h4>
      <p>{p(def?.description)}</p>
      {(busy || state === 'running' || state === 'queued') && <p className="af-hint">{t('running')}</p>}
      {state === 'error' && <p className="af-node-error">{p(status[current]?.error)}</p>}
      {change && (
        <>
          <h4>{t('whatChanged')}</h4>
          <p className="af-explain-rows" data-testid="trainer-rows">
            {change.input
              ? t('rowsInOut').replace('{in}', n(change.rowsIn)).replace('{out}', n(change.rowsOut))
              : t('rowsLoaded').replace('{out}', n(change.rowsOut))}
          </p>
          {change.added.length > 0 && (
            <p data-testid="trainer-added">
              <strong>{t('columnsAdded')}:</strong> {change.added.join(', ')}
            </p>
          )}
          {change.removed.length > 0 && (
            <p data-testid="trainer-removed">
              <strong>{t('columnsRemoved')}:</strong> {change.removed.join(', ')}
            </p>
          )}
          {change.input && !change.added.length && !change.removed.length && <p>{t('noColumnChange')}</p>}
          {status[current]?.cached && (
            <p className="af-hint" data-testid="trainer-cached">
              {t('fromCache')}
            </p>
          )}
          {!change.output && <p className="af-hint">{t('stepFailed')}</p>}
          {samples?.before && (
            <>
              <h4>{t('before')}</h4>
              <SampleTable table={samples.before} testId="trainer-before" />
            </>
          )}
          {samples?.after && (
            <>
              <h4>{t('after')}</h4>
              <SampleTable table={samples.after} highlight={change.added} testId="trainer-after" />
            </>
          )}
        </>
      )}
    </aside>
  );
}
