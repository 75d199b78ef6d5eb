import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import predict from '../../../nodes/model.predict';
import train from '../../../nodes/model.train';
import { auc } from '../../../src/core/ml/model/metrics';
import { BIN_SAMPLE, binEdges, binSample, fitTrees, predictTrees } from '../../../src/core/ml/model/trees';
import type { Model } from '../../../src/core/contract/node';
import { createRandom } from '../../../src/core/contract/random';
import { boolVector, floatVector, tableOf, toFloat64, toValues } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';

/** Buyers are the rows far from the middle on `signal`: a relation no straight line can draw. */
function twoSided(n: number): Table {
  const r = createRandom(4);
  const signal = Float64Array.from({ length: n }, () => r() * 100),
    noise = Float64Array.from({ length: n }, () => r());
  return tableOf({
    signal: floatVector(signal),
    noise: floatVector(noise),
    bought: boolVector(Array.from(signal, (s) => Math.abs(s - 50) > 30)),
  });
}
const aucOf = (t: Table) => {
  const names = toValues(t.getChild('metric')!);
  return toFloat64(t.getChild('value')!)[names.indexOf('auc')];
};

describe('model.train with boosted trees', () => {
  it('finds a two-sided relation that logistic regression misses', async () => {
    const table = twoSided(800);
    const trees = await runNode(train, { in: table }, { target: 'bought', method: 'trees' });
    const logistic = await runNode(train, { in: table }, { target: 'bought' });
    expect(aucOf(trees.outputs.metrics as Table)).toBeGreaterThan(0.97);
    expect(aucOf(logistic.outputs.metrics as Table)).toBeLessThan(0.7);
    expect(toValues((trees.outputs.importance as Table).getChild('feature')!)[0]).toBe('signal');
    const model = trees.outputs.model as Model;
    expect(model).toMatchObject({ format: 'audience-flow/trees', version: 1, features: ['signal', 'noise'] });
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('train → predict: the JSON model scores new rows; far-out rows high, middle rows low', async () => {
    const { outputs } = await runNode(train, { in: twoSided(800) }, { target: 'bought', method: 'trees' });
    const model = JSON.parse(JSON.stringify(outputs.model)) as Model;
    const rows = tableOf({ signal: floatVector(Float64Array.of(2, 50, 98, 45)), noise: floatVector(Float64Array.of(0.5, 0.5, 0.5, 0.5)) });
    const out = (await runNode(predict, { model, in: rows })).outputs.out as Table;
    const score = toFloat64(out.getChild('score')!);
    expect(score[0]).toBeGreaterThan(0.9);
    expect(score[2]).toBeGreaterThan(0.9);
    expect(score[1]).toBeLessThan(0.1);
    expect(score[3]).toBeLessThan(0.1);
    expect(toValues(out.getChild('prediction')!)).toEqual([true, false, true, false]);
  });

  it('refuses a damaged tree model', async () => {
    const { outputs } = await runNode(train, { in: twoSided(300) }, { target: 'bought', method: 'trees' });
    const model = outputs.model as Model & { trees: { left: number[] }[] };
    const broken = { ...model, trees: [{ ...model.trees[0], left: model.trees[0].left.map(() => 99_999) }] };
    const rows = tableOf({ signal: floatVector(Float64Array.of(1)), noise: floatVector(Float64Array.of(1)) });
    await expect(runNode(predict, { model: broken, in: rows })).rejects.toThrow(/damaged/);
  });
});

describe('trees core', () => {
  it('bin edges: midpoints of few distinct values; at most 254 percentile midpoints of many', () => {
    expect(Array.from(binEdges(Float64Array.of(3, 1, 2, 2, NaN)))).toEqual([1.5, 2.5]);
    const many = binEdges(Float64Array.from({ length: 1000 }, (_, i) => i));
    expect(many.length).toBe(254);
    // numpy.percentile(range(1000), 100/255, method='midpoint') = (3 + 4) / 2
    expect(many[0]).toBe(3.5);
    for (let i = 1; i < many.length; i++) expect(many[i]).toBeGreaterThan(many[i - 1]);
  });

  it('a step is learned exactly: the first split is at the step, scores rise across it', () => {
    const n = 200,
      x = Float64Array.from({ length: n }, (_, i) => i),
      y = Uint8Array.from(x, (v) => (v >= 120 ? 1 : 0));
    const rows = new Int32Array(n).map((_, i) => i);
    const fit = fitTrees(x, 1, y, rows, new Float64Array(n).fill(1));
    expect(fit.trees.length).toBe(100);
    expect(fit.trees[0].feature[0]).toBe(0);
    expect(fit.trees[0].threshold[0]).toBe(119.5);
    const p = predictTrees(fit, x, 1, rows);
    expect(auc(p, y)).toBe(1);
    expect(p[0]).toBeLessThan(0.05);
    expect(p[n - 1]).toBeGreaterThan(0.95);
    // A missing value goes left: it scores like the smallest values.
    expect(predictTrees(fit, Float64Array.of(NaN), 1, Int32Array.of(0))[0]).toBeCloseTo(p[0], 12);
  });

  it('scoring walks any node numbering (as in a loaded file): children need not be side by side, a single leaf is a tree', () => {
    // Tree 0: node 0 splits column 0 at 0.5 (left 2, right 1); node 2 splits column 1 at 0 (left 4, right 3).
    const fit = {
      baseline: 0.25,
      trees: [
        {
          feature: [0, -1, 1, -1, -1],
          threshold: [0.5, 0, 0, 0, 0],
          left: [2, -1, 4, -1, -1],
          right: [1, -1, 3, -1, -1],
          value: [0, 2, 0, 1, -1],
        },
        { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0.5] },
      ],
    };
    const x = Float64Array.of(0, 0, 0, 1, 1, -5, NaN, NaN, 0.5, 7);
    const p = predictTrees(fit, x, 2, Int32Array.of(0, 1, 2, 3, 4));
    const sigma = (t: number) => 1 / (1 + Math.exp(-t));
    [-1, 1, 2, -1, 1].forEach((leaf, r) => expect(p[r]).toBe(sigma(0.25 + leaf + 0.5)));
  });

  it('scores of a fit equal a plain walk of its trees, row by row', () => {
    const r = createRandom(9),
      n = 3000,
      d = 4;
    const x = Float64Array.from({ length: n * d }, () => (r() < 0.05 ? NaN : r() * 10));
    const y = Uint8Array.from({ length: n }, (_, i) => (x[i * d] + (x[i * d + 1] || 0) + 3 * r() > 11 ? 1 : 0));
    const rows = new Int32Array(n).map((_, i) => i);
    const fit = fitTrees(x, d, y, rows, new Float64Array(n).fill(1), { maxIter: 20 });
    const p = predictTrees(fit, x, d, rows);
    for (let i = 0; i < n; i++) {
      let t = fit.baseline;
      for (const tree of fit.trees) {
        let node = 0;
        while (tree.feature[node] >= 0) node = x[i * d + tree.feature[node]] > tree.threshold[node] ? tree.right[node] : tree.left[node];
        t += tree.value[node];
      }
      expect(p[i]).toBe(1 / (1 + Math.exp(-t)));
    }
    expect(auc(p, y)).toBeGreaterThan(0.8);
  });

  it('bin edges of a big fit come from a seeded sample of 200,000 distinct rows, the same every time', () => {
    expect(binSample(BIN_SAMPLE)).toBeNull();
    const a = binSample(500_000)!,
      b = binSample(500_000)!;
    expect(a.length).toBe(200_000);
    expect(Array.from(a.subarray(0, 50))).toEqual(Array.from(b.subarray(0, 50)));
    for (let i = 1; i < a.length; i++) expect(a[i] > a[i - 1]).toBe(true);
    expect(a[a.length - 1]).toBeLessThan(500_000);
    // Spread over the whole range, not the first rows.
    expect(a[100_000]).toBeGreaterThan(200_000);
    expect(a[100_000]).toBeLessThan(300_000);
  });
});
