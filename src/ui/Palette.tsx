/** The palette: node types grouped by category, searchable in English or Vietnamese (accents optional). */
import { useReactFlow } from '@xyflow/react';
import { useMemo, useState, type DragEvent } from 'react';
import { NODE_TYPES } from '../../nodes/index';
import { CATEGORIES } from '../core/contract/node';
import { foldDiacritics } from '../core/contract/i18n';
import { NODE_MIME } from './canvas/Canvas';
import { CATEGORY_TITLES, useT } from './i18n';
import { useStore } from './store';

const norm = (s: string) => foldDiacritics(s).toLowerCase();

const W = 220,
  H = 110,
  MARGIN = 24;

/** A free spot for a new node inside the visible part of the flow (top-left `a`, bottom-right `b`). */
export function spotInView(
  nodes: { id: string; position: { x: number; y: number } }[],
  selected: string | null,
  a: { x: number; y: number },
  b: { x: number; y: number },
): { x: number; y: number } {
  const inView = (p: { x: number; y: number }) =>
    p.x >= a.x + MARGIN && p.y >= a.y + MARGIN && p.x + W <= b.x - MARGIN && p.y + H <= b.y - MARGIN;
  const free = (p: { x: number; y: number }) => !nodes.some((n) => Math.abs(n.position.x - p.x) < W && Math.abs(n.position.y - p.y) < H);
  const sel = nodes.find((n) => n.id === selected)?.position;
  const centre = { x: (a.x + b.x) / 2 - W / 2, y: (a.y + b.y) / 2 - H / 2 };
  const near = sel
    ? [
        { x: sel.x + 260, y: sel.y },
        { x: sel.x, y: sel.y + 150 },
        { x: sel.x + 260, y: sel.y + 150 },
        { x: sel.x, y: sel.y - 150 },
      ]
    : [];
  const spot = [...near, centre].find((p) => inView(p) && free(p));
  if (spot) return spot;
  for (let i = 1; i <= 12; i++) {
    for (const p of [
      { x: centre.x, y: centre.y + i * 40 },
      { x: centre.x + i * 40, y: centre.y },
      { x: centre.x, y: centre.y - i * 40 },
    ])
      if (inView(p) && free(p)) return p;
  }
  return centre;
}

export function Palette() {
  const { t, p } = useT();
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = norm(query.trim());
    const match = (d: (typeof NODE_TYPES)[number]) =>
      !q || [d.type, d.title.en, d.title.vi, d.description.en, d.description.vi].some((s) => norm(s).includes(q));
    return CATEGORIES.map((c) => ({ category: c, nodes: NODE_TYPES.filter((d) => d.category === c && match(d)) })).filter(
      (g) => g.nodes.length,
    );
  }, [query]);

  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(NODE_MIME, type);
    e.dataTransfer.effectAllowed = 'move';
  };
  /** Double-click (or Enter) adds the node where the user is looking: beside the selected node
   * when that spot is in view and free, else in the middle of the view; it comes selected. */
  const add = (type: string) => {
    const s = useStore.getState();
    const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!box) {
      s.addNode(type, { x: 80, y: 80 });
      return;
    }
    s.addNode(
      type,
      spotInView(
        s.nodes,
        s.selected,
        flow.screenToFlowPosition({ x: box.left, y: box.top }),
        flow.screenToFlowPosition({ x: box.right, y: box.bottom }),
      ),
    );
  };

  return (
    <aside className="af-palette" aria-label={t('nodes')}>
      <input
        className="af-search"
        type="search"
        placeholder={t('searchNodes')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="palette-search"
      />
      <p className="af-hint">{t('dragHint')}</p>
      {groups.map((g) => (
        <section key={g.category}>
          <h3 className={`af-cat-title af-cat-${g.category}`}>{p(CATEGORY_TITLES[g.category])}</h3>
          {g.nodes.map((d) => (
            <div
              key={d.type}
              className={`af-palette-item af-cat-${d.category}`}
              draggable
              onDragStart={(e) => onDragStart(e, d.type)}
              onDoubleClick={() => add(d.type)}
              onKeyDown={(e) => e.key === 'Enter' && add(d.type)}
              tabIndex={0}
              role="button"
              title={p(d.description)}
              data-testid={`palette-${d.type}`}
            >
              <strong>{p(d.title)}</strong>
              <small>{p(d.description)}</small>
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
