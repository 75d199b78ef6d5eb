/** The top bar: flow name, Run / Cancel, open / save, templates and the language switch. */
import { useRef } from 'react';
import { EditBar } from './edit/EditBar';
import { useT } from './i18n';
import { importFile } from './importer';
import { useStore } from './store';
import { TrainerBar } from './trainer/TrainerBar';
import { Icon } from './icons';
import { saveFlowFile } from './safety/save';

export function Toolbar() {
  const { t, lang } = useT();
  const running = useStore((s) => s.running);
  const name = useStore((s) => s.name);
  const fileRef = useRef<HTMLInputElement>(null);

  const save = saveFlowFile;
  const open = (file: File) => importFile(file);

  return (
    <header className="af-toolbar">
      <span className="af-logo">
        <Icon name="logo" /> {t('appName')}
      </span>
      <input
        className="af-flow-name"
        value={name}
        aria-label={t('flowName')}
        onChange={(e) => useStore.setState({ name: e.target.value, revision: useStore.getState().revision + 1 })}
      />
      {running ? (
        <button type="button" className="af-cancel" onClick={() => void useStore.getState().cancel()} data-testid="cancel">
          <Icon name="cancel" /> {t('cancel')}
        </button>
      ) : (
        <button type="button" className="af-run" onClick={() => void useStore.getState().run()} data-testid="run" title="Ctrl+Enter">
          <Icon name="run" /> {t('run')}
        </button>
      )}
      {running && <span className="af-hint">{t('running')}</span>}
      <TrainerBar />
      <span className="af-spacer" />
      <EditBar />
      <button type="button" onClick={() => fileRef.current?.click()}>
        {t('open')}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void open(f);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={save}>
        {t('save')}
      </button>
      <button type="button" className="af-lang" onClick={() => useStore.getState().setLang(lang === 'en' ? 'vi' : 'en')} data-testid="lang">
        {t('language')}
      </button>
    </header>
  );
}
