/** ECharts options of the basic charts: sentiment colours, day names, and nothing placed on the axes' labels. */
import { describe, expect, it } from 'vitest';
import type { BarChart, HeatmapChart, LineChart, SilhouetteChart } from '../../../src/core/contract/chart';
import { SENTIMENT_COLOR, barOption, dayNames, divergingColor, heatmapOption, lineOption, tint, word } from '../../../src/ui/charts/basic';
import { silhouetteOption } from '../../../src/ui/charts/silhouette';

type AnyOpt = Record<string, any>;

describe('chart options', () => {
  it('colour sentiment red, grey and green in bars, whether labels are categories or series', () => {
    const byCat: BarChart = {
      kind: 'chart',
      chart: 'bar',
      categories: ['negative', 'neutral', 'positive'],
      series: [{ name: 'count', values: [3, 5, 9] }],
    };
    const o = barOption(byCat, 'en') as AnyOpt;
    expect(o.series[0].data.map((d: AnyOpt) => d.itemStyle.color)).toEqual([
      SENTIMENT_COLOR.negative,
      SENTIMENT_COLOR.neutral,
      SENTIMENT_COLOR.positive,
    ]);
    const bySeries: BarChart = {
      kind: 'chart',
      chart: 'bar',
      categories: ['fb', 'web'],
      series: [
        { name: 'positive', values: [1, 2] },
        { name: 'negative', values: [2, 1] },
      ],
    };
    const s = barOption(bySeries, 'en') as AnyOpt;
    expect(s.series.map((x: AnyOpt) => x.itemStyle.color)).toEqual([SENTIMENT_COLOR.positive, SENTIMENT_COLOR.negative]);
    expect(s.legend.bottom).toBe(0); // under the plot, not on an axis title
    const mean = barOption(
      {
        kind: 'chart',
        chart: 'bar',
        categories: ['fb', 'web'],
        series: [{ name: 'mean', values: [-0.4, 0.3] }],
        yLabel: 'mean sentiment_score',
      },
      'en',
    ) as AnyOpt;
    expect(mean.series[0].data.map((d: AnyOpt) => d.itemStyle.color)).toEqual([divergingColor(-0.4), divergingColor(0.3)]);
    expect(divergingColor(-1)).toBe('rgb(220,38,38)');
    expect(divergingColor(1)).toBe('rgb(22,163,74)');
    expect(divergingColor(0)).toBe('rgb(156,163,175)');
    const plain = barOption({ ...byCat, categories: ['a', 'b', 'c'] }, 'en') as AnyOpt;
    expect(plain.series[0].data).toEqual([3, 5, 9]);
  });

  it('colour a stage × sentiment heatmap by each column’s own hue, darker for larger shares', () => {
    const spec: HeatmapChart = {
      kind: 'chart',
      chart: 'heatmap',
      rows: ['purchase', 'churn'],
      cols: ['negative', 'neutral', 'positive'],
      values: [
        [0.1, 0.3, 0.6],
        [0.7, 0.2, 0.1],
      ],
      format: 'percent',
    };
    const o = heatmapOption(spec, 'en') as AnyOpt;
    // ECharts colours heatmaps only through visual maps: one series and one hidden map per sentiment.
    expect(o.series.map((x: AnyOpt) => x.name)).toEqual(['negative', 'neutral', 'positive']);
    expect(o.series[0].data).toEqual([
      [0, 0, 0.1],
      [0, 1, 0.7],
    ]);
    expect(o.visualMap.map((v: AnyOpt) => [v.seriesIndex, v.show])).toEqual([
      [0, false],
      [1, false],
      [2, false],
    ]);
    expect(o.visualMap[0].inRange.color).toEqual([tint(SENTIMENT_COLOR.negative, 0), tint(SENTIMENT_COLOR.negative, 1)]);
    expect(o.visualMap[2].inRange.color[1]).toBe(tint(SENTIMENT_COLOR.positive, 1));
    expect([o.visualMap[0].min, o.visualMap[0].max]).toEqual([0.1, 0.7]);
    // With words for its rows and columns (the journey map gives them), the axes and the tooltips speak the page's language.
    const worded: HeatmapChart = {
      ...spec,
      rows: ['purchase', 'none'],
      rowLabels: [
        { en: 'Purchase', vi: 'Mua hàng' },
        { en: 'None', vi: 'Không xác định' },
      ],
      colLabels: [
        { en: 'negative', vi: 'tiêu cực' },
        { en: 'neutral', vi: 'trung tính' },
        { en: 'positive', vi: 'tích cực' },
      ],
    };
    const vi = heatmapOption(worded, 'vi') as AnyOpt;
    expect(vi.yAxis.data).toEqual(['Mua hàng', 'Không xác định']);
    expect(vi.xAxis.data).toEqual(['tiêu cực', 'trung tính', 'tích cực']);
    expect(vi.series.map((x: AnyOpt) => x.name)).toEqual(['tiêu cực', 'trung tính', 'tích cực']);
    expect(vi.visualMap[0].inRange.color[1]).toBe(tint(SENTIMENT_COLOR.negative, 1)); // colours still by the sentiment itself
    expect((heatmapOption(worded, 'en') as AnyOpt).yAxis.data).toEqual(['Purchase', 'None']);
  });

  it('put a heatmap’s colour scale at the right, away from the column labels', () => {
    const o = heatmapOption({ kind: 'chart', chart: 'heatmap', rows: ['a'], cols: ['x', 'y'], values: [[1, 2]] }, 'en') as AnyOpt;
    expect(o.visualMap.orient).toBe('vertical');
    expect(o.visualMap.right).toBeDefined();
    expect(o.grid.right).toBeGreaterThanOrEqual(80);
  });

  it('name weekdays 1–7 as days, in the interface language, and centre axis titles', () => {
    expect(dayNames('created_at_weekday', ['1', '2', '7'], 'en')).toEqual(['Mon', 'Tue', 'Sun']);
    expect(dayNames('created_at_weekday', ['1', '7'], 'vi')).toEqual(['T2', 'CN']);
    expect(dayNames('hour', ['1', '2'], 'en')).toEqual(['1', '2']);
    expect(dayNames('weekday', ['0', '8'], 'en')).toEqual(['0', '8']);
    const o = barOption(
      {
        kind: 'chart',
        chart: 'bar',
        categories: ['1', '2'],
        series: [{ name: 'n', values: [1, 2] }],
        xLabel: 'time_weekday',
        yLabel: 'count',
      },
      'en',
    ) as AnyOpt;
    expect(o.xAxis.data).toEqual(['Mon', 'Tue']);
    expect(o.xAxis.nameLocation).toBe('middle');
    expect(o.yAxis.nameLocation).toBe('middle');
  });

  it('keep the silhouette legend and mean label off the axis title and ticks', () => {
    const spec: SilhouetteChart = {
      kind: 'chart',
      chart: 'silhouette',
      segments: [
        { segment: '0', values: [0.5, 0.2], mean: 0.35 },
        { segment: '1', values: [0.1], mean: 0.1 },
      ],
      mean: 0.27,
    };
    const o = silhouetteOption(spec, 'en') as AnyOpt;
    expect(o.legend.bottom).toBe(0);
    expect(o.grid.bottom).toBeGreaterThanOrEqual(60);
    expect(o.xAxis.nameLocation).toBe('middle');
    expect(o.series[0].markLine.label.position).toBe('start');
  });

  it('keep line-chart axis names (k-means inertia) beside their axis, under the title, and translated', () => {
    const spec: LineChart = {
      kind: 'chart',
      chart: 'line',
      title: { en: 'How well each number of segments fits', vi: 'Mức phù hợp' },
      x: [2, 3, 4],
      xLabel: 'k',
      mark: 3,
      series: [
        { name: 'inertia', values: [30, 20, 15] },
        { name: 'silhouette', values: [0.3, 0.4, 0.35] },
      ],
    };
    const en = lineOption(spec, 'en') as AnyOpt;
    // Not at the axis end (the top of the plot, where the title is): centred and rotated.
    expect(en.yAxis.map((a: AnyOpt) => [a.name, a.nameLocation, a.nameRotate])).toEqual([
      ['Inertia', 'middle', 90],
      ['Silhouette', 'middle', -90],
    ]);
    expect(en.title.top).toBeLessThan(en.grid.top - 20);
    const vi = lineOption(spec, 'vi') as AnyOpt;
    expect(vi.yAxis[0].name).toBe('Quán tính (inertia)');
    expect(vi.series.map((x: AnyOpt) => x.name)).toEqual(['Quán tính (inertia)', 'Silhouette']);
    const one = lineOption({ ...spec, series: [spec.series[0]], yLabel: '% of rows / % số dòng' }, 'vi') as AnyOpt;
    expect(one.yAxis[0].name).toBe('% số dòng');
    expect(word('% of rows / % số dòng', 'en')).toBe('% of rows');
    expect(word('created_at', 'vi')).toBe('created_at');
  });

  it('show heatmap rows and sentiment columns in the interface language', () => {
    const spec: HeatmapChart = {
      kind: 'chart',
      chart: 'heatmap',
      rows: ['purchase', 'churn'],
      rowLabels: [
        { en: 'Purchase', vi: 'Mua hàng' },
        { en: 'Churn', vi: 'Rời bỏ' },
      ],
      cols: ['positive', 'neutral', 'negative'],
      values: [
        [0.6, 0.3, 0.1],
        [0.1, 0.2, 0.7],
      ],
      format: 'percent',
    };
    const vi = heatmapOption(spec, 'vi') as AnyOpt;
    expect(vi.yAxis.data).toEqual(['Mua hàng', 'Rời bỏ']);
    expect(vi.xAxis.data).toEqual(['tích cực', 'trung tính', 'tiêu cực']);
    expect(vi.series.map((x: AnyOpt) => x.name)).toEqual(['tích cực', 'trung tính', 'tiêu cực']);
    // Colours still follow the sentiment keys, not the shown words.
    expect(vi.visualMap[2].inRange.color[1]).toBe(tint(SENTIMENT_COLOR.negative, 1));
    const en = heatmapOption(spec, 'en') as AnyOpt;
    expect(en.yAxis.data).toEqual(['Purchase', 'Churn']);
    const plain = heatmapOption({ ...spec, rowLabels: undefined, cols: ['a', 'b', 'c'] }, 'vi') as AnyOpt;
    expect(plain.yAxis.data).toEqual(['purchase', 'churn']);
  });
});
