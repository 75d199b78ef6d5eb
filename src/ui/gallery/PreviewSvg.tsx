/** The small picture of a template on its gallery card, drawn from `previewOf(workflow)`. */
import { previewOf } from '../../core/flow/preview';
import type { Workflow } from '../../core/flow/workflow';

export function PreviewSvg({ workflow }: { workflow: Workflow }) {
  const pv = previewOf(workflow);
  return (
    <svg className="af-preview" viewBox={`0 0 ${pv.width} ${pv.height}`} role="img" aria-hidden="true">
      {pv.lines.map((l, i) => (
        <line key={i} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} className="af-preview-edge" />
      ))}
      {pv.notes.map((d, i) => (
        <circle key={i} cx={d.x} cy={d.y} r={3} className="af-preview-note" />
      ))}
      {pv.rects.map((r) => (
        <rect key={r.id} x={r.x} y={r.y} width={r.w} height={r.h} rx={2} className={`af-preview-node af-cat-${r.category}`} />
      ))}
    </svg>
  );
}
