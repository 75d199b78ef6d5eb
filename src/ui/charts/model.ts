/** ECharts options of the prediction models' charts: the ROC curve with the random diagonal, and the reliability diagram. */
import type { EChartsOption } from 'echarts';
import type { CalibrationChart, ChartSpec, RocChart } from '../../core/contract/chart';
import { pick, type Lang } from '../../core/contract/i18n';
import { PALETTE } from './basic';
import { formats } from '../../core/contract/format';

const WORDS = {
  fpr: { en: 'Share of the other rows flagged (false-positive rate)', vi: 'Tỷ lệ các dòng khác bị chọn nhầm (tỷ lệ dương tính giả)' },
  tpr: { en: 'Share of the yes rows found (true-positive rate)', vi: 'Tỷ lệ dòng "có" tìm được (tỷ lệ dương tính thật)' },
  model: { en: 'model', vi: 'mô hình' },
  random: { en: 'random guess', vi: 'đoán mò' },
  predicted: { en: 'Mean score in the band', vi: 'Điểm trung bình trong khoảng' },
  observed: { en: 'Share that really is yes', vi: 'Tỷ lệ thực sự là "có"' },
  perfect: { en: 'perfectly calibrated', vi: 'khớp hoàn toàn' },
  rows: { en: 'rows', vi: 'dòng' },
} as const;

const axis = (name: string, gap: number, rotate = false) => ({
  type: 'value' as const,
  min: 0,
  max: 1,
  name,
  nameLocation: 'middle' as const,
  nameGap: gap,
  ...(rotate ? { nameRotate: 90 } : {}),
});

const frame = (spec: ChartSpec, lang: Lang): EChartsOption => ({
  color: PALETTE,
  title: spec.title ? { text: pick(spec.title, lang), left: 8, top: 4, textStyle: { fontSize: 13 } } : undefined,
  grid: { left: 64, right: 24, top: 44, bottom: 72, containLabel: true },
  legend: { bottom: 0 },
  animation: false,
});

export function rocOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as RocChart;
  return {
    ...frame(spec, lang),
    tooltip: { trigger: 'item' },
    xAxis: axis(pick(WORDS.fpr, lang), 28),
    yAxis: axis(pick(WORDS.tpr, lang), 44, true),
    series: [
      {
        type: 'line',
        name: `${pick(WORDS.model, lang)} (AUC ${formats(lang).fixed(spec.auc, 3)})`,
        data: spec.points,
        showSymbol: false,
        areaStyle: { opacity: 0.08 },
      },
      {
        type: 'line',
        name: `${pick(WORDS.random, lang)} (AUC ${formats(lang).fixed(0.5, 1)})`,
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#9ca3af' },
        itemStyle: { color: '#9ca3af' },
      },
    ],
  };
}

export function calibrationOption(s: ChartSpec, lang: Lang): EChartsOption {
  const spec = s as CalibrationChart;
  const rows = pick(WORDS.rows, lang);
  const f = formats(lang);
  return {
    ...frame(spec, lang),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex?: number; seriesIndex?: number }).seriesIndex === 0 ? (p as { dataIndex: number }).dataIndex : -1;
        const b = spec.bins[i];
        if (!b) return '';
        return `${f.fixed(b.from, 1)}–${f.fixed(b.to, 1)}: ${pick(WORDS.predicted, lang)} ${f.fixed(b.predicted, 3)}, ${pick(WORDS.observed, lang)} ${f.fixed(b.observed, 3)} (${f.int(b.count)} ${rows})`;
      },
    },
    xAxis: axis(pick(WORDS.predicted, lang), 28),
    yAxis: axis(pick(WORDS.observed, lang), 44, true),
    series: [
      {
        type: 'line',
        name: pick(WORDS.model, lang),
        data: spec.bins.map((b) => [b.predicted, b.observed]),
        // Bigger dots for bands with more rows: the eye weighs them as the data does.
        symbolSize: (_: unknown, p: { dataIndex: number }) => {
          const max = Math.max(...spec.bins.map((b) => b.count));
          return 5 + 11 * Math.sqrt(spec.bins[p.dataIndex].count / max);
        },
      },
      {
        type: 'line',
        name: pick(WORDS.perfect, lang),
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#9ca3af' },
        itemStyle: { color: '#9ca3af' },
      },
    ],
  };
}
