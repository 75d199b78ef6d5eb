/** Entry: restores the autosaved flow, or opens the "Audience segmentation" template on first start. */
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { emptyWorkflow } from '../core/workflow';
import { App } from './App';
import { tr } from './i18n';
import { openSharedLink } from './importer';
import { loadSaved, startAutosave } from './persist';
import { useStore } from './store';
import { TEMPLATES } from './templates';
import { engineClient } from './worker-client';

async function boot() {
  const params = new URLSearchParams(location.search);
  const saved = params.has('fresh') ? null : await loadSaved();
  const wanted = params.get('template') ?? 'audience-segmentation';
  const template = wanted === 'none' ? null : TEMPLATES.find((x) => x.id === wanted) ?? TEMPLATES[0];
  if (saved && saved.nodes.length) useStore.getState().loadWorkflow(saved);
  else if (template) useStore.getState().loadWorkflow(structuredClone(template.workflow));
  else useStore.getState().loadWorkflow(emptyWorkflow());
  // A share link (#flow=…) wins over the autosave; opening the page starts a fresh undo history.
  await openSharedLink();
  useStore.temporal.getState().clear();
  document.documentElement.lang = useStore.getState().lang;
  startAutosave();
  engineClient.onRestart(() => {
    const s = useStore.getState();
    s.say({ en: tr('workerRestarted', 'en'), vi: tr('workerRestarted', 'vi') }, 'error');
    useStore.setState({ status: {} }); // its cached results are gone; the canvas is untouched
  });
  createRoot(document.getElementById('root')!).render(<App />);
}

void boot();
