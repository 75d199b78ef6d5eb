/** Autosave: the current flow is kept in IndexedDB and restored on reload. */
import { createStore, get, set } from 'idb-keyval';
import { parseWorkflow, type Workflow } from '../core/flow/workflow';
import { useStore } from './store';

const store = () => createStore('audience-flow', 'flows');
const KEY = 'current';

export async function loadSaved(): Promise<Workflow | null> {
  try {
    const saved = await get<string>(KEY, store());
    if (!saved) return null;
    const parsed = parseWorkflow(saved);
    return parsed.ok ? parsed.workflow : null;
  } catch {
    return null;
  }
}

/** Saves the flow shortly after each change. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return useStore.subscribe((s, prev) => {
    if (s.revision === prev.revision && s.nodes === prev.nodes) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void set(KEY, JSON.stringify(useStore.getState().toWorkflow()), store());
    }, 400);
  });
}
