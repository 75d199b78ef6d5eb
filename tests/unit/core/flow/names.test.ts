/**
 * One name per node everywhere: the palette and the inspector take the type's title, the canvas,
 * the inspector heading, the trainer and the messages the node's label (its given name, else that
 * title). Shipped templates must not give a node a near-copy of its type's title ("Per-person
 * features" for "Per-user features") or a label whose Vietnamese differs from the title's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, getNode } from '../../../../nodes/index';
import { nodeLabel } from '../../../../src/core/flow/names';
import { validateWorkflow } from '../../../../src/core/flow/validate';
import type { Workflow } from '../../../../src/core/flow/workflow';

const DIR = path.resolve(__dirname, '../../../../templates');
const templates = readdirSync(DIR)
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => ({ file: f, w: JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) }));

const SMALL = new Set(['the', 'a', 'an', 'of', 'each', 'per']);
const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !SMALL.has(w));

/** Two names that differ by at most one word (after small words) read as the same name spelt twice. */
function near(a: string, b: string): boolean {
  const x = words(a),
    y = words(b);
  if (Math.min(x.length, y.length) < 2) return false;
  const only = x.filter((w) => !y.includes(w)).length + y.filter((w) => !x.includes(w)).length;
  return only <= 2 && Math.abs(x.length - y.length) <= 1 && x.some((w) => y.includes(w));
}

describe('node names', () => {
  it('every type has its own title in each language (the palette tells them apart)', () => {
    for (const lang of ['en', 'vi'] as const) {
      const titles = NODE_TYPES.map((d) => d.title[lang]);
      expect(new Set(titles).size, lang).toBe(titles.length);
    }
  });

  it('the near-copy rule catches the names the editor used to show', () => {
    expect(near('Per-person features', 'Per-user features')).toBe(true);
    expect(near('Clean the text', 'Clean text')).toBe(true);
    expect(near('Find segments', 'K-means segments')).toBe(false);
    expect(near('Mean tone per person', 'Per-user features')).toBe(false);
  });

  for (const { file, w } of templates) {
    it(`${file}: each label is the type's title in both languages, or a name of its own`, () => {
      const vi: Record<string, string> = w.translations?.vi?.labels ?? {};
      for (const n of w.nodes as { id: string; type: string; label?: string }[]) {
        const def = getNode(n.type)!;
        if (!n.label) {
          expect(vi[n.id], `${n.id} has a Vietnamese label but no label`).toBeUndefined();
          continue;
        }
        if (n.label === def.title.en || near(n.label, def.title.en)) {
          expect(n.label, `${n.id}: "${n.label}" reads like "${def.title.en}"`).toBe(def.title.en);
          expect(vi[n.id] ?? def.title.vi, `${n.id}: Vietnamese label`).toBe(def.title.vi);
        }
        if (vi[n.id] && near(vi[n.id], def.title.vi)) expect(vi[n.id]).toBe(def.title.vi);
      }
    });
  }

  it('nodeLabel: the given name, else the type title, else the id', () => {
    const def = getNode('cluster.kmeans')!;
    expect(nodeLabel({ id: 'kmeans', label: 'Find segments' }, def)).toEqual({ en: 'Find segments', vi: 'Find segments' });
    expect(nodeLabel({ id: 'kmeans', label: '  ' }, def)).toEqual(def.title);
    expect(nodeLabel({ id: 'x' }, undefined)).toEqual({ en: 'x', vi: 'x' });
  });

  it('flow messages name the node by its label in English and Vietnamese, never by its id', () => {
    const w: Workflow = {
      schema: 'audience-flow/workflow@2',
      name: 't',
      description: '',
      nodes: [
        { id: 'kmeans', type: 'cluster.kmeans', params: {}, position: [0, 0] },
        { id: 'scale', type: 'feature.scale', label: 'Make comparable', params: {}, position: [0, 0] },
      ],
      edges: [],
      notes: [],
      inputs: [],
    } as unknown as Workflow;
    const issues = validateWorkflow(w, getNode);
    const km = issues.find((i) => i.node === 'kmeans')!;
    expect(km.message.en).toContain('"K-means segments"');
    expect(km.message.vi).toContain('"Phân khúc K-means"');
    expect(km.message.en).not.toContain('"kmeans"');
    const sc = issues.find((i) => i.node === 'scale')!;
    expect(sc.message.en).toContain('"Make comparable"');
    expect(sc.message.vi).toContain('"Make comparable"');
  });
});
