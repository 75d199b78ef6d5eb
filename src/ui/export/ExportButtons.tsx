/**
 * "Save as picture (PNG)" and "Save as drawing (SVG)" for the chart or persona cards shown in the
 * data panel. The chart view hands over how to draw itself (an Exporter); this only names and saves.
 */
import { useState } from 'react';
import { Icon } from '../icons';
import { useT } from '../i18n';
import { EXPORT_TEXTS } from './texts';
import './export.css';
import { fileSafe, saveBlob } from './picture';

/** How a chart on screen makes its pictures. */
export interface Exporter {
  png: () => Promise<Blob>;
  svg: () => Promise<string>;
}

export function ExportButtons({ exporter, name }: { exporter: Exporter; name: string }) {
  const { p } = useT();
  const [busy, setBusy] = useState<'png' | 'svg' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'png' | 'svg') => {
    setBusy(kind);
    setError(null);
    try {
      const blob = kind === 'png' ? await exporter.png() : new Blob([await exporter.svg()], { type: 'image/svg+xml' });
      saveBlob(blob, `${fileSafe(name)}.${kind}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="af-export" role="group">
      <button
        type="button"
        className="af-tab"
        disabled={busy !== null}
        title={p(EXPORT_TEXTS.savePngTip)}
        onClick={() => void save('png')}
        data-testid="export-png"
      >
        <Icon name="image" /> {busy === 'png' ? p(EXPORT_TEXTS.saving) : p(EXPORT_TEXTS.savePng)}
      </button>
      <button
        type="button"
        className="af-tab"
        disabled={busy !== null}
        title={p(EXPORT_TEXTS.saveSvgTip)}
        onClick={() => void save('svg')}
        data-testid="export-svg"
      >
        <Icon name="vector" /> {busy === 'svg' ? p(EXPORT_TEXTS.saving) : p(EXPORT_TEXTS.saveSvg)}
      </button>
      {error && (
        <span className="af-node-error" role="alert">
          {p(EXPORT_TEXTS.saveFailed)}
          {error}
        </span>
      )}
    </span>
  );
}
