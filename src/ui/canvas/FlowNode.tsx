/** A node on the canvas: title, ports, and its run status (progress, rows, errors). */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { getNode } from '../../../nodes/index';
import { portWord, useT, type StringKey } from '../i18n';
import { Icon } from '../icons';
import { useStore } from '../store';
import type { FlowNode as FlowNodeType } from '../store/graph';
import { useTrainer } from '../trainer/state';
import { NodeNeeds } from '../safety/NodeNeeds';
import { formats } from '../../core/contract/format';

const PORT_GAP = 24;

/** One message on a node: info (blue), warning (amber) or error (red), each with its own icon. */
function Message({ level, text }: { level: 'info' | 'warning' | 'error'; text: string }) {
  return (
    <div className={`af-node-note af-note-${level}`} data-level={level} title={text} role={level === 'error' ? 'alert' : undefined}>
      <Icon name={level} />
      <span className="af-node-note-text">{text}</span>
    </div>
  );
}

function FlowNodeView({ id, data, selected }: NodeProps<FlowNodeType>) {
  const { t, p, lang } = useT();
  const status = useStore((s) => s.status[id]);
  const stepping = useTrainer((s) => s.current === id);
  const def = getNode(data.type);
  const [draft, setDraft] = useState<string | null>(null);
  if (!def) {
    return (
      <div
        className={`af-node af-node-unknown af-state-error${selected ? ' af-selected' : ''}`}
        data-testid={`node-${id}`}
        data-state="unknown"
      >
        <div className="af-node-head">
          <span className="af-node-title">{data.label || data.type}</span>
          <span className="af-node-id">{id}</span>
        </div>
        <div className="af-node-error" role="alert">
          {t('unknownType').replace('{type}', data.type)}
        </div>
      </div>
    );
  }
  const commit = () => {
    if (draft !== null && draft !== (data.label ?? '')) useStore.getState().renameNode(id, draft.slice(0, 200));
    setDraft(null);
  };
  const state = status?.state ?? 'idle';
  const ports = Math.max(def.inputs.length, def.outputs.length, 1);
  return (
    <div
      className={`af-node af-cat-${def.category} af-state-${state}${selected ? ' af-selected' : ''}${stepping ? ' af-step-current' : ''}`}
      data-testid={`node-${id}`}
      data-state={state}
      style={{ minHeight: 70 + ports * PORT_GAP }}
    >
      <div className="af-node-head">
        {draft !== null ? (
          <input
            className="nodrag af-node-rename"
            data-testid={`rename-${id}`}
            autoFocus
            value={draft}
            maxLength={200}
            placeholder={p(def.title)}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setDraft(null);
            }}
          />
        ) : (
          <span className="af-node-title" onDoubleClick={() => setDraft(data.label ?? p(def.title))}>
            {data.label || p(def.title)}
          </span>
        )}
        <span className="af-node-id">{id}</span>
      </div>
      {def.inputs.map((port, i) => (
        <div key={`in-${port.name}`} className="af-port af-port-in" style={{ top: 44 + i * PORT_GAP }}>
          <Handle
            type="target"
            position={Position.Left}
            id={port.name}
            className={`af-handle af-kind-${port.kind}`}
            data-testid={`handle-${id}-in-${port.name}`}
          />
          <span title={p(port.title)}>
            {portWord(port.name, lang)}
            {port.optional ? '?' : ''}
          </span>
        </div>
      ))}
      {def.outputs.map((port, i) => (
        <div key={`out-${port.name}`} className="af-port af-port-out" style={{ top: 44 + i * PORT_GAP }}>
          <span title={p(port.title)}>{portWord(port.name, lang)}</span>
          <Handle
            type="source"
            position={Position.Right}
            id={port.name}
            className={`af-handle af-kind-${port.kind}`}
            data-testid={`handle-${id}-out-${port.name}`}
          />
        </div>
      ))}
      <div className="af-node-status" data-testid={`status-${id}`}>
        <span className={`af-badge af-badge-${state}`}>{t(`status_${state}` as StringKey)}</span>
        {state === 'done' && status?.rows !== null && status?.rows !== undefined && (
          <span className="af-rows">
            {formats(lang).int(status.rows)} {t('rows')} · {status.cached ? t('cached') : `${Math.round(status.ms ?? 0)} ms`}
          </span>
        )}
        {state === 'running' && (
          <div className="af-progress" title={status?.message ? p(status.message) : undefined}>
            <div className="af-progress-bar" style={{ width: `${Math.round((status?.fraction ?? 0) * 100)}%` }} />
          </div>
        )}
      </div>
      {/* Messages sit under the ports, two lines at most each; the full text is on hover and in the inspector. */}
      <div className="af-node-msgs" style={{ marginTop: ports * PORT_GAP + 16 }}>
        {state === 'running' && status?.message && <div className="af-node-msg">{p(status.message)}</div>}
        {(state === 'error' || state === 'skipped') && status?.error && <Message level="error" text={p(status.error)} />}
        {state === 'done' && status?.infos?.map((w, i) => <Message key={`i${i}`} level="info" text={p(w)} />)}
        {state === 'done' && status?.warnings?.map((w, i) => <Message key={`w${i}`} level="warning" text={p(w)} />)}
        <NodeNeeds id={id} />
      </div>
    </div>
  );
}

export const FlowNode = memo(FlowNodeView);
