/** ECharts options for the journey charts: Sankey of paths and the stage funnel. */
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../../core/contract/chart';
import type { FunnelChart, SankeyChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';

/** One colour per journey stage, shared by the journey charts. */
export const STAGE_COLOR: Record<string, string> = {
  awareness: '#60a5fa',
  consideration: '#a78bfa',
  purchase: '#10b981',
  experience: '#f59e0b',
  advocacy: '#ec4899',
  churn: '#ef4444',
  none: '#94a3b8',
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
        const end = lang === 'vi' ? 'trở đi, nơi kết thúc' : 'or later, where the path ends';
        const show = (name: string) => {
          const n = byName.get(name);
          return n ? `${step} ${n.step}${n.merged ? ` ${end}` : ''}: ${pick(n.label, lang)}` : name;
        };
        return d.source ? `${show(d.source)} → ${show(d.target!)}: ${d.value}` : `${show(d.name!)}: ${d.value}`;
      },
    },
    series: [
      {
        type: 'sankey',
        top: 36,
        bottom: 12,
        left: 12,
        right: 90,
        nodeGap: 10,
        emphasis: { focus: 'adjacency' },
        data: spec.nodes.map((n) => ({
          name: n.name,
          value: n.value,
          itemStyle: { color: STAGE_COLOR[n.stage] ?? '#64748b' },
          label: { formatter: `${pick(n.label, lang)}${n.merged ? ' (…)' : ''}` },
        })),
        links: spec.links,
        lineStyle: { color: 'gradient', opacity: 0.35 },
        label: { fontSize: 11 },
      },
    ],
  };
}

export function funnelOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as FunnelChart;
  const first = spec.stages[0]?.value || 1;
  // The share as in the funnel table (share_of_users) when the chart carries it.
  const share = (i: number) => spec.stages[i]?.share ?? spec.stages[i].value / first;
  const pct = (x: number | null | undefined) => (typeof x === 'number' && x === x ? `${Math.round(x * 100)}%` : '–');
  const data = spec.stages.map((x) => ({
    name: x.label ? pick(x.label, lang) : x.name,
    value: x.value,
    itemStyle: { color: STAGE_COLOR[x.name] ?? '#2563eb' },
  }));
  const words =
    lang === 'vi'
      ? { people: 'người đã đi ít nhất tới đây', of: 'trên tổng số', conv: 'chuyển đổi từ bước trước' }
      : { people: 'people got at least this far', of: 'of everyone', conv: 'conversion from the stage before' };
  const base = title(spec, lang);
  return {
    title:
      base && spec.note ? { ...base, subtext: pick(spec.note, lang), subtextStyle: { fontSize: 11, width: 520, overflow: 'break' } } : base,
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = p as { name: string; value: number; dataIndex: number };
        const x = spec.stages[d.dataIndex];
        return `${d.name}: ${d.value} ${words.people} (${pct(share(d.dataIndex))} ${words.of})${x && x.conversion !== undefined ? `; ${pct(x.conversion)} ${words.conv}` : ''}`;
      },
    },
    series: [
      {
        type: 'funnel',
        top: spec.note ? 76 : 36,
        bottom: 12,
        left: '10%',
        width: '80%',
        sort: 'none',
        minSize: '8%',
        gap: 2,
        label: {
          position: 'inside',
          formatter: (p) => {
            const d = p as { name: string; value: number; dataIndex: number };
            return `${d.name}  ${d.value} · ${pct(share(d.dataIndex))}`;
          },
        },
        data,
      },
    ],
  };
}
