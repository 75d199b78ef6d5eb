/** The shipped templates (templates/*.flow.json), bundled and validated like any opened file. */
import { parseWorkflow, type Workflow } from '../core/flow/workflow';

const files = import.meta.glob('../../templates/*.flow.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export interface TemplateEntry {
  id: string;
  workflow: Workflow;
}

export const TEMPLATES: TemplateEntry[] = Object.entries(files)
  .map(([file, json]) => {
    const parsed = parseWorkflow(json);
    return parsed.ok ? { id: file.split('/').pop()!.replace('.flow.json', ''), workflow: parsed.workflow } : null;
  })
  .filter((t): t is TemplateEntry => t !== null)
  .sort((a, b) => (a.id === 'audience-segmentation' ? -1 : b.id === 'audience-segmentation' ? 1 : a.id.localeCompare(b.id)));
