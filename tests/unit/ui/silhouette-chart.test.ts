/** The silhouette plot's ECharts options: one bar series per segment, a dashed line at the mean. */
import { describe, expect, it } from 'vitest';
import type { SilhouetteChart } from '../../../src/core/contract/chart';
import { RENDERERS } from '../../../src/ui/charts/registry';
import { silhouetteOption } from '../../../src/ui/charts/silhouette';

const spec: SilhouetteChart = {
  kind: 'chart',
  chart: 'silhouette',
  mean: 0.42,
  title: { en: 'Silhouette per row', vi: 'Silhouette theo dòng' },
  segments: [
    { segment: '0', values: [0.8, 0.6, 0.1], mean: 0.5 },
    { segment: '1', values: [0.7, 0.2], mean: 0.45 },
    { segment: '2', values: [0.5, 0.3, -0.1, -0.2], mean: 0.125 },
  ],
};

type Series = {
  type: string;
  name: string;
  data: (number | null)[];
  itemStyle: { color: string };
  markLine?: { lineStyle: { type: string }; data: { xAxis: number }[] };
};

describe('silhouette option', () => {
  it('draws one horizontal bar series per segment, own colour, bars in separate rows, and the mean line', () => {
    expect(RENDERERS.silhouette).toEqual({ type: 'echarts', option: silhouetteOption });
    const o = silhouetteOption(spec, 'en');
    const series = o.series as Series[];
    expect(series.length).toBe(3);
    expect(series.every((s) => s.type === 'bar')).toBe(true);
    expect(new Set(series.map((s) => s.itemStyle.color)).size).toBe(3);
    expect((o.xAxis as { type: string }).type).toBe('value');
    expect((o.yAxis as { type: string }).type).toBe('category');
    // Each row of the axis holds at most one bar; every value is drawn once.
    const rows = series[0].data.length;
    for (let r = 0; r < rows; r++) expect(series.filter((s) => s.data[r] !== null).length).toBeLessThanOrEqual(1);
    expect(series.map((s) => s.data.filter((v) => v !== null))).toEqual(spec.segments.map((g) => g.values));
    const marks = series.filter((s) => s.markLine);
    expect(marks.length).toBe(1);
    expect(marks[0].markLine!.data).toEqual([{ xAxis: 0.42 }]);
    expect(marks[0].markLine!.lineStyle.type).toBe('dashed');
    expect(series[1].name).toBe('Segment 1');
    expect((silhouetteOption(spec, 'vi').series as Series[])[1].name).toBe('Phân khúc 1');
    expect((silhouetteOption(spec, 'vi').title as { text: string }).text).toBe('Silhouette theo dòng');
  });
});
