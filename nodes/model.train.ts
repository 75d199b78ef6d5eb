import { z } from 'zod';
import type { LineChart } from '../src/core/contract/chart';
import { defaultNumericColumns, leftOutNote } from '../src/core/table/columns';
import { NodeError } from '../src/core/contract/errors';
import { LOGISTIC_FORMAT, LOGISTIC_VERSION, type PredictionModel, TREES_FORMAT, TREES_VERSION } from '../src/core/ml/model/format';
import { calibrationBins, calibrationChart, importanceChart, rocChart, rocPoints } from '../src/core/ml/model/charts';
import { gains, meanStd } from '../src/core/ml/model/metrics';
import { readTarget } from '../src/core/ml/model/target';
import { METRICS, trainModel } from '../src/core/ml/model/train';
import { defineNode } from '../src/core/contract/node';
import { floatVector, requireColumn, requireTable, stringVector, tableOf, toFloat64, withColumns } from '../src/core/table/table';
import type { Text } from '../src/core/contract/i18n';
import { chartOut, columnParam, columnsParam, modelOut, seedParam, tableIn, tableOut } from './kit';
import { say } from '../src/core/contract/format';

/** Fewest rows of each class: below it the cross-validated figures mean little. */
const MIN_PER_CLASS = 20;
const PERCENTS = Array.from({ length: 21 }, (_, i) => i * 5);

const fmt = (v: number, lang: 'en' | 'vi', digits = 2) =>
  v.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (v: number, lang: 'en' | 'vi') => `${Math.round(v * 100).toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN')}%`;

function liftChart(target: string, positive: string, model: number[], top10: number): LineChart {
  return {
    kind: 'chart',
    chart: 'line',
    title: {
      en: `Share of the rows where ${target} = ${positive} found in the top x% by score (the top 10% hold ${Math.round(top10 * 100)}%)`,
      vi: `Tỷ lệ các dòng có ${target} = ${positive} nằm trong x% dòng có điểm cao nhất (10% đầu chứa ${Math.round(top10 * 100)}%)`,
    },
    x: PERCENTS,
    xLabel: '% of rows, highest score first / % số dòng, điểm cao trước',
    yLabel: `% of ${target} = ${positive} found / % ${target} = ${positive} tìm được`,
    mark: 10,
    series: [
      { name: 'model', values: model.map((v) => Math.round(v * 1000) / 10) },
      { name: 'random', values: [...PERCENTS] },
    ],
  };
}

/** Pearson correlation of column j of x (n × d) with s, over the rows where both are known. */
function correlation(x: Float64Array, d: number, j: number, s: Float64Array): number {
  let n = 0,
    mx = 0,
    ms = 0;
  for (let i = 0; i < s.length; i++) {
    const v = x[i * d + j];
    if (v === v && s[i] === s[i]) {
      n++;
      mx += v;
      ms += s[i];
    }
  }
  if (!n) return 0;
  mx /= n;
  ms /= n;
  let sxy = 0;
  for (let i = 0; i < s.length; i++) {
    const v = x[i * d + j];
    if (v === v && s[i] === s[i]) sxy += (v - mx) * (s[i] - ms);
  }
  return sxy;
}

/** Learns, from rows whose outcome is known, a score (0–1) of how likely each row is to be "yes". */
export default defineNode({
  type: 'model.train',
  version: 3,
  category: 'model',
  usesHelpers: true,
  title: { en: 'Train a prediction model', vi: 'Huấn luyện mô hình dự đoán' },
  description: {
    en: 'Learns to predict a yes/no column (for example "bought" or "left") from the numeric columns, and says how well it does on rows it did not learn from (cross-validation). Gives the model (connect it to "Apply a prediction model" to score new rows), a table of quality figures (AUC: 0.5 is guessing, 1 is perfect), which columns matter most and in which direction, the table with a "score" column (chance of yes, 0–1) and charts: how many of the yes rows the highest scores find (gains), the ROC curve against guessing, whether the scores are true chances (calibration) and the columns that matter most.',
    vi: 'Học cách dự đoán một cột có/không (ví dụ "đã mua" hay "đã rời đi") từ các cột số, và cho biết mô hình dự đoán tốt đến đâu trên các dòng nó chưa học (kiểm định chéo). Cho ra mô hình (nối vào "Áp dụng mô hình dự đoán" để chấm điểm dòng mới), bảng các chỉ số chất lượng (AUC: 0,5 là đoán mò, 1 là hoàn hảo), các cột quan trọng nhất và chiều ảnh hưởng, bảng kèm cột "score" (khả năng là "có", từ 0 đến 1) và các biểu đồ: các điểm cao nhất tìm được bao nhiêu dòng "có" (mức thu được), đường cong ROC so với đoán mò, điểm có đúng là xác suất không (độ tin cậy) và các cột quan trọng nhất.',
  },
  inputs: [tableIn({ en: 'Rows with a known outcome', vi: 'Các dòng đã biết kết quả' })],
  outputs: [
    modelOut(),
    tableOut({ en: 'Quality figures', vi: 'Chỉ số chất lượng' }, 'metrics'),
    tableOut({ en: 'What matters most', vi: 'Yếu tố quan trọng nhất' }, 'importance'),
    tableOut({ en: 'Table with score', vi: 'Bảng kèm điểm' }),
    chartOut({ en: 'Gains chart', vi: 'Biểu đồ mức thu được' }, 'lift'),
    chartOut({ en: 'ROC curve', vi: 'Đường cong ROC' }, 'roc'),
    chartOut({ en: 'Calibration', vi: 'Độ tin cậy của điểm' }, 'calibration'),
    chartOut({ en: 'Importance bars', vi: 'Biểu đồ mức quan trọng' }, 'bars'),
  ],
  params: z.object({
    target: columnParam(
      'any',
      { en: 'What to predict', vi: 'Dự đoán cột nào' },
      {
        help: {
          en: 'A yes/no column (two values), such as "bought", "Revenue" or "Churn". The value that counts as yes: true, the larger number, or a word like "yes".',
          vi: 'Một cột có/không (hai giá trị), như "đã mua", "Revenue" hay "Churn". Giá trị được coi là "có": true, số lớn hơn, hoặc một từ như "yes"/"có".',
        },
      },
    ),
    features: columnsParam(
      'number',
      { en: 'Columns to learn from', vi: 'Các cột dùng để học' },
      {
        help: {
          en: 'Numeric columns that describe each row. Empty uses every numeric column except the one to predict and id-like columns (the note says which). Turn text categories into numbers first with "Encode categories".',
          vi: 'Các cột số mô tả mỗi dòng. Để trống để dùng mọi cột số, trừ cột cần dự đoán và các cột mã định danh (ghi chú cho biết cột nào). Hãy đổi các cột phân loại dạng chữ thành số trước bằng "Mã hoá danh mục".',
        },
      },
    ),
    method: z
      .enum(['logistic', 'trees'])
      .default('logistic')
      .meta({
        label: { en: 'Method', vi: 'Phương pháp' },
        help: {
          en: 'Logistic regression: each column pushes the chance up or down by a fixed amount per step of its values (columns are standardised first, with a mild penalty on large weights, C = 1). Fast and easy to read. Boosted trees: 100 small decision trees that each correct the previous ones; they find thresholds and combinations (for example "many visits but no basket") that a straight line misses, and take several times longer.',
          vi: 'Hồi quy logistic: mỗi cột làm khả năng tăng hoặc giảm một lượng cố định theo giá trị của nó (các cột được chuẩn hoá trước, có phạt nhẹ trọng số lớn, C = 1). Nhanh và dễ hiểu. Cây tăng cường: 100 cây quyết định nhỏ, cây sau sửa lỗi của các cây trước; chúng tìm được các ngưỡng và tổ hợp (ví dụ "ghé nhiều nhưng không bỏ giỏ") mà một đường thẳng bỏ sót, và chạy lâu hơn vài lần.',
        },
        options: { logistic: { en: 'Logistic regression', vi: 'Hồi quy logistic' }, trees: { en: 'Boosted trees', vi: 'Cây tăng cường' } },
      }),
    folds: z
      .number()
      .int()
      .min(2)
      .max(20)
      .default(5)
      .meta({
        label: { en: 'Cross-validation folds', vi: 'Số phần kiểm định chéo' },
        help: {
          en: 'The rows are split into this many parts with the same share of yes; each part is scored by a model trained on the others, so the quality figures are measured on rows the model did not see.',
          vi: 'Các dòng được chia thành chừng này phần có cùng tỷ lệ "có"; mỗi phần được chấm điểm bằng mô hình học từ các phần còn lại, nên các chỉ số chất lượng được đo trên các dòng mô hình chưa thấy.',
        },
      }),
    balanced: z
      .boolean()
      .default(false)
      .meta({
        label: { en: 'Balance the two outcomes', vi: 'Cân bằng hai kết quả' },
        help: {
          en: 'Gives the rarer outcome as much weight as the common one. Scores are then no longer chances, but the rare outcome is found more often.',
          vi: 'Cho kết quả hiếm có trọng số ngang với kết quả phổ biến. Khi đó điểm không còn là xác suất, nhưng kết quả hiếm được tìm thấy nhiều hơn.',
        },
      }),
    seed: seedParam({
      en: 'The same seed always splits the rows into the same parts.',
      vi: 'Cùng một hạt giống luôn chia các dòng thành cùng các phần.',
    }),
  }),
  async run(inputs, params, ctx) {
    const table = requireTable(inputs);
    const target = readTarget(table, params.target);
    let features: string[];
    if (params.features.length) {
      features = params.features.filter((f) => f !== params.target);
      for (const f of features) requireColumn(table, f, 'number');
    } else {
      const { used, leftOut } = defaultNumericColumns(table, [params.target]);
      features = used;
      const note = leftOutNote(leftOut);
      if (note) ctx.warn(note);
      if (used.length) {
        const list = used.map((c) => `"${c}"`).join(', ');
        ctx.warn({ en: `Learned from ${used.length} numeric columns: ${list}.`, vi: `Đã học từ ${used.length} cột số: ${list}.` });
      }
    }
    if (!features.length) {
      throw new NodeError({
        en: `There is no numeric column to learn from besides "${params.target}". Add numeric columns (for example with "Encode categories" for text categories) or pick them in "Columns to learn from".`,
        vi: `Không có cột số nào để học ngoài "${params.target}". Hãy thêm cột số (ví dụ bằng "Mã hoá danh mục" cho các cột phân loại dạng chữ) hoặc chọn chúng ở "Các cột dùng để học".`,
      });
    }
    const n = table.numRows,
      d = features.length;
    let pos = 0,
      neg = 0;
    for (let i = 0; i < n; i++) {
      if (target.y[i] === 1) pos++;
      else if (target.y[i] === 0) neg++;
    }
    const yes = `${params.target} = ${String(target.positive)}`,
      no = `${params.target} = ${String(target.negative)}`;
    const need = Math.max(MIN_PER_CLASS, params.folds);
    if (pos < need || neg < need) {
      const [few, count] = pos < neg ? [yes, pos] : [no, neg];
      throw new NodeError({
        en: `Only ${count} rows have ${few}: too few to learn from and to check the model (at least ${need} of each outcome are needed). Use more rows, or predict a column where both outcomes are common.`,
        vi: `Chỉ có ${count} dòng có ${few}: quá ít để học và kiểm tra mô hình (cần ít nhất ${need} dòng cho mỗi kết quả). Hãy dùng thêm dòng, hoặc dự đoán một cột mà cả hai kết quả đều phổ biến.`,
      });
    }
    if (target.missing) {
      ctx.warn({
        en: `${target.missing.toLocaleString('en-US')} rows have no value in "${params.target}": the model does not learn from them, and their score comes from the final model.`,
        vi: `${target.missing.toLocaleString('vi-VN')} dòng không có giá trị ở "${params.target}": mô hình không học từ các dòng này, và điểm của chúng do mô hình cuối cùng chấm.`,
      });
    }

    const x = new Float64Array(n * d);
    let missing = 0;
    features.forEach((f, j) => {
      const col = toFloat64(table.getChild(f)!);
      for (let i = 0; i < n; i++) {
        const v = col[i];
        x[i * d + j] = v;
        if (v !== v) missing++;
      }
    });
    if (missing) {
      ctx.warn({
        en: `${missing.toLocaleString('en-US')} values are missing in the columns learned from; each counts as the column's average.`,
        vi: `Có ${missing.toLocaleString('vi-VN')} giá trị bị thiếu ở các cột dùng để học; mỗi giá trị thiếu được tính bằng trung bình của cột.`,
      });
    }
    await ctx.progress(
      0,
      say(
        (f) => `${f.count(n, 'row', 'rows')} × ${f.count(d, 'column', 'columns')} read`,
        (f) => `Đã đọc ${f.int(n)} dòng × ${f.int(d)} cột`,
      ),
    );
    const fit = await trainModel(x, n, d, target.y, {
      method: params.method,
      folds: params.folds,
      balanced: params.balanced,
      seed: params.seed,
      helpers: ctx.helpers,
      progress: (f, message) => ctx.progress(f, message),
    });
    if (!fit.converged) {
      ctx.warn({
        en: 'The fit did not fully settle; the figures may be slightly off. Columns that copy each other can cause this: leave one of them out.',
        vi: 'Mô hình chưa hội tụ hẳn; các chỉ số có thể lệch nhẹ. Nguyên nhân có thể là các cột gần như trùng nhau: hãy bỏ bớt một cột.',
      });
    }

    const about = { target: params.target, positive: target.positive, negative: target.negative, threshold: fit.threshold };
    const final = fit.final;
    const model: PredictionModel =
      final.method === 'logistic'
        ? {
            kind: 'model',
            format: LOGISTIC_FORMAT,
            version: LOGISTIC_VERSION,
            features,
            means: Array.from(final.standardiser.means),
            scales: Array.from(final.standardiser.scales),
            coef: Array.from(final.coef),
            intercept: final.intercept,
            ...about,
          }
        : {
            kind: 'model',
            format: TREES_FORMAT,
            version: TREES_VERSION,
            features,
            baseline: final.trees.baseline,
            trees: final.trees.trees,
            ...about,
          };
    // The direction of each column: the coefficient's sign, or (trees) the sign of its correlation with the score.
    const direction = final.method === 'logistic' ? Array.from(final.coef) : features.map((_, j) => correlation(x, d, j, fit.score));

    const stats = METRICS.map((m) => meanStd(fit.perFold[m]));
    const metrics = tableOf({
      metric: stringVector([...METRICS]),
      value: floatVector(Float64Array.from(stats, (s) => s.mean)),
      std: floatVector(Float64Array.from(stats, (s) => s.std)),
    });

    const order = features.map((_, j) => j).sort((a, b) => fit.importance[b] - fit.importance[a]);
    const importance = tableOf({
      feature: stringVector(order.map((j) => features[j])),
      importance: floatVector(Float64Array.from(order, (j) => fit.importance[j])),
      sign: stringVector(order.map((j) => (direction[j] > 0 ? '+' : direction[j] < 0 ? '−' : '0'))),
    });

    const known = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => target.y[i] !== 255));
    const curve = gains(fit.score, target.y, known, PERCENTS);
    const top10 = curve[PERCENTS.indexOf(10)];
    const aucValue = stats[0].mean,
      base = pos / (pos + neg);
    const strong = order.filter((j) => fit.importance[j] > 0.001).slice(0, 3);
    const signals = () => strong.map((j) => `${features[j]} (${direction[j] > 0 ? '+' : '−'})`).join(', ');
    const summary: Text = {
      en:
        `Predicts ${yes} with AUC ${fmt(aucValue, 'en')} on rows it did not learn from (random = 0.5, perfect = 1)` +
        (strong.length ? `; the strongest signals are ${signals()} (+ raises the chance, − lowers it)` : '; no column clearly helps') +
        `. The top 10% by score hold ${pct(top10, 'en')} of the rows with ${yes} (${pct(base, 'en')} of all rows have it).`,
      vi:
        `Dự đoán ${yes} với AUC ${fmt(aucValue, 'vi')} trên các dòng chưa học (đoán mò = 0,5, hoàn hảo = 1)` +
        (strong.length ? `; tín hiệu mạnh nhất là ${signals()} (+ làm tăng khả năng, − làm giảm)` : '; không có cột nào giúp ích rõ rệt') +
        `. 10% dòng có điểm cao nhất chứa ${pct(top10, 'vi')} số dòng có ${yes} (${pct(base, 'vi')} tổng số dòng có kết quả này).`,
    };
    ctx.warn(summary);
    // What the data panel shows of the model, and what a saved model file says about itself.
    model.about = {
      method: params.method,
      rows: pos + neg,
      folds: params.folds,
      balanced: params.balanced,
      seed: params.seed,
      metrics: Object.fromEntries(METRICS.map((m, i) => [m, { value: stats[i].mean, std: stats[i].std }])),
      importance: order.slice(0, 10).map((j) => ({
        feature: features[j],
        importance: fit.importance[j],
        sign: direction[j] > 0 ? '+' : direction[j] < 0 ? '−' : '0',
      })),
      summary: { en: summary.en, vi: summary.vi },
    };
    if (aucValue < 0.6) {
      ctx.warn({
        en: 'The columns barely tell the two outcomes apart (AUC below 0.6): treat the scores with care, or add columns that say more about each row.',
        vi: 'Các cột hầu như không phân biệt được hai kết quả (AUC dưới 0,6): hãy thận trọng với điểm số, hoặc thêm các cột nói rõ hơn về mỗi dòng.',
      });
    }

    return {
      model,
      metrics,
      importance,
      out: withColumns(table, { score: floatVector(fit.score) }),
      lift: liftChart(params.target, String(target.positive), curve, top10),
      roc: rocChart(rocPoints(fit.score, target.y, known), fit.pooledAuc, yes),
      calibration: calibrationChart(calibrationBins(fit.score, target.y, known), yes),
      bars: importanceChart(
        features,
        fit.importance,
        features.map((_, j) => (direction[j] > 0 ? '+' : direction[j] < 0 ? '−' : '0')),
      ),
    };
  },
  scale: 'whole',
});
