/** ECharts options for the basic chart types (bar, histogram, scatter, heatmap, line). */
import type { EChartsOption } from 'echarts';
import type { BarChart, ChartSpec, HeatmapChart, HistogramChart, LineChart, ScatterChart } from '../../core/contract/chart';
import { pick, type Lang, type Text } from '../../core/contract/i18n';
import { formats } from '../../core/contract/format';

export const PALETTE = ['#2563eb', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b', '#84cc16', '#f97316'];

/** Sentiment is always red (negative), grey (neutral), green (positive), whatever the chart. */
export const SENTIMENT_COLOR: Record<string, string> = { negative: '#dc2626', neutral: '#9ca3af', positive: '#16a34a' };
const isSentiment = (names: readonly string[]) => names.length > 0 && names.every((n) => n in SENTIMENT_COLOR);

/** A sentiment score in [−1, 1] on the diverging red–grey–green scale. */
export function divergingColor(v: number): string {
  const mix = (a: string, b: string, t: number) => {
    const x = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16)),
      y = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
    return `rgb(${x.map((c, i) => Math.round(c + (y[i] - c) * t)).join(',')})`;
  };
  const t = Math.min(1, Math.abs(v));
  return v < 0 ? mix(SENTIMENT_COLOR.neutral, SENTIMENT_COLOR.negative, t) : mix(SENTIMENT_COLOR.neutral, SENTIMENT_COLOR.positive, t);
}

/** `base` white mixed with `hex` by t in [0, 1]: a cell's colour on a one-hue scale. */
export function tint(hex: string, t: number): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const k = Math.min(1, Math.max(0, t));
  return `rgb(${c.map((v) => Math.round(255 + (v - 255) * (0.12 + 0.88 * k))).join(',')})`;
}

/** Words the nodes write on charts as plain keys (sentiment labels, series names), per language. */
const WORDS: Record<string, Text> = {
  negative: { en: 'negative', vi: 'tiêu cực' },
  neutral: { en: 'neutral', vi: 'trung tính' },
  positive: { en: 'positive', vi: 'tích cực' },
  inertia: { en: 'Inertia', vi: 'Quán tính (inertia)' },
  silhouette: { en: 'Silhouette', vi: 'Silhouette' },
  model: { en: 'model', vi: 'mô hình' },
  random: { en: 'random', vi: 'ngẫu nhiên' },
  mean: { en: 'mean', vi: 'trung bình' },
};

/**
 * A chart word in the interface language: a known key from WORDS, or an "English / Tiếng Việt"
 * pair (how some nodes write bilingual axis titles) split at " / "; anything else as it is.
 */
export function word(s: string | undefined, lang: Lang): string {
  if (!s) return '';
  const known = WORDS[s] ?? WORDS[s.toLowerCase()];
  if (known) return pick(known, lang);
  const parts = s.split(' / ');
  return parts.length === 2 ? parts[lang === 'en' ? 0 : 1] : s;
}

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  vi: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
};

/** Weekday numbers (1 = Monday … 7 = Sunday, as feature.time writes them) shown as day names. */
export function dayNames(axisName: string | undefined, categories: string[], lang: Lang): string[] {
  if (!axisName || !/weekday|day_of_week|\bdow\b/i.test(axisName)) return categories;
  if (!categories.every((c) => /^[1-7](\.0+)?$/.test(c))) return categories;
  return categories.map((c) => WEEKDAYS[lang][Number(c) - 1]);
}

/** Axis titles sit centred beside their axis, so a long one is never cut at the chart's edge. */
const xName = (name: string | undefined, lang: Lang) =>
  name ? { name: word(name, lang), nameLocation: 'middle' as const, nameGap: 28 } : {};
const yName = (name: string | undefined, lang: Lang, right = false) =>
  name ? { name: word(name, lang), nameLocation: 'middle' as const, nameGap: 48, nameRotate: right ? -90 : 90 } : {};

const base = (spec: ChartSpec, lang: Lang): EChartsOption => ({
  color: PALETTE,
  title: spec.title ? { text: pick(spec.title, lang), left: 8, top: 4, textStyle: { fontSize: 13 } } : undefined,
  grid: { left: 56, right: 24, top: 40, bottom: 44, containLabel: true },
  tooltip: { trigger: 'item' },
  animation: false,
});

export function barOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as BarChart;
  const cats = dayNames(spec.xLabel, spec.categories, lang);
  const byCategory = isSentiment(spec.categories),
    bySeries = isSentiment(spec.series.map((x) => x.name));
  // Bars of a sentiment score (e.g. the mean per channel) are coloured by their value.
  const byScore =
    !byCategory && !bySeries && /sentiment/i.test(spec.yLabel ?? '') && spec.series.every((x) => x.values.every((v) => v >= -1 && v <= 1));
  const cat = { type: 'category' as const, data: byCategory ? cats.map((c) => word(c, lang)) : cats };
  const val = { type: 'value' as const };
  return {
    ...base(spec, lang),
    legend: spec.series.length > 1 ? { bottom: 0, type: 'scroll' } : undefined,
    grid: { left: 56, right: 24, top: 40, bottom: spec.series.length > 1 ? 64 : 44, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: spec.horizontal ? { ...val, ...xName(spec.yLabel, lang) } : { ...cat, ...xName(spec.xLabel, lang) },
    yAxis: spec.horizontal ? { ...cat, ...yName(spec.xLabel, lang) } : { ...val, ...yName(spec.yLabel, lang) },
    series: spec.series.map((x) => ({
      type: 'bar',
      name: word(x.name, lang),
      data: byCategory
        ? x.values.map((v, i) => ({ value: v, itemStyle: { color: SENTIMENT_COLOR[spec.categories[i]] } }))
        : byScore
          ? x.values.map((v) => ({ value: v, itemStyle: { color: divergingColor(v) } }))
          : x.values,
      ...(bySeries ? { itemStyle: { color: SENTIMENT_COLOR[x.name] } } : {}),
    })),
  };
}

export function histogramOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as HistogramChart;
  const fmt = formats(lang).num;
  return {
    ...base(spec, lang),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', ...xName(spec.column, lang), data: spec.bins.map((b) => `${fmt(b.from)}–${fmt(b.to)}`) },
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
    legend: groups.length > 1 ? { bottom: 0, type: 'scroll' } : undefined,
    grid: { left: 56, right: 24, top: 40, bottom: groups.length > 1 ? 64 : 44, containLabel: true },
    xAxis: { type: 'value', ...xName(spec.xLabel, lang), scale: true },
    yAxis: { type: 'value', ...yName(spec.yLabel, lang), scale: true },
    series: groups.map((g, i) => ({ type: 'scatter', name: g, data: data[i], symbolSize: 5, large: data[i].length > 5000 })),
  };
}

export function heatmapOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as HeatmapChart;
  const cells: [number, number, number][] = [];
  let min = Infinity,
    max = -Infinity;
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      cells.push([c, r, v]);
      if (v < min) min = v;
      if (v > max) max = v;
    }),
  );
  const f = formats(lang);
  const show = (v: number) =>
    spec.format === 'percent' ? f.pct(v) : spec.format === 'lift' ? f.ratio(v) : Number.isInteger(v) ? f.int(v) : f.fixed(v, 2);
  const lo = Number.isFinite(min) ? min : 0,
    hi = Number.isFinite(max) && max > lo ? max : lo + 1;
  // Sentiment columns (or rows) take their own hue, darker for larger values; others one blue
  // scale. ECharts colours a heatmap only through a visual map, so each sentiment gets its own
  // series and its own (hidden) visual map.
  const byCol = isSentiment(spec.cols),
    byRow = !byCol && isSentiment(spec.rows);
  const groups = byCol ? spec.cols : byRow ? spec.rows : null;
  const groupWords = byCol ? axisWords(spec.cols, spec.colLabels, lang) : axisWords(spec.rows, spec.rowLabels, lang);
  const label = { show: true, formatter: (p: { value?: unknown }) => show((p.value as number[])[2]) };
  const series = groups
    ? groups.map((g, gi) => ({
        type: 'heatmap' as const,
        name: groupWords[gi],
        data: cells.filter(([c, r]) => (byCol ? c : r) === gi),
        label,
      }))
    : [{ type: 'heatmap' as const, data: cells, label }];
  const visualMap = groups
    ? groups.map((g, gi) => ({
        show: false,
        seriesIndex: gi,
        min: lo,
        max: hi,
        inRange: { color: [tint(SENTIMENT_COLOR[g], 0), tint(SENTIMENT_COLOR[g], 1)] },
      }))
    : {
        min: lo,
        max: hi,
        calculable: true,
        orient: 'vertical' as const,
        right: 8,
        top: 'middle',
        itemHeight: 120,
        inRange: { color: ['#eff6ff', '#2563eb'] },
        formatter: (v: unknown) => show(Number(v)),
      };
  return {
    ...base(spec, lang),
    tooltip: { position: 'top' },
    // The colour scale, when shown, stands at the right, clear of the column labels.
    grid: { left: 56, right: groups ? 24 : 96, top: 40, bottom: 44, containLabel: true },
    xAxis: {
      type: 'category',
      data: axisWords(spec.cols, spec.colLabels, lang),
      splitArea: { show: true },
      axisLabel: { interval: 0, hideOverlap: true },
    },
    yAxis: { type: 'category', data: axisWords(spec.rows, spec.rowLabels, lang), splitArea: { show: true } },
    visualMap,
    series,
  } as EChartsOption;
}

/** A heatmap's row or column names in the page's language, when the chart gives them. */
const axisWords = (names: string[], labels: Text[] | undefined, lang: Lang) =>
  labels?.length === names.length ? labels.map((l) => pick(l, lang)) : names.map((n) => word(n, lang));

export function lineOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as LineChart;
  return {
    ...base(spec, lang),
    legend: spec.series.length > 1 ? { bottom: 0, type: 'scroll' } : undefined,
    // Axis names stand centred beside their axis (rotated), never at the top where the title is.
    grid: { left: 56, right: spec.series.length > 1 ? 56 : 24, top: 40, bottom: spec.series.length > 1 ? 64 : 44, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', ...xName(spec.xLabel, lang), data: spec.x.map(String) },
    yAxis: spec.series
      .map((x, i) => ({
        type: 'value' as const,
        ...yName(spec.series.length === 1 && spec.yLabel ? spec.yLabel : x.name, lang, i === 1),
        scale: true,
        position: i === 0 ? ('left' as const) : ('right' as const),
      }))
      .slice(0, 2),
    series: spec.series.map((x, i) => ({
      type: 'line',
      name: word(x.name, lang),
      data: x.values,
      yAxisIndex: Math.min(i, 1),
      markLine: spec.mark !== undefined && i === 0 ? { symbol: 'none', data: [{ xAxis: String(spec.mark) }] } : undefined,
    })),
  };
}
