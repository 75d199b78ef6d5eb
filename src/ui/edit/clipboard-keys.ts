/**
 * Copy/paste of selections from the keyboard. Ctrl+C puts the selection (as a small workflow file)
 * in localStorage — so another tab can paste it — and on the system clipboard when the browser allows.
 * Ctrl+V takes a flow from the paste event's clipboard text, else from localStorage.
 */
import { tr } from '../i18n';
import { useStore } from '../store';

const KEY = 'audience-flow.clipboard';
let pending: ReturnType<typeof setTimeout> | undefined;

const say = (key: 'copied' | 'pasted', n: number) =>
  useStore.getState().say({ en: tr(key, 'en').replace('{n}', String(n)), vi: tr(key, 'vi').replace('{n}', String(n)) });

export function copySelection(): void {
  const json = useStore.getState().copySelection();
  if (!json) return;
  try {
    localStorage.setItem(KEY, json);
  } catch {
    /* private mode: the system clipboard may still work */
  }
  void navigator.clipboard?.writeText(json).catch(() => undefined);
  say('copied', useStore.getState().nodes.filter((n) => n.selected).length);
}

function pasteText(text: string | null): void {
  const s = useStore.getState();
  if (!text) {
    s.say({ en: tr('nothingToPaste', 'en'), vi: tr('nothingToPaste', 'vi') });
    return;
  }
  const r = s.paste(text);
  if (r.ok) say('pasted', r.count);
  else s.say({ en: r.message, vi: r.message }, 'error');
}

const stored = () => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};
const looksLikeFlow = (text: string | undefined): text is string => !!text && text.includes('"audience-flow/workflow@');

/** Ctrl+V: wait a moment for the browser's paste event; if none brings a flow, paste from localStorage. */
export function pasteFromKeyboard(): void {
  clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    pasteText(stored());
  }, 60);
}

/** The document's paste event (outside text fields): a flow on the system clipboard wins. */
export function onPasteEvent(e: ClipboardEvent): void {
  const text = e.clipboardData?.getData('text/plain');
  if (!looksLikeFlow(text)) return;
  e.preventDefault();
  clearTimeout(pending);
  pending = undefined;
  pasteText(text);
}
