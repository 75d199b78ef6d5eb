/**
 * Over the canvas, after a flow is opened: "This flow has 3 problems" with each problem (a click
 * selects its node and brings it into view), and the files the flow reads that this browser lacks
 * ("This flow reads `comments.csv` — drop it here"). Hidden by the analyst or once all is fixed.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { useStore } from '../store';
import { useSafety } from './state';
import { aroundFile, SAFETY } from './texts';
import './safety.css';

export function OpenBanner() {
  const { p } = useT();
  const problems = useSafety((s) => s.problems);
  const missing = useSafety((s) => s.missing);
  const loads = useStore((s) => s.loads);
  const flow = useReactFlow();
  const [hidden, setHidden] = useState(false);
  useEffect(() => setHidden(false), [loads]);
  if (hidden || (!problems.length && !missing.length)) return null;

  const show = (id: string | undefined) => {
    if (!id) return;
    const s = useStore.getState();
    useStore.setState({ nodes: s.nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })) });
    s.select(id);
    const node = flow.getInternalNode(id);
    if (node) {
      const w = node.measured.width ?? 200,
        h = node.measured.height ?? 100;
      void flow.setCenter(node.internals.positionAbsolute.x + w / 2, node.internals.positionAbsolute.y + h / 2, {
        zoom: Math.max(flow.getZoom(), 1),
        duration: 250,
      });
    }
  };
  const count = (one: { en: string; vi: string }, many: { en: string; vi: string }, n: number) =>
    n === 1 ? p(one) : p(many).replace('{n}', String(n));

  return (
    <section
      className={`af-open-banner${problems.length ? '' : ' af-only-files'}`}
      aria-label={p(SAFETY.problemsMany).replace('{n}', '')}
      data-testid="open-banner"
    >
      <button type="button" className="af-open-hide" onClick={() => setHidden(true)} data-testid="open-banner-hide">
        {p(SAFETY.hide)}
      </button>
      {problems.length > 0 && (
        <div data-testid="open-problems">
          <strong>{count(SAFETY.problemsOne, SAFETY.problemsMany, problems.length)}</strong>
          <small>{p(SAFETY.problemsHint)}</small>
          <ol>
            {problems.map((x, i) => (
              <li key={i}>
                <button type="button" className="af-link" onClick={() => show(x.node)} data-testid="open-problem">
                  {p(x.message)}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
      {missing.length > 0 && (
        <div className="af-open-files" data-testid="open-files">
          <strong>{count(SAFETY.filesOne, SAFETY.filesMany, missing.length)}</strong>
          <ul>
            {missing.map((m) => (
              <li key={`${m.node}|${m.path}`}>
                <button type="button" className="af-link" onClick={() => show(m.node)} data-testid="open-file-needed">
                  {aroundFile(p(SAFETY.needsFile))[0]}
                  <code>{m.path}</code>
                  {aroundFile(p(SAFETY.needsFile))[1]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
