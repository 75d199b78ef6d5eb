/**
 * model.train against scikit-learn 1.2 (Debian /usr/bin/python3): the same standardised data and
 * the same folds (exported from here) give the same coefficients (within 1e-4), the same
 * out-of-fold scores and the same 5-fold AUC (within 0.005).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import featureEncode from '../../../nodes/feature.encode';
import ingestFile from '../../../nodes/ingest.file';
import node from '../../../nodes/model.train';
import { stratifiedFolds } from '../../../src/core/ml/model/folds';
import { readTarget } from '../../../src/core/ml/model/target';
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
  const line = `skipped: needs scikit-learn in ${PYTHON} (apt install python3-sklearn) for the model.train comparison`;
  if (requiredByCi()) throw new Error(`${line.replace('skipped: needs', 'missing:')}. CI=true requires it.`);
  console.warn(line);
}

/** Same objective as LogisticRegression(C=1) (lbfgs by default); Newton-Cholesky with a tight tolerance reaches its exact optimum. */
const REFERENCE = `
import json, sys, numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import roc_auc_score
m = np.loadtxt(sys.argv[1], delimiter=',')
X, y, fold = m[:, :-2], m[:, -2].astype(int), m[:, -1].astype(int)
def fit(Xa, ya):
    s = StandardScaler().fit(Xa)
    lr = LogisticRegression(C=1.0, solver='newton-cholesky', tol=1e-12, max_iter=1000).fit(s.transform(Xa), ya)
    return s, lr
s, lr = fit(X, y)
default = LogisticRegression(C=1.0).fit(s.transform(X), y)
oof = np.zeros(len(y)); aucs = []
for f in range(fold.max() + 1):
    tr, te = fold != f, fold == f
    sf, lf = fit(X[tr], y[tr])
    oof[te] = lf.predict_proba(sf.transform(X[te]))[:, 1]
    aucs.append(roc_auc_score(y[te], oof[te]))
print(json.dumps({'coef': lr.coef_[0].tolist(), 'intercept': float(lr.intercept_[0]),
  'lbfgs_coef': default.coef_[0].tolist(), 'aucs': aucs, 'auc': float(np.mean(aucs)), 'oof': oof.tolist()}))
`;

const dir = mkdtempSync(path.join(tmpdir(), 'model-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(file: string): Promise<Table> {
  return (await runNode(ingestFile, {}, { path: file }, { files: { [file]: readFileSync(data.path(file)) } })).outputs.out as Table;
}

async function compare(file: string | Table, target: string) {
  const table = typeof file === 'string' ? await load(file) : file;
  const { outputs } = await runNode(node, { in: table }, { target });
  const model = outputs.model as Model;
  const features = model.features as string[];
  const { y } = readTarget(table, target);
  const fold = stratifiedFolds(y, 5, 42); // the node's folds for seed 42
  const cols = features.map((f) => toFloat64(table.getChild(f)!));
  const lines: string[] = [];
  for (let i = 0; i < table.numRows; i++) lines.push([...cols.map((c) => c[i].toPrecision(17)), y[i], fold[i]].join(','));
  const csv = path.join(dir, `${target}.csv`);
  writeFileSync(csv, lines.join('\n'));
  const r = spawnSync(PYTHON, ['-c', REFERENCE, csv], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 280_000,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const ref = JSON.parse(r.stdout) as {
    coef: number[];
    intercept: number;
    lbfgs_coef: number[];
    aucs: number[];
    auc: number;
    oof: number[];
  };
  const metrics = outputs.metrics as Table;
  const auc = toFloat64(metrics.getChild('value')!)[toValues(metrics.getChild('metric')!).indexOf('auc')];
  const oof = toFloat64((outputs.out as Table).getChild('score')!);
  const coefDiff = Math.max(...(model.coef as number[]).map((c, j) => Math.abs(c - ref.coef[j])));
  const lbfgsDiff = Math.max(...(model.coef as number[]).map((c, j) => Math.abs(c - ref.lbfgs_coef[j])));
  const oofDiff = Math.max(...Array.from(oof, (s, i) => Math.abs(s - ref.oof[i])));
  console.info(
    `${target}: ${features.length} features, max |Δcoef| ${coefDiff.toExponential(2)} (vs default lbfgs ${lbfgsDiff.toExponential(2)}), |Δintercept| ${Math.abs((model.intercept as number) - ref.intercept).toExponential(2)}, AUC ${auc.toFixed(4)} vs ${ref.auc.toFixed(4)}, max |Δ out-of-fold score| ${oofDiff.toExponential(2)}`,
  );
  return { model, ref, coefDiff, auc, oofDiff };
}

describe.skipIf(!data.available || !sklearn)('model.train against scikit-learn', { timeout: 300_000 }, () => {
  it('online shoppers (Revenue, numeric columns): same coefficients, out-of-fold scores and AUC', async () => {
    const { model, ref, coefDiff, auc, oofDiff } = await compare(SHOPPERS, 'Revenue');
    expect(model.positive).toBe(true);
    expect(model.features).toContain('PageValues');
    expect(coefDiff).toBeLessThan(1e-4);
    expect(Math.abs((model.intercept as number) - ref.intercept)).toBeLessThan(1e-4);
    expect(oofDiff).toBeLessThan(1e-4);
    expect(Math.abs(auc - ref.auc)).toBeLessThan(0.005);
    expect(auc).toBeGreaterThan(0.85);
  });

  it('online shoppers with Month, VisitorType and Weekend one-hot encoded first: same coefficients and AUC', async () => {
    const raw = await load(SHOPPERS);
    const encoded = (await runNode(featureEncode, { in: raw }, { columns: ['Month', 'VisitorType', 'Weekend'], dropOriginal: true }))
      .outputs.out as Table;
    const { model, ref, coefDiff, auc, oofDiff } = await compare(encoded, 'Revenue');
    expect((model.features as string[]).filter((f) => f.startsWith('Month=')).length).toBe(10);
    expect(model.features).toContain('VisitorType=New_Visitor');
    expect(coefDiff).toBeLessThan(1e-4);
    expect(Math.abs((model.intercept as number) - ref.intercept)).toBeLessThan(1e-4);
    expect(oofDiff).toBeLessThan(1e-4);
    expect(Math.abs(auc - ref.auc)).toBeLessThan(0.005);
  });

  it('Iranian churn (Churn): same coefficients, out-of-fold scores and AUC', async () => {
    const { model, ref, coefDiff, auc, oofDiff } = await compare(CHURN, 'Churn');
    expect(model.positive).toBe(1);
    expect(coefDiff).toBeLessThan(1e-4);
    expect(Math.abs((model.intercept as number) - ref.intercept)).toBeLessThan(1e-4);
    expect(oofDiff).toBeLessThan(1e-4);
    expect(Math.abs(auc - ref.auc)).toBeLessThan(0.005);
    expect(auc).toBeGreaterThan(0.85);
  });
});
