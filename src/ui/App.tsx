/** The editor layout: toolbar, palette, canvas, inspector and data panel. */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from './canvas/Canvas';
import { DataPanel } from './data/DataPanel';
import { PanelSizer, usePanelSize } from './data/PanelSize';
import { useT } from './i18n';
import { Inspector } from './inspector/Inspector';
import { Palette } from './Palette';
import { useStore } from './store';
import { Toolbar } from './Toolbar';
import { ShortcutsHelp } from './edit/ShortcutsHelp';
import { useShortcuts } from './edit/useShortcuts';
import { Gallery } from './gallery/Gallery';
import { ExplainPanel } from './trainer/ExplainPanel';
import { PresentNote } from './trainer/PresentNote';
import { useTrainer } from './trainer/state';
import { OpenBanner } from './safety/OpenBanner';
import { ReplaceDialog } from './safety/ReplaceDialog';

function Messages() {
  const { t, p } = useT();
  const toast = useStore((s) => s.toast);
  const issues = useStore((s) => s.issues);
  return (
    <>
      {issues.length > 0 && (
        <div className="af-banner" role="alert" data-testid="flow-issues">
          <strong>{t('flowProblems')}</strong>
          <ul>
            {issues.map((i, k) => (
              <li key={k}>{p(i.message)}</li>
            ))}
          </ul>
        </div>
      )}
      {toast && (
        <div className={`af-toast af-toast-${toast.kind}`} role="status" data-testid="toast">
          {p(toast.text)}
        </div>
      )}
    </>
  );
}

export function App() {
  const presenting = useTrainer((s) => s.presenting);
  const panel = usePanelSize();
  useShortcuts();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') void useStore.getState().run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <ReactFlowProvider>
      <div className={presenting ? 'af-app af-presenting' : 'af-app'} style={panel.style}>
        <Toolbar />
        <Palette />
        <main className="af-main">
          <Canvas />
          <Messages />
          <OpenBanner />
          <ExplainPanel />
          <PresentNote />
        </main>
        <Inspector />
        <DataPanel />
        {!presenting && <PanelSizer {...panel} />}
      </div>
      <Gallery />
      <ShortcutsHelp />
      <ReplaceDialog />
    </ReactFlowProvider>
  );
}
