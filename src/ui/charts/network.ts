/**
 * ECharts options for an interaction network: the positions come from the node (ForceAtlas2 in
 * the worker), so the page only draws: size by PageRank, colour by community, arrows on links.
 */
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../core/contract/chart';
import type { NetworkChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';
import { PALETTE } from './basic';
import { formats } from '../../core/contract/format';

/** Communities with their own colour and legend entry; the others share "other communities". */
const COLOURED = 9;

export function networkOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as NetworkChart;
  const ranked = [...spec.communities].sort((a, b) => b.size - a.size || a.community - b.community);
  const colourOf = new Map(ranked.slice(0, COLOURED).map((c, i) => [c.community, i]));
  const other = pick({ en: 'Other communities', vi: 'Các cộng đồng khác' }, lang);
  const categories = [
    ...ranked.slice(0, COLOURED).map((c) => ({
      name: pick(
        { en: `Community ${c.community} (${formats('en').int(c.size)})`, vi: `Cộng đồng ${c.community} (${formats('vi').int(c.size)})` },
        lang,
      ),
    })),
    ...(ranked.length > COLOURED ? [{ name: other, itemStyle: { color: '#94a3b8' } }] : []),
  ];
  const left = spec.leftOutNodes
    ? pick(
        {
          en: `${formats('en').int(spec.leftOutNodes)} less central people and ${formats('en').int(spec.leftOutEdges)} links not drawn`,
          vi: `${formats('vi').int(spec.leftOutNodes)} người ít trung tâm hơn và ${formats('vi').int(spec.leftOutEdges)} liên kết không được vẽ`,
        },
        lang,
      )
    : '';
  const maxWeight = spec.edges.reduce((m, e) => Math.max(m, e[2]), 1);
  return {
    color: PALETTE,
    title: spec.title ? { text: pick(spec.title, lang), subtext: left, left: 8, top: 4, textStyle: { fontSize: 13 } } : undefined,
    legend: { bottom: 0, type: 'scroll', data: categories.map((c) => c.name) },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const q = p as { dataType?: string; data?: { name?: string; value?: number } };
        return q.dataType === 'node' && q.data ? `${q.data.name ?? ''}<br/>PageRank ${formats(lang).num(Number(q.data.value))}` : '';
      },
    },
    animation: false,
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        categories,
        edgeSymbol: ['none', spec.nodes.length <= 300 ? 'arrow' : 'none'],
        edgeSymbolSize: 5,
        lineStyle: { color: 'source', opacity: 0.25, curveness: 0.1 },
        emphasis: { focus: 'adjacency', lineStyle: { opacity: 0.8 } },
        label: { show: false },
        data: spec.nodes.map((n) => ({
          name: n.id,
          x: n.x,
          y: n.y,
          value: n.pagerank,
          symbolSize: n.size,
          category: colourOf.get(n.community) ?? COLOURED,
        })),
        links: spec.edges.map(([a, b, w]) => ({ source: a, target: b, lineStyle: { width: 0.5 + 2.5 * (w / maxWeight) } })),
      },
    ],
  };
}
