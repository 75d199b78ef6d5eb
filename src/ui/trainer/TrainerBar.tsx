/** Toolbar buttons for teams and trainers: the template gallery, Step, Replay and Presentation mode. */
import { useT } from '../i18n';
import { useStore } from '../store';
import { useTrainer } from './state';
import './trainer.css';
import { Icon } from '../icons';

export function TrainerBar() {
  const { t } = useT();
  const running = useStore((s) => s.running);
  const busy = useTrainer((s) => s.busy);
  const replaying = useTrainer((s) => s.replaying);
  const presenting = useTrainer((s) => s.presenting);
  const tr = useTrainer.getState();
  return (
    <>
      <button type="button" onClick={() => tr.openGallery(true)} data-testid="templates">
        {t('templates')}
      </button>
      <button type="button" onClick={() => void tr.step()} disabled={running || busy || replaying} title={t('stepHint')} data-testid="step">
        <Icon name="step" /> {t('step')}
      </button>
      {replaying ? (
        <button type="button" onClick={() => tr.stopReplay()} data-testid="replay-stop">
          <Icon name="stop" /> {t('stopReplay')}
        </button>
      ) : (
        <button type="button" onClick={() => void tr.replay()} disabled={running || busy} title={t('replayHint')} data-testid="replay">
          <Icon name="replay" /> {t('replay')}
        </button>
      )}
      <button
        type="button"
        className={presenting ? 'af-tab-on' : undefined}
        onClick={() => tr.present(!presenting)}
        title={presenting ? t('leavePresent') : t('presentHint')}
        aria-pressed={presenting}
        data-testid="present"
      >
        <Icon name="present" /> {t('present')}
      </button>
    </>
  );
}
