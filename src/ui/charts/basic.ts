/** ECharts options for the basic chart types (bar, histogram, scatter, heatmap, line). */
import type { EChartsOption } from 'echarts';
import type { BarChart, ChartSpec, HeatmapChart, HistogramChart, LineChart, ScatterChart } from '../../core/chart';
import { pick, type Lang } from '../../core/text';

export const PALETTE = ['#2563eb', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b', '#84cc16', '#f97316'];

const base = (spec: ChartSpec, lang: Lang): EChartsOption => ({
  color: PALETTE,
  title: spec.title ? { text: pick(spec.title, lang), left: 8, top: 4, textStyle: { fontSize: 13 } } : undefined,
  grid: { left: 56, right: 24, top: 40, bottom: 40, containLabel: true },
  tooltip: { trigger: 'item' },
  animation: false,
});

export function barOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as BarChart;
  const cat = { type: 'category' as const, data: spec.categories, name: spec.xLabel };
  const val = { type: 'value' as const, name: spec.yLabel };
  return {
    ...base(spec, lang),
    legend: spec.series.length > 1 ? { top: 4, right: 8 } : undefined,
    tooltip: { trigger: 'axis' },
    xAxis: spec.horizontal ? val : cat,
    yAxis: spec.horizontal ? cat : val,
    series: spec.series.map((x) => ({ type: 'bar', name: x.name, data: x.values })),
  };
}

export function histogramOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as HistogramChart;
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
  return {
    ...base(spec, lang),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', name: spec.column, data: spec.bins.map((b) => `${fmt(b.from)}–${fmt(b.to)}`) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: spec.bins.map((b) => b.count), barCategoryGap: '2%' }],
  };
}

export function scatterOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as ScatterChart;
  const groups = spec.groups.length ? spec.groups : [''];
  const data: [number, number][][] = groups.map(() => []);
  for (let i = 0; i < spec.x.length; i++) data[spec.group[i] ?? 0]?.push([spec.x[i], spec.y[i]]);
  return {
    ...base(spec, lang),
    legend: groups.length > 1 ? { top: 4, right: 8 } : undefined,
    xAxis: { type: 'value', name: spec.xLabel, scale: true },
    yAxis: { type: 'value', name: spec.yLabel, scale: true },
    series: groups.map((g, i) => ({ type: 'scatter', name: g, data: data[i], symbolSize: 5, large: data[i].length > 5000 })),
  };
}

export function heatmapOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as HeatmapChart;
  const cells: [number, number, number][] = [];
  let min = Infinity, max = -Infinity;
  spec.values.forEach((row, r) => row.forEach((v, c) => { cells.push([c, r, v]); if (v < min) min = v; if (v > max) max = v; }));
  const show = (v: number) => (spec.format === 'percent' ? `${Math.round(v * 100)}%` : spec.format === 'lift' ? `${v.toFixed(1)}×` : Number.isInteger(v) ? String(v) : v.toFixed(2));
  return {
    ...base(spec, lang),
    tooltip: { position: 'top' },
    xAxis: { type: 'category', data: spec.cols, splitArea: { show: true } },
    yAxis: { type: 'category', data: spec.rows, splitArea: { show: true } },
    visualMap: { min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#eff6ff', '#2563eb'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (p) => show((p.value as number[])[2]) } }],
  };
}

export function lineOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as LineChart;
  return {
    ...base(spec, lang),
    legend: spec.series.length > 1 ? { top: 4, right: 8 } : undefined,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', name: spec.xLabel, data: spec.x.map(String) },
    yAxis: spec.series.map((x, i) => ({ type: 'value' as const, name: x.name, scale: true, position: i === 0 ? 'left' as const : 'right' as const })).slice(0, 2),
    series: spec.series.map((x, i) => ({
      type: 'line', name: x.name, data: x.values, yAxisIndex: Math.min(i, 1),
      markLine: spec.mark !== undefined && i === 0 ? { symbol: 'none', data: [{ xAxis: String(spec.mark) }] } : undefined,
    })),
  };
}
