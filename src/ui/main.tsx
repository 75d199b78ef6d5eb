/** Entry: restores the autosaved flow, or opens the "Audience segmentation" template on first start. */
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { emptyWorkflow } from '../core/flow/workflow';
import { App } from './App';
import { tr } from './i18n';
import { openSharedLink } from './importer';
import { loadSaved, startAutosave } from './persist';
import { useStore } from './store';
import { TEMPLATES } from './templates';
import { engineClient } from './worker-client';
import { startRetranslate } from './gallery/retranslate';
import { localizeFlow } from '../core/flow/template';
import { useTrainer } from './trainer/state';
import { startSafety } from './safety/state';
import { startPreview } from './preview/state';

async function boot() {
  const params = new URLSearchParams(location.search);
  const saved = params.has('fresh') ? null : await loadSaved();
  // Anything the user made counts: a canvas of notes and frames only is restored too.
  const hasWork = !!saved && (saved.nodes.length > 0 || saved.notes.length > 0 || (saved.groups?.length ?? 0) > 0);
  const wanted = params.get('template') ?? 'audience-segmentation';
  const template = wanted === 'none' ? null : (TEMPLATES.find((x) => x.id === wanted) ?? TEMPLATES[0]);
  if (saved && hasWork) useStore.getState().loadWorkflow(saved);
  else if (template) useStore.getState().loadWorkflow(structuredClone(localizeFlow(template.workflow, useStore.getState().lang)));
  else useStore.getState().loadWorkflow(emptyWorkflow());
  // Opening the page starts a fresh undo history.
  useStore.temporal.getState().clear();
  document.documentElement.lang = useStore.getState().lang;
  startAutosave();
  startRetranslate();
  startSafety();
  startPreview();
  engineClient.onRestart(() => {
    const s = useStore.getState();
    s.say({ en: tr('workerRestarted', 'en'), vi: tr('workerRestarted', 'vi') }, 'error');
    useStore.setState({ status: {} }); // its cached results are gone; the canvas is untouched
  });
  createRoot(document.getElementById('root')!).render(<App />);
  // A share link (#flow=…) wins over the autosave — after asking, when the autosave has unsaved
  // edits (the page is drawn first, so the question can be shown).
  const shared = await openSharedLink();
  if (shared) useStore.temporal.getState().clear();
  // First start (nothing saved, no template asked for): offer the template gallery.
  if (!shared && !hasWork && !params.has('fresh') && !params.has('template')) useTrainer.getState().openGallery(true);
}

void boot();
