/**
 * One prediction-model run in its own process: argv `logistic` | `trees`. Fits on the first 80%
 * of the rows, then scores every row (1M), timed apart; the AUC is on the last 20%.
 */
import { caseMain } from '../lib';
import { fitRows, predictRows } from '../../src/core/ml/model/fit';
import { auc } from '../../src/core/ml/model/metrics';
import { D, N, loadModelData } from './model-data';

const method = (process.argv[2] ?? 'logistic') as 'logistic' | 'trees';
const { x, y } = loadModelData();
const cut = Math.floor(N * 0.8);
const train = Int32Array.from({ length: cut }, (_, i) => i);
const all = Int32Array.from({ length: N }, (_, i) => i);

await caseMain(() => {
  const t0 = performance.now();
  const fit = fitRows(x, D, y, train, { method, balanced: false });
  const fitMs = performance.now() - t0;
  const t1 = performance.now();
  const score = predictRows(fit, x, D, all);
  const predictMs = performance.now() - t1;
  const test = Int32Array.from({ length: N - cut }, (_, i) => cut + i);
  return { fitMs, predictMs, auc: auc(score, y, test) };
});
