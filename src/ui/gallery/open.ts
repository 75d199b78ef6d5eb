/** Opening a template: fill-in values applied to the node params, texts in the interface language. */
import { applyInputs, localizeFlow } from '../../core/flow/template';
import type { Lang } from '../../core/contract/i18n';
import type { Workflow } from '../../core/flow/workflow';
import { useStore } from '../store';
import { useTrainer } from '../trainer/state';
import { saveFlowFile } from '../safety/save';
import { mayReplace } from '../safety/state';

/**
 * Loads a copy of `workflow` on the canvas (over unsaved edits, after asking); returns false when a
 * value is refused (and says why) or the analyst cancels.
 */
export async function openTemplate(workflow: Workflow, values: Record<string, string>, lang: Lang): Promise<boolean> {
  const applied = applyInputs(structuredClone(workflow), values);
  if (!applied.ok) {
    useStore.getState().say(applied.message, 'error');
    return false;
  }
  if (!(await mayReplace(saveFlowFile))) return false;
  useStore.getState().loadWorkflow(localizeFlow(applied.workflow, lang));
  useTrainer.setState({ current: null, order: [], replaying: false, gallery: false });
  return true;
}
