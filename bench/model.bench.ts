/**
 * Prediction models on a seeded 1M × 30 yes/no table (BENCH_MODEL_ROWS to change): fit on 80%
 * of the rows, score all of them, AUC on the last 20%. Ours (src/core/ml/model) against
 * scikit-learn's LogisticRegression (mean imputation + standardising, as ours does) and
 * HistGradientBoostingClassifier (default settings), each run in its own process.
 */
import { row, runCase, runPython, type BenchRow, type Outcome } from './lib';
import { D, N, ensureModelData } from './cases/model-data';

const SKLEARN = `
import sys, time, numpy as np
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
n, d, method = int(sys.argv[1]), int(sys.argv[2]), sys.argv[5]
X = np.fromfile(sys.argv[3], dtype=np.float64, count=n * d).reshape(n, d)
y = np.fromfile(sys.argv[4], dtype=np.uint8, count=n)
cut = int(n * 0.8)
if method == 'logistic':
    m = make_pipeline(SimpleImputer(strategy='mean'), StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
else:
    m = HistGradientBoostingClassifier()
t = time.perf_counter()
m.fit(X[:cut], y[:cut])
fit_ms = (time.perf_counter() - t) * 1000
t = time.perf_counter()
p = m.predict_proba(X)[:, 1]
predict_ms = (time.perf_counter() - t) * 1000
_RESULT = {'ms': fit_ms + predict_ms, 'extra': {'fitMs': fit_ms, 'predictMs': predict_ms, 'auc': float(roc_auc_score(y[cut:], p[cut:]))}}
`;

/** The fit or the scoring part of a run, as an outcome of its own. */
function part(o: Outcome, key: 'fitMs' | 'predictMs'): Outcome {
  if (!o.ok) return o;
  const ms = o.m.extra?.[key];
  return typeof ms === 'number' ? { ok: true, m: { ...o.m, ms } } : { ok: false, reason: `no ${key} in the result` };
}
const aucNote = (o: Outcome) => (o.ok && typeof o.m.extra?.auc === 'number' ? `held-out AUC ${(o.m.extra.auc as number).toFixed(4)}` : '');

export async function bench(): Promise<BenchRow[]> {
  const files = ensureModelData();
  const out: BenchRow[] = [];
  for (const method of ['logistic', 'trees'] as const) {
    const sk = runPython(SKLEARN, [String(N), String(D), files.x, files.y, method]);
    const ours = runCase('bench/cases/model.ts', [method]);
    if (!sk.ok) console.log(`scikit-learn could not be measured, so the ${method} rows have no reference: ${sk.reason}`);
    const skName = method === 'logistic' ? 'sklearn LogisticRegression (ref)' : 'sklearn HistGradientBoosting (ref)';
    const train = `model ${method}: fit on ${Math.floor(N * 0.8).toLocaleString('en-US')} × ${D}`;
    const score = `model ${method}: score ${N.toLocaleString('en-US')} rows`;
    out.push(
      row(train, skName, Math.floor(N * 0.8), part(sk, 'fitMs'), undefined, `${aucNote(sk)}; one run each`),
      row(train, 'src/core/ml/model', Math.floor(N * 0.8), part(ours, 'fitMs'), part(sk, 'fitMs'), aucNote(ours)),
      row(score, skName.replace(' (ref)', ' predict_proba (ref)'), N, part(sk, 'predictMs')),
      row(score, 'src/core/ml/model', N, part(ours, 'predictMs'), part(sk, 'predictMs'), 'target: under 1 s'),
    );
  }
  return out;
}
