/**
 * The data panel's height: dragged by the bar on its top edge (or with the arrow keys on it),
 * maximised with a button, remembered for the browser session. Only layout state, never data.
 */
import { useCallback, useEffect, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';
import { useT } from '../i18n';
import { Icon } from '../icons';

const KEY = 'af-data-panel';
export const DEFAULT_HEIGHT = 290;
const MIN = 120;

/** Clamps a wanted height between a small panel and one that leaves the canvas 160 px. */
export const clampHeight = (h: number, viewport: number) => Math.round(Math.min(Math.max(h, MIN), Math.max(MIN, viewport - 160)));

function load(): { height: number; max: boolean } {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as { height?: unknown; max?: unknown };
    return { height: typeof v.height === 'number' && Number.isFinite(v.height) ? v.height : DEFAULT_HEIGHT, max: v.max === true };
  } catch {
    return { height: DEFAULT_HEIGHT, max: false };
  }
}

/** The panel's size state and the CSS variable that sets the grid row. */
export function usePanelSize() {
  const [size, setSize] = useState(load);
  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(size));
    } catch {
      /* private mode: not remembered */
    }
  }, [size]);
  const style = {
    '--af-data-h': size.max ? 'calc(100vh - 48px - 120px)' : `${clampHeight(size.height, window.innerHeight)}px`,
  } as CSSProperties;
  return { size, setSize, style };
}

/** The drag bar on the panel's top edge and the maximise / restore button. */
export function PanelSizer({ size, setSize }: ReturnType<typeof usePanelSize>) {
  const { t } = useT();
  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      e.preventDefault();
      const bar = e.currentTarget;
      bar.setPointerCapture(e.pointerId);
      const move = (ev: PointerEvent) => setSize({ height: clampHeight(window.innerHeight - ev.clientY, window.innerHeight), max: false });
      const up = () => {
        bar.removeEventListener('pointermove', move);
        bar.removeEventListener('pointerup', up);
      };
      bar.addEventListener('pointermove', move);
      bar.addEventListener('pointerup', up);
    },
    [setSize],
  );
  const step = (d: number) =>
    setSize((s) => ({ height: clampHeight((s.max ? window.innerHeight - 168 : s.height) + d, window.innerHeight), max: false }));
  return (
    <>
      <div
        className="af-data-sizer"
        role="separator"
        aria-orientation="horizontal"
        aria-label={t('resizePanel')}
        title={t('resizePanel')}
        tabIndex={0}
        aria-valuenow={size.max ? undefined : Math.round(size.height)}
        data-testid="data-resize"
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp') step(20);
          else if (e.key === 'ArrowDown') step(-20);
        }}
      />
      <button
        type="button"
        className="af-data-max"
        onClick={() => setSize((s) => ({ ...s, max: !s.max }))}
        data-testid="data-maximize"
        title={size.max ? t('restorePanel') : t('maximizePanel')}
        aria-label={size.max ? t('restorePanel') : t('maximizePanel')}
        aria-pressed={size.max}
      >
        <Icon name={size.max ? 'restore' : 'maximize'} />
      </button>
    </>
  );
}
