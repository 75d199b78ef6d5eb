/** Persona cards: one per segment, with its name, sentence, size/share bar and strongest traits. */
import type { ChartSpec, PersonasChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';
import { PALETTE } from './basic';
import { formats } from '../../core/contract/format';

const LABELS = {
  segment: { en: 'Segment', vi: 'Phân khúc' },
  people: { en: 'rows', vi: 'dòng' },
  traits: { en: 'Stands out by', vi: 'Nổi bật ở' },
  typical: { en: 'Typical values', vi: 'Giá trị đặc trưng' },
};

export function PersonasView({ spec, lang }: { spec: ChartSpec; lang: Lang }) {
  const { cards, title } = spec as PersonasChart;
  const f = formats(lang);
  return (
    <div data-testid="personas">
      {title && <h4 style={{ margin: '4px 0 8px', fontSize: 13 }}>{pick(title, lang)}</h4>}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 10 }}>
        {cards.map((c) => {
          const colour = PALETTE[c.segment % PALETTE.length];
          return (
            <article
              key={c.segment}
              data-testid="persona-card"
              style={{
                border: '1px solid #e2e8f0',
                borderTop: `4px solid ${colour}`,
                borderRadius: 8,
                padding: '8px 10px',
                background: '#fff',
              }}
            >
              <div style={{ fontSize: 11, color: '#64748b' }}>
                {pick(LABELS.segment, lang)} {c.segment} · {f.int(c.size)} {pick(LABELS.people, lang)} · {f.pct(c.share)}
              </div>
              <div style={{ height: 6, background: '#f1f5f9', borderRadius: 3, margin: '4px 0 6px' }}>
                <div style={{ width: `${Math.max(1, c.share * 100)}%`, height: '100%', background: colour, borderRadius: 3 }} />
              </div>
              <h5 style={{ margin: '2px 0 4px', fontSize: 14 }}>{pick(c.name, lang)}</h5>
              <p style={{ margin: '0 0 6px', fontSize: 12, color: '#334155' }}>{pick(c.sentence, lang)}</p>
              {c.traits.length > 0 && (
                <>
                  <div style={{ fontSize: 11, color: '#64748b' }}>{pick(LABELS.traits, lang)}</div>
                  <ul style={{ margin: '2px 0 6px', paddingLeft: 16, fontSize: 12 }}>
                    {c.traits.map((t) => (
                      <li key={t.feature}>
                        <b>{t.feature}</b> {f.num(t.mean)}
                        {t.lift !== null && <span style={{ color: t.lift >= 1 ? '#047857' : '#b91c1c' }}> ({f.ratio(t.lift)})</span>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {c.top.length > 0 && (
                <>
                  <div style={{ fontSize: 11, color: '#64748b' }}>{pick(LABELS.typical, lang)}</div>
                  <ul style={{ margin: '2px 0 0', paddingLeft: 16, fontSize: 12 }}>
                    {c.top.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          );
        })}
      </div>
    </div>
  );
}
