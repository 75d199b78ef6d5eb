/**
 * The charts of a trained model, computed from the out-of-fold scores: ROC curve, reliability
 * diagram (calibration) and importance bars. Plain chart values of the contract; the page draws
 * them with ECharts (src/ui/charts/model.ts).
 */
import type { BarChart, CalibrationChart, RocChart } from '../../contract/chart';

/** ROC points at every distinct score (ties move both rates at once), thinned to at most `max` points. */
export function rocPoints(score: ArrayLike<number>, y: ArrayLike<number>, rows: ArrayLike<number>, max = 200): [number, number][] {
  const idx = Int32Array.from(rows as ArrayLike<number>);
  idx.sort((a, b) => score[b] - score[a]);
  let pos = 0;
  for (const i of idx) if (y[i]) pos++;
  const neg = idx.length - pos;
  const all: [number, number][] = [[0, 0]];
  if (!pos || !neg)
    return [
      [0, 0],
      [1, 1],
    ];
  let tp = 0,
    fp = 0;
  for (let r = 0; r < idx.length; ) {
    const s = score[idx[r]];
    while (r < idx.length && score[idx[r]] === s) {
      if (y[idx[r]]) tp++;
      else fp++;
      r++;
    }
    all.push([fp / neg, tp / pos]);
  }
  if (all.length <= max) return all;
  // Keep the ends and evenly spaced points between them (the curve is monotone, so nothing crosses).
  const step = (all.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => all[Math.round(k * step)]);
}

/** Equal-width score bins of [0, 1], closed on the right like scikit-learn's calibration_curve (strategy "uniform"); empty bins are left out. */
export function calibrationBins(
  score: ArrayLike<number>,
  y: ArrayLike<number>,
  rows: ArrayLike<number>,
  bins = 10,
): CalibrationChart['bins'] {
  const sum = new Float64Array(bins),
    yes = new Float64Array(bins),
    count = new Float64Array(bins);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const s = score[i];
    if (s !== s) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.ceil(s * bins) - 1));
    sum[b] += s;
    count[b]++;
    if (y[i]) yes[b]++;
  }
  const out: CalibrationChart['bins'] = [];
  for (let b = 0; b < bins; b++) {
    if (!count[b]) continue;
    out.push({ from: b / bins, to: (b + 1) / bins, predicted: sum[b] / count[b], observed: yes[b] / count[b], count: count[b] });
  }
  return out;
}

const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

export function rocChart(points: [number, number][], auc: number, positive: string): RocChart {
  return {
    kind: 'chart',
    chart: 'roc',
    title: {
      en: `How well the score separates ${positive} from the rest: AUC ${auc.toFixed(2)} (the diagonal is guessing, 0.5)`,
      vi: `Điểm số phân biệt ${positive} với phần còn lại tốt đến đâu: AUC ${auc.toFixed(2).replace('.', ',')} (đường chéo là đoán mò, 0,5)`,
    },
    points: points.map(([a, b]) => [round(a), round(b)]),
    auc,
    positive,
  };
}

export function calibrationChart(bins: CalibrationChart['bins'], positive: string): CalibrationChart {
  return {
    kind: 'chart',
    chart: 'calibration',
    title: {
      en: `Are the scores true chances? Share of ${positive} in each score band (on the diagonal = yes)`,
      vi: `Điểm có đúng là xác suất không? Tỷ lệ ${positive} trong từng khoảng điểm (nằm trên đường chéo = đúng)`,
    },
    bins: bins.map((b) => ({ ...b, predicted: round(b.predicted), observed: round(b.observed) })),
    positive,
  };
}

/** Importance bars, strongest on top, at most `top` columns; each column's name carries the sign of its effect. */
export function importanceChart(features: string[], importance: ArrayLike<number>, signs: string[], top = 15): BarChart {
  const order = features
    .map((_, j) => j)
    .sort((a, b) => importance[b] - importance[a])
    .slice(0, top)
    .reverse(); // ECharts draws the first category at the bottom
  return {
    kind: 'chart',
    chart: 'bar',
    horizontal: true,
    title: {
      en: 'What matters most: drop in AUC when a column is shuffled (+ raises the chance, − lowers it)',
      vi: 'Yếu tố quan trọng nhất: AUC giảm bao nhiêu khi xáo trộn một cột (+ làm tăng khả năng, − làm giảm)',
    },
    categories: order.map((j) => `${features[j]} (${signs[j]})`),
    series: [{ name: 'importance', values: order.map((j) => round(importance[j], 5)) }],
    xLabel: 'column / cột',
    yLabel: 'AUC drop / AUC giảm',
  };
}
