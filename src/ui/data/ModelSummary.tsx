/**
 * A trained model on the data panel: what it predicts, how (method, columns), how well (the
 * cross-validated figures saved with it), its strongest signals, and "Download model" to save it
 * as a .model.json file ("Load a prediction model" reads it back). Reads only the model's JSON;
 * a model from a file may lack the optional parts, which are then left out.
 */
import type { Model } from '../../core/contract/node';
import type { Text } from '../../core/contract/i18n';
import { Icon } from '../icons';
import { useT } from '../i18n';

const W = {
  predicts: { en: 'Predicts', vi: 'Dự đoán' },
  method: { en: 'Method', vi: 'Phương pháp' },
  logistic: { en: 'logistic regression', vi: 'hồi quy logistic' },
  trees: { en: 'boosted trees', vi: 'cây tăng cường' },
  format: { en: 'Format', vi: 'Định dạng' },
  columns: { en: 'Columns learned from', vi: 'Các cột đã học' },
  cut: { en: 'Predicted yes from a score of', vi: 'Dự đoán "có" từ điểm' },
  rows: { en: 'Rows learned from', vi: 'Số dòng đã học' },
  folds: { en: 'folds', vi: 'phần kiểm định chéo' },
  figures: { en: 'Quality on rows the model did not learn from', vi: 'Chất lượng trên các dòng mô hình chưa học' },
  metric: { en: 'figure', vi: 'chỉ số' },
  value: { en: 'value', vi: 'giá trị' },
  std: { en: '± across folds', vi: '± giữa các phần' },
  signals: { en: 'Strongest signals', vi: 'Tín hiệu mạnh nhất' },
  importance: { en: 'AUC drop when shuffled', vi: 'AUC giảm khi xáo trộn' },
  weights: { en: 'Largest weights (standardised columns)', vi: 'Trọng số lớn nhất (cột đã chuẩn hoá)' },
  weight: { en: 'weight', vi: 'trọng số' },
  trees_n: { en: 'trees', vi: 'cây' },
  download: { en: 'Download model', vi: 'Tải mô hình xuống' },
  downloadHelp: {
    en: 'Saves the model as a small .model.json file (numbers only, no data rows). Load it again with "Load a prediction model".',
    vi: 'Lưu mô hình thành tệp .model.json nhỏ (chỉ có các con số, không có dòng dữ liệu). Nạp lại bằng "Nạp mô hình dự đoán".',
  },
} satisfies Record<string, Text>;

const METRIC_WORDS: Record<string, Text> = {
  auc: { en: 'AUC (0.5 = guessing, 1 = perfect)', vi: 'AUC (0,5 = đoán mò, 1 = hoàn hảo)' },
  accuracy: { en: 'accuracy', vi: 'độ chính xác' },
  f1: { en: 'F1', vi: 'F1' },
  precision: { en: 'precision (right when saying yes)', vi: 'độ chuẩn (đúng khi nói "có")' },
  recall: { en: 'recall (yes rows found)', vi: 'độ phủ (số dòng "có" tìm được)' },
  log_loss: { en: 'log loss (lower is better)', vi: 'log loss (càng thấp càng tốt)' },
  base_rate: { en: 'share of yes', vi: 'tỷ lệ "có"' },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A file name from the target and method: "Revenue-logistic.model.json". */
function modelFileName(model: Model): string {
  const target = typeof model.target === 'string' ? model.target : 'model';
  const method = String(model.format).split('/').pop() ?? 'model';
  return `${target.replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'model'}-${method}.model.json`;
}

function download(model: Model) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(model)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = modelFileName(model);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ModelSummary({ model }: { model: Model }) {
  const { p, lang } = useT();
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  const f = (v: number, digits = 3) => v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const features = Array.isArray(model.features) ? model.features.filter((x): x is string => typeof x === 'string') : [];
  const about = isObj(model.about) ? model.about : {};
  const isTrees = model.format === 'audience-flow/trees';
  const summary =
    isObj(about.summary) && typeof about.summary.en === 'string' && typeof about.summary.vi === 'string' ? (about.summary as Text) : null;
  const metrics = isObj(about.metrics) ? Object.entries(about.metrics).filter(([, v]) => isObj(v) && num(v.value) !== null) : [];
  const signals = Array.isArray(about.importance)
    ? (about.importance as unknown[]).filter(isObj).filter((s) => typeof s.feature === 'string' && num(s.importance) !== null)
    : [];
  const coef = !isTrees && Array.isArray(model.coef) ? model.coef.map(num) : [];
  const weights = features
    .map((name, j) => ({ name, w: coef[j] ?? null }))
    .filter((x): x is { name: string; w: number } => x.w !== null)
    .sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
    .slice(0, 10);
  const rows = num(about.rows),
    folds = num(about.folds),
    cut = num(model.threshold);
  return (
    <div className="af-model" data-testid="model-summary">
      <div className="af-model-head">
        <h3>
          {p(W.predicts)} <strong>{`${String(model.target)} = ${String(model.positive)}`}</strong>
        </h3>
        <button type="button" className="af-tab" onClick={() => download(model)} title={p(W.downloadHelp)} data-testid="download-model">
          <Icon name="download" /> {p(W.download)}
        </button>
      </div>
      {summary && <p className="af-model-sentence">{p(summary)}</p>}
      <dl className="af-model-facts">
        <dt>{p(W.method)}</dt>
        <dd>
          {p(isTrees ? W.trees : W.logistic)}
          {isTrees && Array.isArray(model.trees) && ` (${model.trees.length} ${p(W.trees_n)})`}
        </dd>
        <dt>{p(W.format)}</dt>
        <dd>
          <code>{`${String(model.format)} v${String(model.version)}`}</code>
        </dd>
        {rows !== null && (
          <>
            <dt>{p(W.rows)}</dt>
            <dd>
              {rows.toLocaleString(locale)}
              {folds !== null && `, ${folds} ${p(W.folds)}`}
            </dd>
          </>
        )}
        {cut !== null && (
          <>
            <dt>{p(W.cut)}</dt>
            <dd>{f(cut)}</dd>
          </>
        )}
        <dt>
          {p(W.columns)} ({features.length})
        </dt>
        <dd className="af-model-columns">{features.join(', ')}</dd>
      </dl>
      <div className="af-model-tables">
        {metrics.length > 0 && (
          <table className="af-model-table" data-testid="model-metrics">
            <caption>{p(W.figures)}</caption>
            <thead>
              <tr>
                <th>{p(W.metric)}</th>
                <th>{p(W.value)}</th>
                <th>{p(W.std)}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.map(([name, v]) => (
                <tr key={name}>
                  <td>{METRIC_WORDS[name] ? p(METRIC_WORDS[name]) : name}</td>
                  <td>{f(num((v as Obj).value)!)}</td>
                  <td>{num((v as Obj).std) !== null ? f(num((v as Obj).std)!) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {signals.length > 0 && (
          <table className="af-model-table" data-testid="model-signals">
            <caption>{p(W.signals)}</caption>
            <thead>
              <tr>
                <th>{p(W.columns)}</th>
                <th>{p(W.importance)}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {signals.map((s) => (
                <tr key={String(s.feature)}>
                  <td>{String(s.feature)}</td>
                  <td>{f(num(s.importance)!, 4)}</td>
                  <td>{typeof s.sign === 'string' ? s.sign : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {weights.length > 0 && (
          <table className="af-model-table" data-testid="model-weights">
            <caption>{p(W.weights)}</caption>
            <thead>
              <tr>
                <th>{p(W.columns)}</th>
                <th>{p(W.weight)}</th>
              </tr>
            </thead>
            <tbody>
              {weights.map((x) => (
                <tr key={x.name}>
                  <td>{x.name}</td>
                  <td>{(x.w > 0 ? '+' : '') + f(x.w)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
