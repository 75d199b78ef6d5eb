/** The journey map: stages left to right, coloured by mean sentiment, with volume, negative share and pain points. */
import type { ChartSpec } from '../../core/contract/chart';
import type { JourneyMapChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';
import { STAGE_COLOR } from './journey-charts';
import { Icon } from '../icons';
import { formats } from '../../core/contract/format';

/** Red (−1) through grey (0) to green (+1). */
function sentimentColor(x: number | null): string {
  if (x === null) return '#e2e8f0';
  const t = Math.max(-1, Math.min(1, x * 2.5)); // ±0.4 is already a strong mean
  const mix = (a: number[], b: number[], f: number) => a.map((v, i) => Math.round(v + (b[i] - v) * f));
  const [r, g, b] = t < 0 ? mix([226, 232, 240], [248, 113, 113], -t) : mix([226, 232, 240], [52, 211, 153], t);
  return `rgb(${r}, ${g}, ${b})`;
}

const TEXT = {
  comments: { en: 'comments', vi: 'bình luận' },
  sentiment: { en: 'Mean sentiment', vi: 'Cảm xúc TB' },
  negative: { en: 'Negative', vi: 'Tiêu cực' },
  pains: { en: 'Pain points', vi: 'Điểm đau' },
  noPains: { en: 'none stand out', vi: 'không có điểm nổi bật' },
  moment: { en: 'Moment of truth', vi: 'Khoảnh khắc quyết định' },
  none: { en: 'off-topic', vi: 'không liên quan' },
};

export function JourneyMap({ spec, lang }: { spec: ChartSpec; lang: Lang }) {
  const map = spec as JourneyMapChart;
  const max = Math.max(1, ...map.stages.map((s) => s.volume));
  const t = (k: keyof typeof TEXT) => pick(TEXT[k], lang);
  const f = formats(lang);
  const pct = (x: number | null) => (x === null ? '–' : f.pct(x));
  const signed = (x: number | null) => (x === null ? '–' : f.signed(x));
  return (
    <div className="af-journey" style={{ padding: 8, overflowX: 'auto' }}>
      {map.title ? <div style={{ fontWeight: 600, fontSize: 13, marginBottom: 6 }}>{pick(map.title, lang)}</div> : null}
      <div style={{ display: 'flex', gap: 6, alignItems: 'stretch', minWidth: map.stages.length * 130 }}>
        {map.stages.map((s, i) => (
          <div
            key={s.stage}
            data-testid={`journey-stage-${s.stage}`}
            style={{ flex: '1 1 0', display: 'flex', flexDirection: 'column', minWidth: 120 }}
          >
            <div
              style={{
                background: sentimentColor(s.sentiment),
                borderTop: `4px solid ${STAGE_COLOR[s.stage] ?? '#64748b'}`,
                borderRadius: 6,
                padding: '6px 8px',
                clipPath:
                  i < map.stages.length - 1 ? 'polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%)' : undefined,
                outline: s.momentOfTruth ? '2px solid #111827' : undefined,
              }}
            >
              <div style={{ fontWeight: 600 }}>{pick(s.label, lang)}</div>
              <div style={{ fontSize: 12 }}>
                {f.int(s.volume)} {t('comments')} · {pct(s.share)}
              </div>
            </div>
            <div style={{ height: 4, background: '#e5e7eb', margin: '4px 0', borderRadius: 2 }}>
              <div
                style={{
                  width: `${(100 * s.volume) / max}%`,
                  height: '100%',
                  background: STAGE_COLOR[s.stage] ?? '#64748b',
                  borderRadius: 2,
                }}
              />
            </div>
            <div style={{ fontSize: 12, lineHeight: 1.5 }}>
              <div>
                {t('sentiment')}: <b>{signed(s.sentiment)}</b>
              </div>
              <div>
                {t('negative')}: <b>{pct(s.negative)}</b>
              </div>
              {s.momentOfTruth ? (
                <div style={{ color: '#b91c1c', fontWeight: 600 }}>
                  <Icon name="star" /> {t('moment')}
                </div>
              ) : null}
              <div style={{ marginTop: 4, color: '#475569' }}>{t('pains')}:</div>
              {s.pains.length ? (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {s.pains.map((p) => (
                    <li key={p.term}>
                      {p.term} <small>({p.count})</small>
                    </li>
                  ))}
                </ul>
              ) : (
                <div style={{ color: '#94a3b8' }}>{t('noPains')}</div>
              )}
            </div>
          </div>
        ))}
      </div>
      {map.none?.volume ? (
        <div style={{ fontSize: 11, color: '#64748b', marginTop: 6 }}>
          {f.int(map.none.volume)} {t('comments')} {t('none')} ({pct(map.none.share)})
        </div>
      ) : null}
    </div>
  );
}
