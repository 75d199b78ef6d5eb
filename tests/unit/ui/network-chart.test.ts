/** ECharts options of the interaction network: fixed positions, community colours, what was left out. */
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import type { NetworkChart } from '../../../src/core/contract/chart';
import { RENDERERS } from '../../../src/ui/charts/registry';
import { networkOption } from '../../../src/ui/charts/network';

type AnyOpt = Record<string, any>;

const spec = (communities: number): NetworkChart => ({
  kind: 'chart',
  chart: 'network',
  title: { en: 'Who interacts with whom', vi: 'Ai tương tác với ai' },
  nodes: Array.from({ length: communities }, (_, i) => ({ id: `u${i}`, x: i, y: -i, size: 10 + i, community: i + 1, pagerank: 0.1 })),
  edges: [
    [0, 1, 2],
    [1, 0, 1],
  ],
  communities: Array.from({ length: communities }, (_, i) => ({ community: i + 1, size: communities - i })),
  leftOutNodes: 5,
  leftOutEdges: 7,
});

describe('network chart', () => {
  it('draws the positions computed by the node as an ECharts graph, and says what was left out', () => {
    expect(RENDERERS.network.type).toBe('echarts');
    const o = networkOption(spec(3), 'en') as AnyOpt;
    const series = o.series[0];
    expect(series.type).toBe('graph');
    expect(series.layout).toBe('none');
    expect(series.data.map((d: AnyOpt) => [d.name, d.x, d.y, d.symbolSize, d.category])).toEqual([
      ['u0', 0, -0, 10, 0],
      ['u1', 1, -1, 11, 1],
      ['u2', 2, -2, 12, 2],
    ]);
    expect(series.links).toHaveLength(2);
    expect(series.links[0].lineStyle.width).toBeGreaterThan(series.links[1].lineStyle.width);
    expect(o.title.subtext).toBe('5 less central people and 7 links not drawn');
    expect((networkOption(spec(3), 'vi') as AnyOpt).title.subtext).toBe('5 người ít trung tâm hơn và 7 liên kết không được vẽ');
  });

  it('gives the largest communities their own colour and groups the rest', () => {
    const o = networkOption(spec(12), 'en') as AnyOpt;
    const series = o.series[0];
    expect(series.categories).toHaveLength(10);
    expect(series.categories[9].name).toBe('Other communities');
    expect(series.data[11].category).toBe(9);
  });

  it('renders in ECharts (server-side SVG): one symbol per person', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
    chart.setOption(networkOption(spec(4), 'en'));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('Who interacts with whom');
    expect(svg).toContain('5 less central people and 7 links not drawn');
    // Circles are arcs: the 4 people plus the 4 legend icons (one per community).
    expect((svg.match(/<path d="M[^"]*A/g) ?? []).length).toBe(8);
  });
});
