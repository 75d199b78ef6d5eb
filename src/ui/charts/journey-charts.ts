/** ECharts options for the journey charts: Sankey of paths and the stage funnel. */
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../core/chart';
import type { FunnelChart, SankeyChart } from '../../core/journey/charts';
import { pick, type Lang } from '../../core/text';

/** One colour per journey stage, shared by the journey charts. */
export const STAGE_COLOR: Record<string, string> = {
  awareness: '#60a5fa', consideration: '#a78bfa', purchase: '#10b981', experience: '#f59e0b', advocacy: '#ec4899', churn: '#ef4444', none: '#94a3b8',
};

const title = (spec: { title?: ChartSpec['title'] }, lang: Lang) =>
  spec.title ? { text: pick(spec.title, lang), left: 8, top: 4, textStyle: { fontSize: 13 } } : undefined;

export function sankeyOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as SankeyChart;
  const byName = new Map(spec.nodes.map((n) => [n.name, n]));
  const step = lang === 'vi' ? 'Bước' : 'Step';
  return {
    title: title(spec, lang),
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = (p as { data: { name?: string; source?: string; target?: string; value: number } }).data;
        const show = (name: string) => { const n = byName.get(name); return n ? `${step} ${n.step}: ${pick(n.label, lang)}` : name; };
        return d.source ? `${show(d.source)} → ${show(d.target!)}: ${d.value}` : `${show(d.name!)}: ${d.value}`;
      },
    },
    series: [{
      type: 'sankey',
      top: 36, bottom: 12, left: 12, right: 90,
      nodeGap: 10,
      emphasis: { focus: 'adjacency' },
      data: spec.nodes.map((n) => ({ name: n.name, value: n.value, itemStyle: { color: STAGE_COLOR[n.stage] ?? '#64748b' }, label: { formatter: pick(n.label, lang) } })),
      links: spec.links,
      lineStyle: { color: 'gradient', opacity: 0.35 },
      label: { fontSize: 11 },
    }],
  };
}

export function funnelOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as FunnelChart;
  const first = spec.stages[0]?.value || 1;
  const data = spec.stages.map((x) => ({ name: x.label ? pick(x.label, lang) : x.name, value: x.value, itemStyle: { color: STAGE_COLOR[x.name] ?? '#2563eb' } }));
  return {
    title: title(spec, lang),
    animation: false,
    tooltip: { trigger: 'item', formatter: (p) => { const d = p as { name: string; value: number }; return `${d.name}: ${d.value} (${Math.round((d.value / first) * 100)}%)`; } },
    series: [{
      type: 'funnel',
      top: 36, bottom: 12, left: '10%', width: '80%',
      sort: 'none',
      minSize: '8%',
      gap: 2,
      label: { position: 'inside', formatter: (p) => { const d = p as { name: string; value: number }; return `${d.name}  ${d.value} · ${Math.round((d.value / first) * 100)}%`; } },
      data,
    }],
  };
}
