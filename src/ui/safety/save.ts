/** Saving the flow as a `*.flow.json` download; clears the unsaved mark. */
import { useStore } from '../store';
import { markSaved } from './state';

export function saveFlowFile(): void {
  const workflow = useStore.getState().toWorkflow();
  const blob = new Blob([JSON.stringify(workflow, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${workflow.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').toLowerCase() || 'flow'}.flow.json`;
  a.click();
  URL.revokeObjectURL(a.href);
  markSaved();
}
