/**
 * Presentation mode's large caption: the step note that explains the current node (the note nearest
 * to it on the canvas), or the flow's name and description before the first step.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { noteIndexFor } from '../../core/flow/template';
import { useT } from '../i18n';
import { useStore } from '../store';
import { useTrainer } from './state';

export function PresentNote() {
  const { t } = useT();
  const presenting = useTrainer((s) => s.presenting);
  const current = useTrainer((s) => s.current);
  const nodes = useStore((s) => s.nodes);
  const name = useStore((s) => s.name);
  const description = useStore((s) => s.description);

  const { fitView } = useReactFlow();
  // The canvas gets the whole width (or gives it back): show the whole flow again. Not on mount:
  // the canvas sets the first view itself, at a readable zoom.
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const timer = setTimeout(() => void fitView({ padding: 0.12, duration: 200 }), 60);
    return () => clearTimeout(timer);
  }, [presenting, fitView]);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useTrainer.getState().present(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);

  if (!presenting) return null;
  const notes = nodes.filter((n) => n.type === 'note' && typeof (n.data as { text?: unknown }).text === 'string');
  const node = nodes.find((n) => n.id === current);
  const at = node
    ? noteIndexFor(
        [node.position.x, node.position.y],
        notes.map((n) => ({ position: [n.position.x, n.position.y] as const })),
      )
    : -1;
  const text = at >= 0 ? String((notes[at].data as { text: string }).text) : null;
  return (
    <div className="af-present-note" data-testid="present-note">
      {text ?? (
        <>
          <strong>{name}</strong>
          {description && <span> — {description}</span>}
        </>
      )}
      <button type="button" className="af-present-leave" onClick={() => useTrainer.getState().present(false)} data-testid="present-leave">
        {t('leavePresent')}
      </button>
    </div>
  );
}
