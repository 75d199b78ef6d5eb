/**
 * model.train with method "trees" against scikit-learn 1.2's HistGradientBoostingClassifier with
 * the same defaults (255 bins, learning rate 0.1, 100 trees, 31 leaves, 20 rows per leaf, no L2)
 * and early stopping off, on the same folds (exported from here): the 5-fold AUC within 0.005.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import ingestFile from '../../../nodes/ingest.file';
import node from '../../../nodes/model.train';
import { stratifiedFolds } from '../../../src/core/ml/model/folds';
import { readTarget } from '../../../src/core/ml/model/target';
import { binEdges } from '../../../src/core/ml/model/trees';
import type { Model } from '../../../src/core/contract/node';
import { toFloat64, toValues } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { requiredByCi, sharedData } from '../../helpers/shared-data';

const SHOPPERS = 'uci_online_shoppers_intention/online_shoppers_intention.csv';
const CHURN = 'uci_iranian_churn/Customer Churn.csv';
const data = sharedData(SHOPPERS, CHURN);

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import sklearn, numpy; print(sklearn.__version__)'], { encoding: 'utf8' });
const sklearn = probe.status === 0 ? probe.stdout.trim() : '';
if (!sklearn) {
  const line = `skipped: needs scikit-learn in ${PYTHON} (apt install python3-sklearn) for the boosted trees comparison`;
  if (requiredByCi()) throw new Error(`${line.replace('skipped: needs', 'missing:')}. CI=true requires it.`);
  console.warn(line);
}

const REFERENCE = `
import json, sys, numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
m = np.loadtxt(sys.argv[1], delimiter=',')
X, y, fold = m[:, :-2], m[:, -2].astype(int), m[:, -1].astype(int)
aucs = []
for f in range(fold.max() + 1):
    tr, te = fold != f, fold == f
    clf = HistGradientBoostingClassifier(early_stopping=False, random_state=0).fit(X[tr], y[tr])
    aucs.append(roc_auc_score(y[te], clf.predict_proba(X[te])[:, 1]))
print(json.dumps({'aucs': aucs, 'auc': float(np.mean(aucs))}))
`;

const dir = mkdtempSync(path.join(tmpdir(), 'model-trees-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function compare(file: string, target: string) {
  const table = (await runNode(ingestFile, {}, { path: file }, { files: { [file]: readFileSync(data.path(file)) } })).outputs.out as Table;
  const t0 = performance.now();
  const { outputs } = await runNode(node, { in: table }, { target, method: 'trees' });
  const ms = performance.now() - t0;
  const model = outputs.model as Model;
  const features = model.features as string[];
  const { y } = readTarget(table, target);
  const fold = stratifiedFolds(y, 5, 42);
  const cols = features.map((f) => toFloat64(table.getChild(f)!));
  const lines: string[] = [];
  for (let i = 0; i < table.numRows; i++) lines.push([...cols.map((c) => c[i].toPrecision(17)), y[i], fold[i]].join(','));
  const csv = path.join(dir, `${target}.csv`);
  writeFileSync(csv, lines.join('\n'));
  const r = spawnSync(PYTHON, ['-c', REFERENCE, csv], {
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const ref = JSON.parse(r.stdout) as { aucs: number[]; auc: number };
  const metrics = outputs.metrics as Table;
  const auc = toFloat64(metrics.getChild('value')!)[toValues(metrics.getChild('metric')!).indexOf('auc')];
  console.info(
    `${target} (trees): AUC ${auc.toFixed(4)} vs scikit-learn ${ref.auc.toFixed(4)} (folds ${ref.aucs.map((a) => a.toFixed(4)).join(' ')}), ${Math.round(ms)} ms`,
  );
  return { model, auc, ref };
}

describe.skipIf(!data.available || !sklearn)('model.train (trees) against scikit-learn', { timeout: 300_000 }, () => {
  it('online shoppers (Revenue): same 5-fold AUC as HistGradientBoostingClassifier', async () => {
    const { model, auc, ref } = await compare(SHOPPERS, 'Revenue');
    expect(model.format).toBe('audience-flow/trees');
    expect((model.trees as unknown[]).length).toBe(100);
    expect(Math.abs(auc - ref.auc)).toBeLessThan(0.005);
  });

  it("bin edges equal scikit-learn's _find_binning_thresholds on every shoppers column", async () => {
    const table = (await runNode(ingestFile, {}, { path: SHOPPERS }, { files: { [SHOPPERS]: readFileSync(data.path(SHOPPERS)) } })).outputs
      .out as Table;
    const names = ['ProductRelated_Duration', 'PageValues', 'ExitRates', 'Administrative', 'SpecialDay'];
    const cols = names.map((f) => toFloat64(table.getChild(f)!));
    const csv = path.join(dir, 'bins.csv');
    writeFileSync(csv, Array.from({ length: table.numRows }, (_, i) => cols.map((c) => c[i].toPrecision(17)).join(',')).join('\n'));
    const code =
      'import json, sys, numpy as np\nfrom sklearn.ensemble._hist_gradient_boosting.binning import _find_binning_thresholds\n' +
      'X = np.loadtxt(sys.argv[1], delimiter=",")\nprint(json.dumps([_find_binning_thresholds(X[:, j], 255).tolist() for j in range(X.shape[1])]))';
    const r = spawnSync(PYTHON, ['-c', code, csv], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    // scikit-learn keeps repeated percentile edges (empty bins between them); the distinct edges split the rows the same way.
    const ref = (JSON.parse(r.stdout) as number[][]).map((e) => [...new Set(e)]);
    names.forEach((_, j) => {
      const ours = Array.from(binEdges(cols[j]));
      expect(ours.length).toBe(ref[j].length);
      ours.forEach((e, b) => expect(Math.abs(e - ref[j][b])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e))));
    });
  });

  it('Iranian churn (Churn): same 5-fold AUC as HistGradientBoostingClassifier', async () => {
    const { auc, ref } = await compare(CHURN, 'Churn');
    expect(Math.abs(auc - ref.auc)).toBeLessThan(0.005);
  });
});
