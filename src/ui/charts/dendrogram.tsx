/** A dendrogram of the top merges (SVG): leaves along the bottom coloured by segment, the cut as a dashed line. */
import type { ChartSpec, DendrogramChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';
import { PALETTE } from './basic';
import { formats } from '../../core/contract/format';

const W = 760,
  H = 320,
  PAD = { left: 48, right: 12, top: 28, bottom: 56 };

export function DendrogramView({ spec, lang }: { spec: ChartSpec; lang: Lang }) {
  const { merges, labels, leafSegment, cut, title } = spec as DendrogramChart;
  const L = labels.length;
  if (!merges.length) return <p className="af-hint">—</p>;
  const root = L + merges.length - 1;
  // Leaf order: depth-first from the root, so that branches never cross.
  const order: number[] = [];
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    if (id < L) order.push(id);
    else {
      const [a, b] = merges[id - L];
      stack.push(b, a);
    }
  }
  const slot = new Map(order.map((leaf, i) => [leaf, i]));
  const maxH = Math.max(...merges.map((m) => m[2]), cut ?? 0) || 1;
  const minH = Math.min(...merges.map((m) => m[2]));
  const base = Math.max(0, minH - (maxH - minH) * 0.05);
  const x = (i: number) => PAD.left + ((i + 0.5) / L) * (W - PAD.left - PAD.right);
  const y = (h: number) => H - PAD.bottom - ((h - base) / (maxH - base)) * (H - PAD.top - PAD.bottom);
  const pos: { x: number; y: number; seg: number }[] = [];
  for (let i = 0; i < L; i++) pos[i] = { x: x(slot.get(i)!), y: y(base), seg: leafSegment?.[i] ?? -1 };
  const paths = merges.map(([a, b, h], j) => {
    const pa = pos[a],
      pb = pos[b],
      yy = y(h);
    pos[L + j] = { x: (pa.x + pb.x) / 2, y: yy, seg: pa.seg === pb.seg ? pa.seg : -1 };
    const colour = pa.seg === pb.seg && pa.seg >= 0 ? PALETTE[pa.seg % PALETTE.length] : '#64748b';
    return <path key={j} d={`M${pa.x},${pa.y}V${yy}H${pb.x}V${pb.y}`} fill="none" stroke={colour} strokeWidth={1.4} />;
  });
  const ticks = Array.from({ length: 5 }, (_, i) => base + ((maxH - base) * i) / 4);
  return (
    <div data-testid="dendrogram">
      {title && <h4 style={{ margin: '4px 0', fontSize: 13 }}>{pick(title, lang)}</h4>}
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxHeight: 360 }} role="img">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left - 4} x2={PAD.left} y1={y(t)} y2={y(t)} stroke="#94a3b8" />
            <text x={PAD.left - 6} y={y(t) + 3} fontSize={9} textAnchor="end" fill="#64748b">
              {formats(lang).num(t)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#94a3b8" />
        {paths}
        {cut !== undefined && cut > base && (
          <line x1={PAD.left} x2={W - PAD.right} y1={y(cut)} y2={y(cut)} stroke="#ef4444" strokeDasharray="5 4" />
        )}
        {L <= 80 &&
          order.map((leaf) => (
            <text key={leaf} transform={`translate(${pos[leaf].x},${H - PAD.bottom + 8}) rotate(60)`} fontSize={8} fill="#475569">
              {labels[leaf]}
            </text>
          ))}
      </svg>
    </div>
  );
}
