/**
 * ECharts options for a silhouette plot: one horizontal bar per (sampled) row, grouped by segment
 * (sorted descending within each, a gap between segments), one colour per segment, and a dashed
 * line at the overall mean silhouette.
 */
import type { EChartsOption } from 'echarts';
import type { ChartSpec, SilhouetteChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';
import { PALETTE } from './basic';
import { formats } from '../../core/contract/format';

/** Empty rows left between two segments. */
const GAP = 2;

export function silhouetteOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as SilhouetteChart;
  const rows = spec.segments.reduce((a, g) => a + g.values.length, 0) + GAP * Math.max(0, spec.segments.length - 1);
  const label = (name: string) => pick({ en: `Segment ${name}`, vi: `Phân khúc ${name}` }, lang);
  // Rows of the category axis: each segment's bars, then a gap; segment i's bars start at starts[i].
  const starts: number[] = [];
  let at = 0;
  for (const g of spec.segments) {
    starts.push(at);
    at += g.values.length + GAP;
  }
  const axis = Array.from({ length: rows }, (_, i) => String(i));
  const middle = new Map(spec.segments.map((g, i) => [starts[i] + Math.floor(g.values.length / 2), i]));
  const meanText = pick({ en: 'mean', vi: 'trung bình' }, lang);
  return {
    color: PALETTE,
    title: spec.title ? { text: pick(spec.title, lang), left: 8, top: 4, textStyle: { fontSize: 13 } } : undefined,
    // The legend sits under the axis title, never on it.
    grid: { left: 56, right: 24, top: 40, bottom: spec.segments.length > 1 ? 70 : 44, containLabel: true },
    legend: spec.segments.length > 1 ? { bottom: 0, type: 'scroll' } : undefined,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const q = p as { seriesName?: string; value?: unknown };
        return `${q.seriesName ?? ''}: ${formats(lang).fixed(Number(q.value), 3)}`;
      },
    },
    animation: false,
    xAxis: {
      type: 'value',
      name: pick({ en: 'silhouette', vi: 'silhouette' }, lang),
      nameLocation: 'middle',
      nameGap: 26,
      min: (v) => Math.min(-0.1, Math.floor(v.min * 10) / 10),
      max: 1,
    },
    yAxis: {
      type: 'category',
      data: axis,
      inverse: true,
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        formatter: (_: string, i: number) => {
          const g = middle.get(i);
          return g === undefined ? '' : label(spec.segments[g].segment);
        },
      },
    },
    series: spec.segments.map((g, i) => {
      const data: (number | null)[] = new Array<number | null>(rows).fill(null);
      g.values.forEach((v, j) => {
        data[starts[i] + j] = v;
      });
      return {
        type: 'bar' as const,
        name: label(g.segment),
        data,
        itemStyle: { color: PALETTE[i % PALETTE.length] },
        barGap: '-100%',
        barCategoryGap: 0,
        large: g.values.length > 500,
        markLine:
          i === 0
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed' as const, color: '#111827' },
                // At the top of the line (the category axis is inverted), away from the x tick labels.
                label: { formatter: `${meanText} ${formats(lang).fixed(spec.mean, 2)}`, position: 'start' as const },
                data: [{ xAxis: spec.mean }],
              }
            : undefined,
      };
    }),
  };
}
