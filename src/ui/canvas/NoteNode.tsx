/** A sticky note: double-click to edit (textarea), resize when selected, × to delete. Text only, never HTML. */
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { useState } from 'react';
import { useT } from '../i18n';
import { useStore } from '../store';
import type { NoteNode } from '../store/convert';
import '../edit/edit.css';

export function NoteNodeView({ id, data, selected, width }: NodeProps<NoteNode>) {
  const { t } = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== data.text) useStore.getState().updateNote(id, { text: draft });
    setDraft(null);
  };
  return (
    <div
      className="af-note"
      data-testid={`note-${id}`}
      style={{ ...(data.color ? { background: data.color } : {}), ...(width ? { width: '100%', height: '100%', maxWidth: 'none' } : {}) }}
      onDoubleClick={() => setDraft(data.text)}
    >
      <NodeResizer isVisible={selected && draft === null} minWidth={120} minHeight={60} />
      {draft !== null ? (
        <textarea
          className="nodrag nowheel af-note-edit"
          data-testid="note-editor"
          autoFocus
          value={draft}
          maxLength={5000}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setDraft(null);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          }}
        />
      ) : (
        <div className="af-note-text">{data.text || <span className="af-muted">{t('notePlaceholder')}</span>}</div>
      )}
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
