/**
 * When the interface language changes, the texts of an opened template copy (flow name, step notes,
 * node labels) follow it, as long as the analyst has not rewritten them.
 */
import { retranslate, translationPairs } from '../../core/flow/template';
import { useStore } from '../store';
import { TEMPLATES } from '../templates';

export function startRetranslate(): () => void {
  const pairs = translationPairs(TEMPLATES.map((t) => t.workflow));
  return useStore.subscribe((s, prev) => {
    if (s.lang === prev.lang) return;
    let changed = false;
    const nodes = s.nodes.map((n) => {
      const data = n.data as { text?: unknown; label?: unknown };
      const key = n.type === 'note' ? 'text' : 'label';
      const value = data[key];
      if (typeof value !== 'string') return n;
      const next = retranslate(value, pairs, s.lang);
      if (next === value) return n;
      changed = true;
      return { ...n, data: { ...n.data, [key]: next } };
    });
    const name = retranslate(s.name, pairs, s.lang);
    if (changed || name !== s.name) useStore.setState({ nodes: nodes as typeof s.nodes, name });
  });
}
