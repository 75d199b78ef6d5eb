/** Editor keyboard shortcuts (listed in the shortcuts panel): undo/redo, copy/paste, "?" for help. */
import { useEffect } from 'react';
import { useStore } from '../store';
import { copySelection, onPasteEvent, pasteFromKeyboard } from './clipboard-keys';

/** True when the key goes to a text field, where the browser's own editing keys must work. */
export const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const s = useStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        s.undo();
      } else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'c') copySelection();
      else if (mod && key === 'v') pasteFromKeyboard();
      else if (e.key === '?') s.toggleShortcuts();
      else if (e.key === 'Escape' && s.showShortcuts) s.toggleShortcuts(false);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!typing(e.target)) onPasteEvent(e);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
