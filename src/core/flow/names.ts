/**
 * The one name of a node in the flow, wherever it is shown (canvas, inspector, trainer, messages):
 * the name the analyst gave it, else its type's title in the interface language.
 */
import type { NodeDef } from '../contract/node';
import type { Text } from '../contract/i18n';

/** A node's label: its given name (the same in both languages), else its type's title, else its id. */
export function nodeLabel(node: { id: string; label?: string }, def: Pick<NodeDef, 'title'> | undefined): Text {
  const given = node.label?.trim();
  if (given) return { en: given, vi: given };
  return def?.title ?? { en: node.id, vi: node.id };
}
