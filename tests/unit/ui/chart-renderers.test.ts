/** The personas and dendrogram renderers draw the values the nodes output (server-rendered, no browser). */
import { tableFromArrays } from 'apache-arrow';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import hierarchical from '../../../nodes/cluster.hierarchical';
import profile from '../../../nodes/cluster.profile';
import type { ChartSpec } from '../../../src/core/contract/chart';
import { createRandom } from '../../../src/core/contract/random';
import { RENDERERS } from '../../../src/ui/charts/registry';
import { runNode } from '../../helpers/run-node';

function draw(spec: ChartSpec, lang: 'en' | 'vi'): string {
  const r = RENDERERS[spec.chart];
  if (r?.type !== 'react') throw new Error(`no React renderer for ${spec.chart}`);
  return renderToStaticMarkup(createElement(r.Component, { spec, lang }));
}

const rnd = createRandom(3);
const n = 150;
const table = tableFromArrays({
  share_night: Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0.6 : 0.1) + rnd() * 0.1),
  interactions: Float64Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 40 : 8) + rnd() * 3),
});

describe('chart renderers', () => {
  it('draw a dendrogram with one path per merge, the cut line and the leaf labels', async () => {
    const { outputs } = await runNode(hierarchical, { in: table }, { k: 3 });
    const svg = draw(outputs.dendrogram as unknown as ChartSpec, 'en');
    expect(svg.match(/<path /g)?.length).toBe(60);
    expect(svg).toMatch(/stroke-dasharray/);
    expect(svg).toMatch(/\(\d+\)|#\d+/);
    expect(draw(outputs.dendrogram as unknown as ChartSpec, 'vi')).toMatch(/Cách các phân khúc gộp lại/);
  });

  it('draw one persona card per segment, in both languages', async () => {
    const seg = (await runNode(hierarchical, { in: table }, { k: 3 })).outputs.out;
    const { outputs } = await runNode(profile, { in: seg }, {});
    const en = draw(outputs.personas as unknown as ChartSpec, 'en');
    expect(en.match(/data-testid="persona-card"/g)?.length).toBe(3);
    expect(en).toMatch(/night owls|Night-owl/);
    expect(en).toMatch(/Segment 0/);
    const vi = draw(outputs.personas as unknown as ChartSpec, 'vi');
    expect(vi).toMatch(/Phân khúc 0/);
    expect(vi).toMatch(/Cú đêm|về đêm/);
  });
});
