/** Opening a template: fill-in values applied to the node params, texts in the interface language. */
import { applyInputs, localizeFlow } from '../../core/flow/template';
import type { Lang } from '../../core/contract/i18n';
import type { Workflow } from '../../core/flow/workflow';
import { useStore } from '../store';
import { useTrainer } from '../trainer/state';

/** Loads a copy of `workflow` on the canvas; returns false (and says why) when a value is refused. */
export function openTemplate(workflow: Workflow, values: Record<string, string>, lang: Lang): boolean {
  const applied = applyInputs(structuredClone(workflow), values);
  if (!applied.ok) {
    useStore.getState().say(applied.message, 'error');
    return false;
  }
  useStore.getState().loadWorkflow(localizeFlow(applied.workflow, lang));
  useTrainer.setState({ current: null, order: [], replaying: false, gallery: false });
  return true;
}
