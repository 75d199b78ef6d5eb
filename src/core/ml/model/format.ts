/**
 * The model a `model.train` node outputs: small versioned JSON, never code. The features are read
 * by name, standardised with the training means and scales (a missing value becomes the mean),
 * and scored with the coefficients.
 */
import { NodeError } from '../../contract/errors';
import type { Json, Model, PortValue } from '../../contract/node';

export const LOGISTIC_FORMAT = 'audience-flow/logistic';
export const LOGISTIC_VERSION = 1;
export const TREES_FORMAT = 'audience-flow/trees';
export const TREES_VERSION = 1;
const VERSIONS: Record<string, number> = { [LOGISTIC_FORMAT]: LOGISTIC_VERSION, [TREES_FORMAT]: TREES_VERSION };

/** The value of the target that counts as "yes", and the other one. */
export type Label = string | number | boolean;

export interface LogisticModel extends Model {
  format: typeof LOGISTIC_FORMAT;
  version: typeof LOGISTIC_VERSION;
  features: string[];
  means: number[];
  scales: number[];
  /** Coefficients on the standardised features. */
  coef: number[];
  intercept: number;
  target: string;
  positive: Label;
  negative: Label;
  /** Rows scoring at or above it are predicted positive (best F1 on the out-of-fold scores). */
  threshold: number;
}

/** Boosted trees: the score is σ(baseline + Σ leaf values); a row goes left when its value ≤ threshold or is missing. */
export interface TreesModel extends Model {
  format: typeof TREES_FORMAT;
  version: typeof TREES_VERSION;
  features: string[];
  baseline: number;
  trees: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }[];
  target: string;
  positive: Label;
  negative: Label;
  threshold: number;
}

export type PredictionModel = LogisticModel | TreesModel;

const isNumbers = (v: Json | undefined, n: number): v is number[] =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));
/** Parallel arrays of one length, children inside the tree, features inside the model. */
function validTree(t: Json, d: number): boolean {
  if (!t || typeof t !== 'object' || Array.isArray(t)) return false;
  const n = Array.isArray(t.feature) ? t.feature.length : 0;
  if (!n || !['feature', 'threshold', 'left', 'right', 'value'].every((k) => isNumbers(t[k], n))) return false;
  const f = t.feature as number[],
    l = t.left as number[],
    r = t.right as number[];
  return f.every((v, i) => (v < 0 ? true : v < d && l[i] > i && l[i] < n && r[i] > i && r[i] < n));
}
const isLabel = (v: Json | undefined): v is Label => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The model on the input, checked; a plain-language error for anything else. */
export function requireModel(value: PortValue | undefined): PredictionModel {
  if (!value || (value as { kind?: unknown }).kind !== 'model') {
    throw new NodeError({
      en: 'Nothing is connected to the input "model". Connect the "Model" output of a "Train a prediction model" step to it.',
      vi: 'Chưa có gì nối vào cổng vào "model". Hãy nối đầu ra "Mô hình" của bước "Huấn luyện mô hình dự đoán" vào đó.',
    });
  }
  const m = value as Model;
  if (!Object.hasOwn(VERSIONS, String(m.format))) {
    throw new NodeError({
      en: `This step cannot use a model of the kind "${String(m.format)}": it applies models made by "Train a prediction model" (kinds "${LOGISTIC_FORMAT}", "${TREES_FORMAT}"). Train the model again with that step.`,
      vi: `Bước này không dùng được mô hình loại "${String(m.format)}": nó chỉ áp dụng mô hình do bước "Huấn luyện mô hình dự đoán" tạo ra (loại "${LOGISTIC_FORMAT}", "${TREES_FORMAT}"). Hãy huấn luyện lại mô hình bằng bước đó.`,
    });
  }
  const version = VERSIONS[m.format];
  if (m.version !== version) {
    throw new NodeError({
      en: `The model was saved in version ${String(m.version)} of its format, but this version of Audience Flow reads only version ${version}. Train the model again here.`,
      vi: `Mô hình được lưu ở phiên bản ${String(m.version)} của định dạng, nhưng phiên bản Audience Flow này chỉ đọc được phiên bản ${version}. Hãy huấn luyện lại mô hình tại đây.`,
    });
  }
  const features = m.features;
  const common =
    Array.isArray(features) &&
    features.length > 0 &&
    features.every((f) => typeof f === 'string') &&
    typeof m.threshold === 'number' &&
    typeof m.target === 'string' &&
    isLabel(m.positive) &&
    isLabel(m.negative);
  const ok =
    common &&
    (m.format === LOGISTIC_FORMAT
      ? isNumbers(m.means, features.length) &&
        isNumbers(m.scales, features.length) &&
        isNumbers(m.coef, features.length) &&
        typeof m.intercept === 'number' &&
        Number.isFinite(m.intercept)
      : typeof m.baseline === 'number' && Array.isArray(m.trees) && m.trees.every((t) => validTree(t, features.length)));
  if (!ok) {
    throw new NodeError({
      en: 'The model is damaged: some of its numbers or column names are missing. Train the model again.',
      vi: 'Mô hình bị hỏng: thiếu một số con số hoặc tên cột. Hãy huấn luyện lại mô hình.',
    });
  }
  return m as PredictionModel;
}
