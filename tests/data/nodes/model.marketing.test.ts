/**
 * model.train on the marketing campaign table (Customer Personality Analysis, target `Response`)
 * against scikit-learn 1.2 on the same folds (exported from here): Education and Marital_Status
 * one-hot encoded, ID and the constant Z_* columns left out by the node's defaults, Dt_Customer
 * (a date) not used. Missing incomes count as the training fold's mean on both sides (logistic);
 * the trees send them down the learned side (scikit-learn) or the left side (ours).
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

const MARKETING = 'marketing_campaign_customer_personality/marketing_campaign.csv';
const data = sharedData(MARKETING);

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import sklearn, numpy; print(sklearn.__version__)'], { encoding: 'utf8' });
const sklearn = probe.status === 0 ? probe.stdout.trim() : '';
if (!sklearn) {
  const line = `skipped: needs scikit-learn in ${PYTHON} (apt install python3-sklearn) for the marketing campaign comparison`;
  if (requiredByCi()) throw new Error(`${line.replace('skipped: needs', 'missing:')}. CI=true requires it.`);
  console.warn(line);
}

const REFERENCE = `
import json, sys, numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import roc_auc_score
m = np.genfromtxt(sys.argv[1], delimiter=',')
X, y, fold = m[:, :-2], m[:, -2].astype(int), m[:, -1].astype(int)
out = {}
for name in ['logistic', 'trees']:
    aucs = []
    for f in range(fold.max() + 1):
        tr, te = fold != f, fold == f
        if name == 'logistic':
            clf = make_pipeline(SimpleImputer(strategy='mean'), StandardScaler(),
                LogisticRegression(C=1.0, solver='newton-cholesky', tol=1e-12, max_iter=1000))
        else:
            clf = HistGradientBoostingClassifier(early_stopping=False, random_state=0)
        clf.fit(X[tr], y[tr])
        aucs.append(roc_auc_score(y[te], clf.predict_proba(X[te])[:, 1]))
    out[name] = {'aucs': aucs, 'auc': float(np.mean(aucs))}
print(json.dumps(out))
`;

const dir = mkdtempSync(path.join(tmpdir(), 'model-marketing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const aucOf = (metrics: Table) => toFloat64(metrics.getChild('value')!)[toValues(metrics.getChild('metric')!).indexOf('auc')];

describe.skipIf(!data.available || !sklearn)(
  'model.train on the marketing campaign table against scikit-learn',
  { timeout: 300_000 },
  () => {
    it('Response: 5-fold AUC of logistic and trees within 0.005 of scikit-learn on the same folds', async () => {
      const raw = (await runNode(ingestFile, {}, { path: MARKETING }, { files: { [MARKETING]: readFileSync(data.path(MARKETING)) } }))
        .outputs.out as Table;
      const table = (await runNode(featureEncode, { in: raw }, { columns: ['Education', 'Marital_Status'], dropOriginal: true })).outputs
        .out as Table;
      const logistic = await runNode(node, { in: table }, { target: 'Response' });
      const trees = await runNode(node, { in: table }, { target: 'Response', method: 'trees' });
      const features = (logistic.outputs.model as Model).features as string[];
      expect(features).not.toContain('ID');
      expect(features.some((f) => f.startsWith('Z_'))).toBe(false);
      expect(features).toContain('Income');
      expect(features).toContain('Education=PhD');
      expect((trees.outputs.model as Model).features).toEqual(features);

      const { y } = readTarget(table, 'Response');
      const fold = stratifiedFolds(y, 5, 42); // the node's folds for seed 42
      const cols = features.map((f) => toFloat64(table.getChild(f)!));
      const lines: string[] = [];
      for (let i = 0; i < table.numRows; i++)
        lines.push([...cols.map((c) => (c[i] === c[i] ? c[i].toPrecision(17) : 'nan')), y[i], fold[i]].join(','));
      const csv = path.join(dir, 'marketing.csv');
      writeFileSync(csv, lines.join('\n'));
      const r = spawnSync(PYTHON, ['-c', REFERENCE, csv], {
        encoding: 'utf8',
        timeout: 280_000,
        env: { ...process.env, OMP_NUM_THREADS: '1' },
      });
      if (r.status !== 0) throw new Error(r.stderr);
      const ref = JSON.parse(r.stdout) as Record<'logistic' | 'trees', { aucs: number[]; auc: number }>;
      const lr = aucOf(logistic.outputs.metrics as Table),
        hgb = aucOf(trees.outputs.metrics as Table);
      console.info(
        `marketing campaign (Response), ${features.length} features: logistic AUC ${lr.toFixed(4)} vs scikit-learn ${ref.logistic.auc.toFixed(4)}; trees ${hgb.toFixed(4)} vs ${ref.trees.auc.toFixed(4)}`,
      );
      expect(Math.abs(lr - ref.logistic.auc)).toBeLessThan(0.005);
      expect(Math.abs(hgb - ref.trees.auc)).toBeLessThan(0.005);
      expect(lr).toBeGreaterThan(0.8);
    });
  },
);
