/**
 * "Download report" at the right of the data panel header (always there, whichever node is shown): the one-page HTML report of the last run (see report.ts),
 * made in the page from what the run already produced, and saved as `<flow name>-report.html`.
 */
import { useState } from 'react';
import { Icon } from '../icons';
import { useT } from '../i18n';
import { useStore } from '../store';
import { collectReport } from './collect';
import { fileSafe, saveBlob } from './picture';
import { reportHtml } from './report';
import { EXPORT_TEXTS } from './texts';
import './export.css';

export function ReportButton() {
  const { p, lang } = useT();
  const running = useStore((s) => s.running);
  const anyDone = useStore((s) => Object.values(s.status).some((st) => st.state === 'done' || st.state === 'stale'));
  const [busy, setBusy] = useState(false);
  const make = async () => {
    const { say, name } = useStore.getState();
    if (!anyDone) {
      say(EXPORT_TEXTS.reportNeedsRun);
      return;
    }
    setBusy(true);
    try {
      const html = reportHtml(await collectReport(lang));
      saveBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), `${fileSafe(name)}-report.html`);
      say(EXPORT_TEXTS.reportDone);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      say({ en: EXPORT_TEXTS.reportFailed.en + why, vi: EXPORT_TEXTS.reportFailed.vi + why }, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      onClick={() => void make()}
      disabled={busy || running}
      className={anyDone ? 'af-tab af-report' : 'af-tab af-report af-muted'}
      title={p(anyDone ? EXPORT_TEXTS.reportTip : EXPORT_TEXTS.reportNeedsRun)}
      data-testid="download-report"
    >
      <Icon name="report" /> {busy ? p(EXPORT_TEXTS.reportMaking) : p(EXPORT_TEXTS.report)}
    </button>
  );
}
