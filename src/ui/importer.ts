/**
 * Every way a flow comes in from outside (Open, a dropped .flow.json, a share link) goes through
 * here: size checked, validated by parseWorkflow (migrations, hostile keys, limits), then loaded,
 * and what was changed on the way in is said.
 */
import { LIMITS } from '../core/flow/sanitize';
import type { ParseResult } from '../core/flow/workflow';
import { parseWorkflow } from '../core/flow/workflow';
import { tr } from './i18n';
import { decodeFlow, sharedPayload } from './share';
import { useStore } from './store';
import { saveFlowFile } from './safety/save';
import { mayReplace } from './safety/state';

/**
 * Loads a parse result into the editor, or explains why it cannot; over unsaved edits, asks first.
 * Returns whether it loaded.
 */
export async function loadParsed(parsed: ParseResult): Promise<boolean> {
  const s = useStore.getState();
  if (!parsed.ok) {
    s.say({ en: `${tr('cannotOpen', 'en')} ${parsed.message}`, vi: `${tr('cannotOpen', 'vi')} ${parsed.message}` }, 'error');
    return false;
  }
  if (!(await mayReplace(saveFlowFile))) return false;
  s.loadWorkflow(parsed.workflow);
  const removed = parsed.warnings.filter((w) => w.startsWith('Removed'));
  const notes: { en: string[]; vi: string[] } = { en: [], vi: [] };
  if (parsed.migratedFrom) {
    notes.en.push(tr('migrated', 'en').replace('{from}', parsed.migratedFrom.replace(/.*@/, '@')));
    notes.vi.push(tr('migrated', 'vi').replace('{from}', parsed.migratedFrom.replace(/.*@/, '@')));
  }
  if (removed.length) {
    const list = removed.map((w) => w.match(/"([^"]+)"/)?.[1] ?? '').join(', ');
    notes.en.push(`${tr('keysRemoved', 'en')} ${list}`);
    notes.vi.push(`${tr('keysRemoved', 'vi')} ${list}`);
  }
  if (notes.en.length) s.say({ en: notes.en.join(' '), vi: notes.vi.join(' ') }, removed.length ? 'error' : 'info');
  return true;
}

/** Opens a flow file chosen or dropped by the user. */
export async function importFile(file: File): Promise<boolean> {
  if (file.size > LIMITS.fileChars) {
    const mb = (file.size / 1048576).toFixed(1);
    return loadParsed({ ok: false, message: `"${file.name}" is ${mb} MB; the limit is 5 MB.` });
  }
  return loadParsed(parseWorkflow(await file.text()));
}

/**
 * If the page was opened from a share link, loads that flow (instead of the autosave) and takes
 * the flow out of the address bar, so a reload keeps the user's edits. Returns whether it did.
 */
export async function openSharedLink(): Promise<boolean> {
  const payload = sharedPayload(location.hash);
  if (payload === null) return false;
  history.replaceState(null, '', location.pathname + location.search);
  return loadParsed(await decodeFlow(payload));
}
