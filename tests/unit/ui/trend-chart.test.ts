/** ECharts options of a trend: the volume line, the usual level dashed, spikes shaded and labelled. */
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import type { TrendChart } from '../../../src/core/contract/chart';
import { RENDERERS } from '../../../src/ui/charts/registry';
import { trendOption } from '../../../src/ui/charts/trend';

type AnyOpt = Record<string, any>;

const spec: TrendChart = {
  kind: 'chart',
  chart: 'trend',
  title: { en: 'Rows per day, spikes marked', vi: 'Số dòng theo ngày, đánh dấu đột biến' },
  x: ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'],
  volume: [10, 11, 40, 35, 9],
  expected: [null, null, 10.5, 11, 11],
  spikes: [{ from: 2, to: 3, volume: 75, z: 9.1, terms: ['recall', 'battery', 'fire'] }],
  unit: 'day',
};

describe('trend chart', () => {
  it('shades each spike with its first rising words and marks its peak', () => {
    expect(RENDERERS.trend.type).toBe('echarts');
    const o = trendOption(spec, 'en') as AnyOpt;
    expect(o.series[0].data).toEqual([10, 11, 40, 35, 9]);
    expect(o.series[1].type).toBe('bar');
    expect(o.series[1].data).toEqual([null, null, 40, 35, null]);
    expect(o.series[2].lineStyle.type).toBe('dashed');
    expect(o.series[0].markArea.data).toEqual([
      [expect.objectContaining({ name: 'recall, battery', xAxis: '2025-03-03' }), { xAxis: '2025-03-04' }],
    ]);
    expect(o.series[0].markPoint.data).toEqual([{ name: '2025-03-03', coord: ['2025-03-03', 40], value: 40 }]);
    expect(o.title.subtext).toBe('1 spike (shaded), labelled with their rising words');
    const vi = trendOption(spec, 'vi') as AnyOpt;
    expect(vi.title.text).toBe('Số dòng theo ngày, đánh dấu đột biến');
    expect(vi.legend.data).toEqual(['Số dòng', 'Mức bình thường', 'Đột biến']);
  });

  it('renders in ECharts (server-side SVG) with the spike label', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    chart.setOption(trendOption(spec, 'en'));
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('recall, battery');
    expect(svg).toContain('Usual level');
    expect(trendOption({ ...spec, spikes: [] }, 'en')).toMatchObject({ title: { subtext: 'No spike found' } });
  });
});

describe('trend chart labels', () => {
  it('labels the strongest spikes and leaves out labels that would overlap', () => {
    const x = Array.from({ length: 90 }, (_, i) => `d${i}`);
    const s: TrendChart = {
      ...spec,
      x,
      volume: x.map(() => 10),
      expected: x.map(() => 10),
      spikes: [
        { from: 10, to: 10, volume: 50, z: 5, terms: ['weak'] },
        { from: 12, to: 12, volume: 90, z: 9, terms: ['strong'] },
        { from: 60, to: 60, volume: 40, z: 4, terms: ['far'] },
      ],
    };
    const names = ((trendOption(s, 'en') as AnyOpt).series[0].markArea.data as AnyOpt[][]).map((d) => d[0].name);
    expect(names).toEqual(['', 'strong', 'far']);
  });
});
