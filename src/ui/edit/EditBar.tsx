/**
 * Toolbar buttons for editing: undo/redo, add a note or a frame, tidy up (auto-layout), share link,
 * keyboard shortcuts. With `?debug` in the URL, a button simulates an engine crash (for tests).
 */
import { useReactFlow } from '@xyflow/react';
import { useStore as useZustand } from 'zustand';
import { tr, useT } from '../i18n';
import { shareUrl } from '../share';
import { useStore } from '../store';
import { engineClient } from '../worker-client';
import './edit.css';
import { Icon } from '../icons';
import { markSaved } from '../safety/state';

const DEBUG = typeof location !== 'undefined' && new URLSearchParams(location.search).has('debug');

export function EditBar() {
  const { t } = useT();
  const flow = useReactFlow();
  const past = useZustand(useStore.temporal, (s) => s.pastStates.length);
  const future = useZustand(useStore.temporal, (s) => s.futureStates.length);

  const freeSpot = () => {
    const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    // Near the top-left corner of the view, where a fitted flow usually leaves room.
    return flow.screenToFlowPosition(box ? { x: box.left + 48, y: box.top + 48 } : { x: 200, y: 200 });
  };
  const tidy = async () => {
    const { layoutPositions } = await import('../canvas/layout');
    const s = useStore.getState();
    s.setPositions(await layoutPositions(s.nodes, s.edges));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 300 }));
  };
  const share = async () => {
    const s = useStore.getState();
    const url = await shareUrl(s.toWorkflow(), location.href);
    try {
      await navigator.clipboard.writeText(url);
      s.say({ en: tr('shareCopied', 'en'), vi: tr('shareCopied', 'vi') });
      markSaved();
    } catch {
      window.prompt(t('shareShown'), url);
    }
    (window as { __afLastShare?: string }).__afLastShare = url;
  };

  return (
    <span className="af-editbar">
      <button
        type="button"
        onClick={() => useStore.getState().undo()}
        disabled={!past}
        title={`${t('undo')} (Ctrl+Z)`}
        aria-label={t('undo')}
        data-testid="undo"
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        onClick={() => useStore.getState().redo()}
        disabled={!future}
        title={`${t('redo')} (Ctrl+Shift+Z)`}
        aria-label={t('redo')}
        data-testid="redo"
      >
        <Icon name="redo" />
      </button>
      <button type="button" onClick={() => useStore.getState().addNote(freeSpot())} title={t('addNote')} data-testid="add-note">
        <Icon name="note" />
        <span className="af-eb-label"> {t('addNote')}</span>
      </button>
      <button type="button" onClick={() => useStore.getState().addFrame(freeSpot())} title={t('addFrame')} data-testid="add-frame">
        <Icon name="frame" />
        <span className="af-eb-label"> {t('addFrame')}</span>
      </button>
      <button type="button" onClick={() => void tidy()} title={t('autoLayoutTip')} data-testid="auto-layout">
        <Icon name="tidy" />
        <span className="af-eb-label"> {t('autoLayout')}</span>
      </button>
      <button type="button" onClick={() => void share()} title={t('shareTip')} data-testid="share">
        <Icon name="share" /> {t('shareLink')}
      </button>
      <button
        type="button"
        onClick={() => useStore.getState().toggleShortcuts()}
        title={`${t('shortcuts')} (?)`}
        aria-label={t('shortcuts')}
        data-testid="shortcuts-button"
      >
        ?
      </button>
      {DEBUG && (
        <button type="button" className="af-debug" onClick={() => engineClient.crashForTest()} data-testid="debug-crash">
          {t('engineRestartedDebug')}
        </button>
      )}
    </span>
  );
}
