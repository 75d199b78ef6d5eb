/**
 * "Save first / Replace / Cancel", asked in the page before another flow replaces unsaved edits.
 * Keyboard: focus starts on "Save first", Tab and Shift+Tab stay inside, Escape cancels.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { useSafety } from './state';
import { SAFETY } from './texts';

export function ReplaceDialog() {
  const { p } = useT();
  const asking = useSafety((s) => s.asking);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) box.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [asking]);
  if (!asking) return null;
  const onKey = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      asking.answer('cancel');
    } else if (e.key === 'Tab') {
      const buttons = Array.from(box.current?.querySelectorAll('button') ?? []);
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = (at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
      e.preventDefault();
      buttons[next]?.focus();
    }
  };
  return (
    <div className="af-ask-backdrop">
      <div
        className="af-ask"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="af-ask-title"
        aria-describedby="af-ask-body"
        data-testid="replace-dialog"
        ref={box}
        onKeyDown={onKey}
      >
        <h2 id="af-ask-title">{p(SAFETY.askTitle)}</h2>
        <p id="af-ask-body">{p(SAFETY.askBody)}</p>
        <div className="af-row">
          <button type="button" className="af-primary" onClick={() => asking.answer('save')} data-testid="replace-save">
            {p(SAFETY.saveFirst)}
          </button>
          <button type="button" onClick={() => asking.answer('replace')} data-testid="replace-replace">
            {p(SAFETY.replace)}
          </button>
          <button type="button" onClick={() => asking.answer('cancel')} data-testid="replace-cancel">
            {p(SAFETY.cancel)}
          </button>
        </div>
      </div>
    </div>
  );
}
