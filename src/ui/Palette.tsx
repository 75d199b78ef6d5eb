/** The palette: node types grouped by category, searchable in English or Vietnamese (accents optional). */
import { useMemo, useState, type DragEvent } from 'react';
import { NODE_TYPES } from '../../nodes/index';
import { CATEGORIES } from '../core/node';
import { foldDiacritics } from '../core/text';
import { NODE_MIME } from './canvas/Canvas';
import { CATEGORY_TITLES, useT } from './i18n';
import { useStore } from './store';

const norm = (s: string) => foldDiacritics(s).toLowerCase();

export function Palette() {
  const { t, p } = useT();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = norm(query.trim());
    const match = (d: (typeof NODE_TYPES)[number]) => !q || [d.type, d.title.en, d.title.vi, d.description.en, d.description.vi].some((s) => norm(s).includes(q));
    return CATEGORIES.map((c) => ({ category: c, nodes: NODE_TYPES.filter((d) => d.category === c && match(d)) })).filter((g) => g.nodes.length);
  }, [query]);

  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(NODE_MIME, type);
    e.dataTransfer.effectAllowed = 'move';
  };
  /** Clicking (or Enter) adds the node near the top-left of the flow, for keyboard users. */
  const add = (type: string) => {
    const s = useStore.getState();
    const maxX = Math.max(0, ...s.nodes.map((n) => n.position.x));
    s.addNode(type, { x: maxX + 260, y: 80 });
  };

  return (
    <aside className="af-palette" aria-label={t('nodes')}>
      <input className="af-search" type="search" placeholder={t('searchNodes')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="palette-search" />
      <p className="af-hint">{t('dragHint')}</p>
      {groups.map((g) => (
        <section key={g.category}>
          <h3 className={`af-cat-title af-cat-${g.category}`}>{p(CATEGORY_TITLES[g.category])}</h3>
          {g.nodes.map((d) => (
            <div key={d.type} className={`af-palette-item af-cat-${d.category}`} draggable onDragStart={(e) => onDragStart(e, d.type)}
              onDoubleClick={() => add(d.type)} onKeyDown={(e) => e.key === 'Enter' && add(d.type)} tabIndex={0} role="button"
              title={p(d.description)} data-testid={`palette-${d.type}`}>
              <strong>{p(d.title)}</strong>
              <small>{p(d.description)}</small>
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
