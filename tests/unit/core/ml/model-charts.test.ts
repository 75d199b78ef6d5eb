/** The model charts' numbers, against scikit-learn's roc_curve and calibration_curve on a hand-made case, and their ECharts drawing. */
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { calibrationBins, calibrationChart, importanceChart, rocChart, rocPoints } from '../../../../src/core/ml/model/charts';
import { auc } from '../../../../src/core/ml/model/metrics';
import { RENDERERS } from '../../../../src/ui/charts/registry';
import { calibrationOption, rocOption } from '../../../../src/ui/charts/model';
import { barOption } from '../../../../src/ui/charts/basic';
import type { BarChart, CalibrationChart, RocChart } from '../../../../src/core/contract/chart';
import node from '../../../../nodes/model.train';
import { runNode } from '../../../helpers/run-node';
import { shoppers } from '../../../helpers/shoppers';

type AnyOpt = Record<string, any>;
const y = [1, 0, 1, 1, 0, 0, 1, 0];
const s = [0.9, 0.8, 0.8, 0.6, 0.35, 0.3, 0.12, 0.05];
const rows = y.map((_, i) => i);

const svgOf = (option: echarts.EChartsCoreOption) => {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 420 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
};

describe('model charts', () => {
  it("ROC points equal scikit-learn's roc_curve (drop_intermediate=False), a tie moving both rates at once", () => {
    // sklearn.metrics.roc_curve(y, s, drop_intermediate=False)
    expect(rocPoints(s, y, rows)).toEqual([
      [0, 0],
      [0, 0.25],
      [0.25, 0.5],
      [0.25, 0.75],
      [0.5, 0.75],
      [0.75, 0.75],
      [0.75, 1],
      [1, 1],
    ]);
    // The area under the points (trapezoids) is the AUC.
    const p = rocPoints(s, y, rows);
    let area = 0;
    for (let i = 1; i < p.length; i++) area += ((p[i][0] - p[i - 1][0]) * (p[i][1] + p[i - 1][1])) / 2;
    expect(area).toBeCloseTo(auc(s, y), 12);
  });

  it('thins a long curve to at most 200 points, keeping both ends', () => {
    const n = 5000;
    const score = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const labels = score.map((v) => (v % 3 === 0 ? 1 : 0));
    const p = rocPoints(
      score,
      labels,
      score.map((_, i) => i),
    );
    expect(p.length).toBe(200);
    expect(p[0]).toEqual([0, 0]);
    expect(p[199]).toEqual([1, 1]);
    for (let i = 1; i < p.length; i++) expect(p[i][0] >= p[i - 1][0] && p[i][1] >= p[i - 1][1]).toBe(true);
  });

  it("calibration bins equal scikit-learn's calibration_curve(n_bins=5), with the rows per bin", () => {
    const bins = calibrationBins(s, y, rows, 5);
    // sklearn.calibration.calibration_curve(y, s, n_bins=5): prob_true [0.5 0 1 0.5 1], prob_pred [0.085 0.325 0.6 0.8 0.9]
    expect(bins.map((b) => b.observed)).toEqual([0.5, 0, 1, 0.5, 1]);
    bins.forEach((b, i) => expect(b.predicted).toBeCloseTo([0.085, 0.325, 0.6, 0.8, 0.9][i], 12));
    expect(bins.map((b) => b.count)).toEqual([2, 2, 1, 2, 1]);
    // An empty band is left out.
    expect(calibrationBins([0.05, 0.95], [0, 1], [0, 1], 10).map((b) => b.from)).toEqual([0, 0.9]);
  });

  it('draws the ROC curve with the dashed random diagonal, in both languages', () => {
    const spec = rocChart(rocPoints(s, y, rows), auc(s, y), 'bought = true');
    expect(RENDERERS.roc.type).toBe('echarts');
    const o = rocOption(spec, 'en') as AnyOpt;
    expect(o.series).toHaveLength(2);
    expect(o.series[1].data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(o.series[1].lineStyle.type).toBe('dashed');
    expect(o.series[0].name).toBe(`model (AUC ${auc(s, y).toFixed(3)})`);
    const svg = svgOf(o);
    expect(svg).toContain('random guess (AUC 0.5)');
    expect(svg).toContain('Share of the yes rows found');
    const vi = svgOf(rocOption(spec, 'vi'));
    expect(vi).toContain('đoán mò (AUC 0,5)');
    expect(vi).toContain('AUC 0,');
  });

  it('draws the reliability diagram: one dot per band, bigger for more rows, and the diagonal', () => {
    const spec = calibrationChart(calibrationBins(s, y, rows, 5), 'bought = true');
    expect(RENDERERS.calibration.type).toBe('echarts');
    const o = calibrationOption(spec, 'en') as AnyOpt;
    expect(o.series[0].data).toEqual(spec.bins.map((b) => [b.predicted, b.observed]));
    const size = o.series[0].symbolSize as (v: unknown, p: { dataIndex: number }) => number;
    expect(size(null, { dataIndex: 0 })).toBeGreaterThan(size(null, { dataIndex: 2 }));
    expect(o.tooltip.formatter({ seriesIndex: 0, dataIndex: 3 })).toBe(
      '0.6–0.8: Mean score in the band 0.800, Share that really is yes 0.500 (2 rows)',
    );
    expect(svgOf(o)).toContain('perfectly calibrated');
    expect(svgOf(calibrationOption(spec, 'vi'))).toContain('khớp hoàn toàn');
  });

  it('importance bars: strongest on top, signs in the names, at most 15', () => {
    const features = Array.from({ length: 20 }, (_, j) => `f${j}`);
    const imp = features.map((_, j) => j / 100);
    const signs = features.map((_, j) => (j % 2 ? '+' : '−'));
    const chart = importanceChart(features, imp, signs);
    expect(chart.categories).toHaveLength(15);
    expect(chart.categories.at(-1)).toBe('f19 (+)'); // ECharts puts the last category on top
    expect(chart.categories[0]).toBe('f5 (+)');
    const o = barOption(chart, 'en') as AnyOpt;
    expect(o.yAxis.type).toBe('category');
    expect(o.xAxis.type).toBe('value');
  });

  it('model.train outputs the ROC curve, the calibration bins over every row and the importance bars', async () => {
    const { outputs } = await runNode(node, { in: shoppers(600) }, { target: 'bought' });
    const roc = outputs.roc as RocChart,
      cal = outputs.calibration as CalibrationChart,
      bars = outputs.bars as BarChart;
    expect(roc.chart).toBe('roc');
    expect(roc.auc).toBeGreaterThan(0.9);
    expect(roc.points[0]).toEqual([0, 0]);
    expect(roc.points.at(-1)).toEqual([1, 1]);
    expect(cal.bins.reduce((a, b) => a + b.count, 0)).toBe(600);
    expect(bars.categories.at(-1)).toBe('signal (+)');
  });
});
