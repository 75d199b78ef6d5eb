/**
 * Templates for teams and trainers: fill-in inputs (`inputs`), bilingual texts (`translations`)
 * and which step note explains which node. Pure functions over workflow files, used by the editor
 * and the CLI.
 */
import type { Lang, Text } from '../contract/i18n';
import type { TemplateInput, Workflow } from './workflow';

export type { TemplateInput };

export const templateInputs = (w: Workflow): TemplateInput[] => w.inputs ?? [];

/** The flow's name, description, notes and labels in a language (English when not translated). */
export function localizeFlow(w: Workflow, lang: Lang): Workflow {
  const tr = lang === 'en' ? undefined : w.translations?.[lang];
  if (!tr) return w;
  return {
    ...w,
    name: tr.name ?? w.name,
    description: tr.description ?? w.description,
    notes: w.notes.map((n) => ({ ...n, text: tr.notes?.[n.id] ?? n.text })),
    nodes: w.nodes.map((n) => (tr.labels?.[n.id] && n.label ? { ...n, label: tr.labels[n.id] } : n)),
  };
}

/** Pairs of the same text in English and Vietnamese from every template, to re-translate an opened copy. */
export function translationPairs(flows: Workflow[]): Text[] {
  const pairs: Text[] = [];
  for (const w of flows) {
    const vi = localizeFlow(w, 'vi');
    if (vi === w) continue;
    pairs.push({ en: w.name, vi: vi.name });
    w.notes.forEach((n, i) => pairs.push({ en: n.text, vi: vi.notes[i].text }));
    w.nodes.forEach((n, i) => {
      if (n.label) pairs.push({ en: n.label, vi: vi.nodes[i].label ?? n.label });
    });
  }
  return pairs.filter((p) => p.en !== p.vi);
}

/** Translates a text of a template copy to `lang` when it is one of the known pairs; else keeps it. */
export function retranslate(text: string, pairs: Text[], lang: Lang): string {
  const other: Lang = lang === 'en' ? 'vi' : 'en';
  return pairs.find((p) => p[other] === text)?.[lang] ?? text;
}

/** Reads the text of a fill-in value as the input's kind expects. */
export function inputValue(input: TemplateInput, raw: string): unknown {
  const text = raw.trim();
  if (input.kind === 'number' || input.kind === 'integer') {
    const n = Number(text);
    return text !== '' && Number.isFinite(n) ? n : text;
  }
  if (input.kind === 'columns') {
    if (text.startsWith('[')) {
      try {
        return JSON.parse(text);
      } catch {
        /* fall back to commas */
      }
    }
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (input.kind === 'boolean') return text === 'true' || text === 'yes' || text === '1';
  return text;
}

export type ApplyResult = { ok: true; workflow: Workflow } | { ok: false; message: Text };

/** Writes fill-in values (input id → text) into a copy of the flow's node params. */
export function applyInputs(w: Workflow, values: Record<string, string>): ApplyResult {
  const inputs = templateInputs(w);
  const nodes = w.nodes.map((n) => ({ ...n, params: { ...n.params } }));
  for (const [id, raw] of Object.entries(values)) {
    const input = inputs.find((i) => i.id === id);
    if (!input) {
      const known = inputs.map((i) => i.id).join(', ') || '—';
      return {
        ok: false,
        message: { en: `This flow has no input "${id}" (it has: ${known}).`, vi: `Luồng này không có ô nhập "${id}" (có: ${known}).` },
      };
    }
    const node = nodes.find((n) => n.id === input.node);
    if (!node)
      return {
        ok: false,
        message: {
          en: `The input "${id}" names the node "${input.node}", which is not in the flow.`,
          vi: `Ô nhập "${id}" trỏ tới nút "${input.node}", không có trong luồng.`,
        },
      };
    if (raw.trim() === '') continue;
    node.params[input.param] = inputValue(input, raw);
  }
  return { ok: true, workflow: { ...w, nodes } };
}

/** The current value of each input in the flow, as text for a form. */
export function currentInputValues(w: Workflow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of templateInputs(w)) {
    const v = w.nodes.find((n) => n.id === input.node)?.params[input.param];
    out[input.id] = v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/** The index of the step note nearest to a node (notes sit above the nodes they explain), or -1. */
export function noteIndexFor(nodePosition: readonly [number, number], notes: { position: readonly [number, number] }[]): number {
  let best = -1,
    bestD = Infinity;
  notes.forEach((n, i) => {
    const dx = n.position[0] - nodePosition[0],
      dy = n.position[1] - nodePosition[1];
    const d = dx * dx + dy * dy * 0.25;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
