/** The "Keyboard shortcuts" panel (press ? or the toolbar button), in the interface language. */
import { useT, type StringKey } from '../i18n';
import { useStore } from '../store';

const ROWS: [keys: string | StringKey, what: StringKey][] = [
  ['Ctrl + Enter', 'key_run'],
  ['Ctrl + Z', 'key_undo'],
  ['Ctrl + Shift + Z · Ctrl + Y', 'key_redo'],
  ['Ctrl + C', 'key_copy'],
  ['Ctrl + V', 'key_paste'],
  ['Delete · Backspace', 'key_delete'],
  ['shiftClick', 'key_multi'],
  ['shiftDrag', 'key_box'],
  ['doubleClick', 'key_note'],
  ['doubleClick', 'key_rename'],
  ['?', 'key_help'],
  ['Esc', 'key_escape'],
];

export function ShortcutsHelp() {
  const { t } = useT();
  const open = useStore((s) => s.showShortcuts);
  if (!open) return null;
  const label = (k: string) => (/^[a-z]/.test(k) ? t(k as StringKey) : k);
  return (
    <div className="af-modal-backdrop" onClick={() => useStore.getState().toggleShortcuts(false)}>
      <section className="af-modal" role="dialog" aria-label={t('shortcuts')} data-testid="shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>{t('shortcuts')}</h2>
        <table className="af-shortcuts">
          <tbody>
            {ROWS.map(([keys, what]) => (
              <tr key={what}>
                <td>
                  <kbd>{label(keys)}</kbd>
                </td>
                <td>{t(what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => useStore.getState().toggleShortcuts(false)}>
          {t('close')}
        </button>
      </section>
    </div>
  );
}
