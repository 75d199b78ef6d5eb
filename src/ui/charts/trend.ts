/**
 * ECharts options for a trend: rows per period as a line, the usual level (the moving median) as
 * a dashed line, and each spike as a shaded band; the strongest spikes are labelled with their
 * rising words, as many as fit without overlapping.
 */
import type { EChartsOption } from 'echarts';
import type { ChartSpec, TrendChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';
import { PALETTE } from './basic';

const SPIKE = '#ef4444';

export function trendOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as TrendChart;
  const rows = pick({ en: 'Rows', vi: 'Số dòng' }, lang);
  const usual = pick({ en: 'Usual level', vi: 'Mức bình thường' }, lang);
  const spikeName = pick({ en: 'Spike', vi: 'Đột biến' }, lang);
  // Each spike period as a shaded bar up to its volume (a band of one period would have no width).
  const inSpike: (number | null)[] = spec.volume.map(() => null);
  for (const k of spec.spikes) for (let b = k.from; b <= k.to; b++) inSpike[b] = spec.volume[b];
  // Labels of the strongest spikes first, each far enough from the labels already placed.
  const gap = Math.max(1, spec.x.length / 9);
  const labelled = new Set<number>();
  for (const i of spec.spikes.map((_, i) => i).sort((a, b) => spec.spikes[b].z - spec.spikes[a].z))
    if (spec.spikes[i].terms.length && [...labelled].every((j) => Math.abs(spec.spikes[j].from - spec.spikes[i].from) >= gap))
      labelled.add(i);
  const spikes = spec.spikes.map((k, i) => [
    {
      name: labelled.has(i) ? k.terms.slice(0, 2).join(', ') : '',
      xAxis: spec.x[k.from],
      itemStyle: { color: 'rgba(239, 68, 68, 0.14)' },
    },
    { xAxis: spec.x[k.to] },
  ]);
  const count = spec.spikes.length;
  const subtitle = pick(
    count
      ? {
          en: `${count} spike${count > 1 ? 's' : ''} (shaded), labelled with their rising words`,
          vi: `${count} đột biến (tô màu), kèm các từ nổi lên`,
        }
      : { en: 'No spike found', vi: 'Không có đột biến' },
    lang,
  );
  return {
    color: PALETTE,
    title: spec.title ? { text: pick(spec.title, lang), subtext: subtitle, left: 8, top: 4, textStyle: { fontSize: 13 } } : undefined,
    grid: { left: 56, right: 72, top: 56, bottom: 64, containLabel: true },
    legend: { bottom: 0, data: [rows, usual, ...(spec.spikes.length ? [spikeName] : [])] },
    tooltip: { trigger: 'axis' },
    animation: false,
    xAxis: { type: 'category', data: spec.x, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: rows, nameLocation: 'middle', nameGap: 44, nameRotate: 90 },
    series: [
      {
        type: 'line',
        name: rows,
        data: spec.volume,
        showSymbol: false,
        lineStyle: { width: 1.5 },
        markArea: count ? { silent: true, label: { color: SPIKE, fontSize: 11, position: 'insideTop' }, data: spikes as never } : undefined,
        markPoint: count
          ? {
              symbol: 'circle',
              symbolSize: 7,
              itemStyle: { color: SPIKE },
              label: { show: false },
              data: spec.spikes.map((k) => {
                let at = k.from;
                for (let b = k.from; b <= k.to; b++) if (spec.volume[b] > spec.volume[at]) at = b;
                return { name: spec.x[at], coord: [spec.x[at], spec.volume[at]], value: spec.volume[at] };
              }),
            }
          : undefined,
      },
      {
        type: 'bar',
        name: spikeName,
        data: inSpike,
        barWidth: '80%',
        barMinWidth: 3,
        itemStyle: { color: 'rgba(239, 68, 68, 0.3)' },
        z: 1,
      },
      {
        type: 'line',
        name: usual,
        data: spec.expected,
        showSymbol: false,
        lineStyle: { type: 'dashed', width: 1, color: '#64748b' },
        itemStyle: { color: '#64748b' },
      },
    ],
  };
}
