import { makeVector } from 'apache-arrow';
import { z } from 'zod';
import { dataFromValues } from '../src/core/table/arrow-build';
import { NodeError } from '../src/core/contract/errors';
import { requireModel } from '../src/core/ml/model/format';
import { predictLogistic } from '../src/core/ml/model/logistic';
import { predictTrees } from '../src/core/ml/model/trees';
import { defineNode } from '../src/core/contract/node';
import { columnNames, floatVector, requireColumn, requireTable, toFloat64, withColumns } from '../src/core/table/table';
import { modelIn, tableIn, tableOut } from './kit';
import { say } from '../src/core/contract/format';

/** Scores new rows with a model from "Train a prediction model": a chance of yes and a predicted label. */
export default defineNode({
  type: 'model.predict',
  version: 1,
  category: 'model',
  title: { en: 'Apply a prediction model', vi: 'Áp dụng mô hình dự đoán' },
  description: {
    en: 'Scores rows with a model made by "Train a prediction model": adds a "score" column (the chance of yes, 0–1) and a "prediction" column (yes or no). A row is predicted yes when its score reaches the model\'s cut (chosen in training for the best balance of finding yes rows and being right about them), or when it is in the top share of scores you set. The table needs the columns the model learned from.',
    vi: 'Chấm điểm các dòng bằng mô hình do bước "Huấn luyện mô hình dự đoán" tạo ra: thêm cột "score" (khả năng là "có", từ 0 đến 1) và cột "prediction" (có hay không). Một dòng được dự đoán là "có" khi điểm đạt ngưỡng của mô hình (chọn lúc huấn luyện để cân bằng giữa tìm được nhiều dòng "có" và đoán đúng), hoặc khi nằm trong nhóm điểm cao nhất theo tỷ lệ bạn đặt. Bảng cần có các cột mà mô hình đã học.',
  },
  inputs: [modelIn(), tableIn({ en: 'Rows to score', vi: 'Các dòng cần chấm điểm' })],
  outputs: [tableOut({ en: 'Table with score and prediction', vi: 'Bảng kèm điểm và dự đoán' })],
  params: z.object({
    topPercent: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .meta({
        label: { en: 'Predict yes for the top % by score', vi: 'Dự đoán "có" cho % dòng điểm cao nhất' },
        help: {
          en: "0 uses the model's own cut. Otherwise the given share of rows with the highest scores is predicted yes (for example 10 to contact the 10% most likely buyers).",
          vi: '0 là dùng ngưỡng của mô hình. Nếu khác 0, tỷ lệ dòng có điểm cao nhất này được dự đoán là "có" (ví dụ 10 để liên hệ 10% khách có khả năng mua cao nhất).',
        },
      }),
  }),
  async run(inputs, params, ctx) {
    const model = requireModel(inputs.model);
    const table = requireTable(inputs);
    const have = new Set(columnNames(table));
    const absent = model.features.filter((f) => !have.has(f));
    if (absent.length) {
      const list =
        absent
          .slice(0, 10)
          .map((f) => `"${f}"`)
          .join(', ') + (absent.length > 10 ? ', …' : '');
      throw new NodeError({
        en: `The table lacks ${absent.length} of the columns the model learned from: ${list}. Prepare these rows with the same steps as the training rows, so they have the same columns.`,
        vi: `Bảng thiếu ${absent.length} cột mà mô hình đã học: ${list}. Hãy chuẩn bị các dòng này bằng cùng các bước như các dòng dùng để huấn luyện, để chúng có cùng các cột.`,
      });
    }
    const n = table.numRows,
      d = model.features.length;
    const x = new Float64Array(n * d);
    let missing = 0;
    model.features.forEach((f, j) => {
      const col = toFloat64(requireColumn(table, f, 'number'));
      for (let i = 0; i < n; i++) {
        const v = col[i];
        x[i * d + j] = v;
        if (v !== v) missing++;
      }
    });
    await ctx.progress(
      0.5,
      say(
        (f) => `${f.count(n, 'row', 'rows')} read`,
        (f) => `Đã đọc ${f.int(n)} dòng`,
      ),
    );
    let score: Float64Array;
    if (model.format === 'audience-flow/logistic') {
      // Standardise with the training means and scales; a missing value is the mean (0).
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) {
          const v = x[i * d + j];
          x[i * d + j] = v === v ? (v - model.means[j]) / model.scales[j] : 0;
        }
      }
      score = predictLogistic(x, n, d, model.coef, model.intercept);
    } else {
      score = predictTrees(
        { baseline: model.baseline, trees: model.trees },
        x,
        d,
        new Int32Array(n).map((_, i) => i),
      );
    }
    if (missing) {
      ctx.warn(
        model.format === 'audience-flow/logistic'
          ? {
              en: `${missing.toLocaleString('en-US')} values are missing in the model's columns; each counts as the training average.`,
              vi: `Có ${missing.toLocaleString('vi-VN')} giá trị bị thiếu ở các cột của mô hình; mỗi giá trị thiếu được tính bằng trung bình lúc huấn luyện.`,
            }
          : {
              en: `${missing.toLocaleString('en-US')} values are missing in the model's columns; the trees treat each as smaller than every value.`,
              vi: `Có ${missing.toLocaleString('vi-VN')} giá trị bị thiếu ở các cột của mô hình; các cây coi mỗi giá trị thiếu là nhỏ hơn mọi giá trị.`,
            },
      );
    }
    let cut = model.threshold;
    if (params.topPercent > 0 && n) {
      const sorted = Float64Array.from(score).sort();
      const k = Math.max(1, Math.round((params.topPercent / 100) * n));
      cut = sorted[n - Math.min(k, n)];
    }
    const labels = Array.from(score, (s) => (s >= cut ? model.positive : model.negative));
    await ctx.progress(
      1,
      say(
        (f) => `${f.count(n, 'row', 'rows')} scored`,
        (f) => `Đã chấm điểm ${f.int(n)} dòng`,
      ),
    );
    return { out: withColumns(table, { score: floatVector(score), prediction: makeVector(dataFromValues(labels)) }) };
  },
  scale: 'rows',
});
