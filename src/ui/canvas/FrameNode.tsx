/** A group frame: a labelled rectangle behind the nodes, resizable when selected; double-click the title to rename. */
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { useState } from 'react';
import { useT } from '../i18n';
import { useStore } from '../store';
import type { FrameNode } from '../store/convert';

export function FrameNodeView({ id, data, selected }: NodeProps<FrameNode>) {
  const { t } = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== data.label) useStore.getState().updateFrame(id, { label: draft.slice(0, 200) });
    setDraft(null);
  };
  return (
    <div className="af-frame" data-testid={`frame-${id}`} style={data.color ? { borderColor: data.color } : undefined}>
      <NodeResizer isVisible={selected} minWidth={160} minHeight={100} />
      <div className="af-frame-label" onDoubleClick={() => setDraft(data.label)}>
        {draft !== null ? (
          <input
            className="nodrag"
            autoFocus
            value={draft}
            maxLength={200}
            aria-label={t('frameLabel')}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setDraft(null);
            }}
          />
        ) : (
          data.label || t('frameLabel')
        )}
      </div>
      {selected && draft === null && (
        <button
          type="button"
          className="af-item-delete nodrag"
          title={t('deleteItem')}
          aria-label={t('deleteItem')}
          onClick={() => useStore.getState().removeElements([id], [])}
        >
          ×
        </button>
      )}
    </div>
  );
}
