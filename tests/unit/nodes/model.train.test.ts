import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/model.train';
import type { LineChart } from '../../../src/core/contract/chart';
import { fitLogistic } from '../../../src/core/ml/model/logistic';
import { auc, bestF1Threshold } from '../../../src/core/ml/model/metrics';
import { stratifiedFolds } from '../../../src/core/ml/model/folds';
import type { Model } from '../../../src/core/contract/node';
import { createRandom } from '../../../src/core/contract/random';
import { boolVector, floatVector, stringVector, tableOf, toFloat64, toValues } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { shoppers } from '../../helpers/shoppers';

const metric = (t: Table, name: string) => {
  const names = toValues(t.getChild('metric')!);
  return toFloat64(t.getChild('value')!)[names.indexOf(name)];
};

describe('model.train', () => {
  it('learns a clear relation: AUC > 0.9, the signal first with +, id left out, every output filled', async () => {
    const table = shoppers(600);
    const { outputs, warnings, progress } = await runNode(node, { in: table }, { target: 'bought' });
    const metrics = outputs.metrics as Table;
    expect(metric(metrics, 'auc')).toBeGreaterThan(0.9);
    expect(metric(metrics, 'base_rate')).toBeGreaterThan(0.1);
    expect(metric(metrics, 'base_rate')).toBeLessThan(0.35);
    const logLoss = metric(metrics, 'log_loss');
    expect(logLoss).toBeGreaterThan(0);
    expect(logLoss).toBeLessThan(0.4);
    for (const m of ['accuracy', 'f1', 'precision', 'recall']) expect(metric(metrics, m)).toBeGreaterThan(0.6);
    const importance = outputs.importance as Table;
    expect(toValues(importance.getChild('feature')!)).toEqual(['signal', 'noise']);
    expect(toValues(importance.getChild('sign')!)[0]).toBe('+');
    expect(toFloat64(importance.getChild('importance')!)[0]).toBeGreaterThan(0.3);
    const model = outputs.model as Model;
    expect(model).toMatchObject({
      kind: 'model',
      format: 'audience-flow/logistic',
      version: 1,
      features: ['signal', 'noise'],
      target: 'bought',
      positive: true,
      negative: false,
    });
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    const out = outputs.out as Table;
    expect(out.numRows).toBe(600);
    const score = toFloat64(out.getChild('score')!);
    expect(score.every((s) => s > 0 && s < 1)).toBe(true);
    const y = Uint8Array.from(toValues(table.getChild('bought')!), (v) => (v ? 1 : 0));
    expect(auc(score, y)).toBeGreaterThan(0.9);
    const lift = outputs.lift as LineChart;
    expect(lift.chart).toBe('line');
    const curve = lift.series[0].values;
    expect(curve[0]).toBe(0);
    expect(curve[curve.length - 1]).toBe(100);
    expect(curve[2]).toBeGreaterThan(30); // top 10% hold far more than 10% of the buyers
    expect(warnings.some((w) => /customer_id/.test(w) && /Left out/.test(w))).toBe(true);
    expect(
      warnings.some((w) => /^Predicts bought = true with AUC 0\.9\d/.test(w) && /signal \(\+\)/.test(w) && /top 10% by score hold/.test(w)),
    ).toBe(true);
    expect(progress.filter((p) => /^fold \d of 5/.test(p.message ?? '')).length).toBe(5);
  });

  it('the same seed gives the same scores, another seed other folds', async () => {
    const table = shoppers(300, 3);
    const a = await runNode(node, { in: table }, { target: 'bought', seed: 7 });
    const b = await runNode(node, { in: table }, { target: 'bought', seed: 7 });
    const c = await runNode(node, { in: table }, { target: 'bought', seed: 8 });
    const s = (r: typeof a) => Array.from(toFloat64((r.outputs.out as Table).getChild('score')!));
    expect(s(a)).toEqual(s(b));
    expect(s(a)).not.toEqual(s(c));
  });

  it('refuses a target with one value, with too few rows of a class, or with three values', async () => {
    const one = tableOf({ x: floatVector(Float64Array.from({ length: 50 }, (_, i) => i % 7)), y: boolVector(Array(50).fill(true)) });
    await expect(runNode(node, { in: one }, { target: 'y' })).rejects.toThrow(/only one value \("true"\)/);
    const few = tableOf({
      x: floatVector(Float64Array.from({ length: 100 }, (_, i) => i % 7)),
      y: boolVector(Array.from({ length: 100 }, (_, i) => i < 12)),
    });
    await expect(runNode(node, { in: few }, { target: 'y' })).rejects.toThrow(/Only 12 rows have y = true: too few.*at least 20/);
    const three = tableOf({
      x: floatVector(Float64Array.from({ length: 90 }, (_, i) => i % 7)),
      y: stringVector(Array.from({ length: 90 }, (_, i) => ['a', 'b', 'c'][i % 3])),
    });
    await expect(runNode(node, { in: three }, { target: 'y' })).rejects.toThrow(/3 different values.*yes\/no column/);
    await expect(runNode(node, { in: three }, {})).rejects.toThrow(/Choose the column to predict/);
  });

  it('text yes/no targets: "yes" is the positive value; balanced weights raise the scores of the rare class', async () => {
    const base = shoppers(500, 5);
    const bought = toValues(base.getChild('bought')!);
    const table = tableOf({
      signal: base.getChild('signal')!,
      noise: base.getChild('noise')!,
      answer: stringVector(bought.map((v) => (v ? 'yes' : 'no'))),
    });
    const plain = await runNode(node, { in: table }, { target: 'answer' });
    expect((plain.outputs.model as Model).positive).toBe('yes');
    const balanced = await runNode(node, { in: table }, { target: 'answer', balanced: true });
    // Balanced weights push the scores of the rare class up: the mean score exceeds the base rate.
    const mean = (r: typeof plain) => toFloat64((r.outputs.out as Table).getChild('score')!).reduce((a, b) => a + b, 0) / 500;
    const rate = bought.filter(Boolean).length / 500;
    expect(Math.abs(mean(plain) - rate)).toBeLessThan(0.03);
    expect(mean(balanced)).toBeGreaterThan(mean(plain) + 0.05);
  });

  it('rows without an outcome are left out of learning and scored by the final model; missing features count as the mean', async () => {
    const base = shoppers(400, 6);
    const bought = toValues(base.getChild('bought')!);
    const y = Float64Array.from(bought, (v, i) => (i % 10 === 0 ? NaN : v ? 1 : 0));
    const signal = toFloat64(base.getChild('signal')!).map((v, i) => (i % 13 === 1 ? NaN : v));
    const table = tableOf({ signal: floatVector(signal), noise: base.getChild('noise')!, y: floatVector(y) });
    const { outputs, warnings } = await runNode(node, { in: table }, { target: 'y' });
    expect((outputs.model as Model).positive).toBe(1);
    expect(warnings.some((w) => /^40 rows have no value in "y"/.test(w))).toBe(true);
    expect(warnings.some((w) => /^31 values are missing/.test(w))).toBe(true);
    const score = toFloat64((outputs.out as Table).getChild('score')!);
    expect(score.every((s) => s > 0 && s < 1)).toBe(true);
    // The unlabelled rows still get a useful score: buyers among them score higher.
    const unl = Array.from({ length: 40 }, (_, t) => t * 10);
    const yUnl = Uint8Array.from(unl, (i) => (bought[i] ? 1 : 0));
    expect(
      auc(
        Float64Array.from(unl, (i) => score[i]),
        yUnl,
      ),
    ).toBeGreaterThan(0.8);
  });

  it('cancels between folds', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runNode(node, { in: shoppers(200) }, { target: 'bought' }, { signal: controller.signal })).rejects.toThrow(/cancel/i);
  });
});

describe('logistic core', () => {
  it('the fit sets the gradient of the penalised objective to zero', () => {
    const r = createRandom(11);
    const n = 200,
      d = 3;
    const z = Float64Array.from({ length: n * d }, () => r() * 2 - 1);
    const y = Uint8Array.from({ length: n }, (_, i) => (z[i * d] - z[i * d + 1] + r() - 0.5 > 0 ? 1 : 0));
    const w = new Float64Array(n).fill(1);
    const fit = fitLogistic(z, n, d, y, w, 1);
    expect(fit.converged).toBe(true);
    const g = new Float64Array(d + 1);
    for (let i = 0; i < n; i++) {
      let t = fit.intercept;
      for (let j = 0; j < d; j++) t += z[i * d + j] * fit.coef[j];
      const p = 1 / (1 + Math.exp(-t));
      for (let j = 0; j < d; j++) g[j] += (p - y[i]) * z[i * d + j];
      g[d] += p - y[i];
    }
    for (let j = 0; j < d; j++) expect(Math.abs(g[j] + fit.coef[j])).toBeLessThan(1e-8);
    expect(Math.abs(g[d])).toBeLessThan(1e-8);
    expect(fit.coef[0]).toBeGreaterThan(1);
    expect(fit.coef[1]).toBeLessThan(-1);
  });

  it('AUC with ties, best-F1 cut, stratified folds', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(bestF1Threshold([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0], [0, 1, 2, 3])).toBe(0.8);
    const y = Uint8Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const fold = stratifiedFolds(y, 5, 42);
    for (let f = 0; f < 5; f++) {
      let all = 0,
        pos = 0;
      fold.forEach((v, i) => {
        if (v === f) {
          all++;
          pos += y[i];
        }
      });
      expect(all === 20 || all === 21).toBe(true);
      expect(pos === 5 || pos === 6).toBe(true);
    }
  });
});
