/** The inspector: the selected node's description and a form derived from its params schema. */
import { useMemo } from 'react';
import { getNode } from '../../../nodes/index';
import { paramFields, visibleFields } from '../../core/contract/form';
import { parseParams } from '../../core/contract/params';
import { nodeLabel } from '../../core/flow/names';
import { useT } from '../i18n';
import { useStore } from '../store';
import { isFlowNode } from '../store/graph';
import { Icon } from '../icons';
import { formats } from '../../core/contract/format';
import { Field } from './fields';
import { columnsFrom, usePreview } from '../preview/state';
import { PREVIEW_TEXTS } from '../preview/texts';

/** The selected node's messages from its last run, in full (the node itself shows two lines of each). */
function NodeMessages({ id }: { id: string }) {
  const { t, p } = useT();
  const s = useStore((st) => st.status[id]);
  const items: { level: 'info' | 'warning' | 'error'; text: string }[] = [
    ...(s?.error && (s.state === 'error' || s.state === 'skipped') ? [{ level: 'error' as const, text: p(s.error) }] : []),
    ...(s?.state === 'done' ? (s.warnings ?? []).map((w) => ({ level: 'warning' as const, text: p(w) })) : []),
    ...(s?.state === 'done' ? (s.infos ?? []).map((w) => ({ level: 'info' as const, text: p(w) })) : []),
  ];
  if (!items.length) return null;
  return (
    <section className="af-messages" data-testid="inspector-messages" aria-label={t('messages')}>
      {items.map((m, i) => (
        <p key={i} className={`af-node-note af-note-${m.level}`} data-level={m.level}>
          <Icon name={m.level} />
          <span>{m.text}</span>
        </p>
      ))}
    </section>
  );
}

export function Inspector() {
  const { t, p, lang } = useT();
  const selected = useStore((s) => s.selected);
  const node = useStore((s) => s.nodes.find((n) => n.id === s.selected));
  const edges = useStore((s) => s.edges);
  const status = useStore((s) => s.status);
  const previewNodes = usePreview((s) => s.nodes);
  const previewRows = usePreview((s) => s.rows);
  const def = node && isFlowNode(node) ? getNode(node.data.type) : undefined;
  const fields = useMemo(() => (def ? paramFields(def) : []), [def]);
  if (!selected || !node || !isFlowNode(node) || !def) {
    return (
      <aside className="af-inspector">
        <h2>{t('inspector')}</h2>
        <p className="af-hint">{t('noSelection')}</p>
      </aside>
    );
  }
  const params = node.data.params;
  const problems = parseParams(def, params);
  /** Columns of the table arriving on an input port: from the last run of the node feeding it, or the preview. */
  const arriving = (port: string) => {
    const edge = edges.find((e) => e.target === node.id && e.targetHandle === port);
    return edge ? columnsFrom(status[edge.source], previewNodes[edge.source], edge.sourceHandle ?? 'out') : null;
  };
  const columnsOf = (port: string) => arriving(port)?.columns ?? null;
  const shownFields = visibleFields(fields, params);
  const fromPreview = shownFields.some(
    (f) => (f.widget === 'column' || f.widget === 'columns' || f.widget === 'conditions') && arriving(f.port)?.preview,
  );
  const set = (key: string, value: unknown) => useStore.getState().updateParams(node.id, { ...params, [key]: value });
  return (
    <aside className="af-inspector" data-testid="inspector">
      {/* The same name as on the canvas: the analyst's label, else the type's title (then named under it). */}
      <h2 data-testid="inspector-title">
        {p(nodeLabel({ id: node.id, label: node.data.label }, def))} <small className="af-node-id">{node.id}</small>
      </h2>
      {node.data.label?.trim() && node.data.label.trim() !== p(def.title) && <p className="af-node-kind">{p(def.title)}</p>}
      <p className="af-desc">{p(def.description)}</p>
      <NodeMessages id={node.id} />
      {fields.length === 0 && <p className="af-hint">{t('noParams')}</p>}
      {fromPreview && (
        <p className="af-hint af-preview-hint" data-testid="inspector-preview-hint">
          {p(PREVIEW_TEXTS.columnsFromPreview).replace('{rows}', formats(lang).int(previewRows))}
        </p>
      )}
      <form onSubmit={(e) => e.preventDefault()}>
        {/* A setting that does not apply to the chosen mode is hidden; its value stays in the flow. */}
        {shownFields.map((f) => (
          <div className="af-field" key={f.key} data-testid={`field-${f.key}`}>
            <label htmlFor={`param-${f.key}`}>{p(f.label)}</label>
            <Field field={f} value={params[f.key]} onChange={(v) => set(f.key, v)} columns={columnsOf(f.port)} />
            {f.help && <small className="af-help">{p(f.help)}</small>}
          </div>
        ))}
      </form>
      {!problems.ok && (
        <ul className="af-problems" role="alert">
          {problems.problems.map((x, i) => (
            <li key={i}>{p(x)}</li>
          ))}
        </ul>
      )}
      <button type="button" className="af-danger" onClick={() => useStore.getState().removeNode(node.id)}>
        {t('delete')}
      </button>
    </aside>
  );
}
