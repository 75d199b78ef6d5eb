import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import predict from '../../../nodes/model.predict';
import train from '../../../nodes/model.train';
import type { Model } from '../../../src/core/contract/node';
import { floatVector, tableOf, toFloat64, toValues } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { shoppers } from '../../helpers/shoppers';

async function trained(n = 400) {
  const table = shoppers(n, 9);
  const { outputs } = await runNode(train, { in: table }, { target: 'bought' });
  return { table, model: outputs.model as Model, out: outputs.out as Table };
}

describe('model.predict', () => {
  it("train → predict on the training rows gives the final model's scores, and labels at the model's cut", async () => {
    const { table, model } = await trained();
    const { outputs } = await runNode(predict, { model, in: table });
    const out = outputs.out as Table;
    const score = toFloat64(out.getChild('score')!);
    // The model's own formula, written out here: standardise, weigh, squash.
    const features = model.features as string[],
      means = model.means as number[],
      scales = model.scales as number[],
      coef = model.coef as number[];
    const cols = features.map((f) => toFloat64(table.getChild(f)!));
    for (let i = 0; i < table.numRows; i += 37) {
      let t = model.intercept as number;
      features.forEach((_, j) => {
        t += ((cols[j][i] - means[j]) / scales[j]) * coef[j];
      });
      expect(score[i]).toBeCloseTo(1 / (1 + Math.exp(-t)), 12);
    }
    const labels = toValues(out.getChild('prediction')!);
    labels.forEach((l, i) => expect(l).toBe(score[i] >= (model.threshold as number)));
    // The predictions find the buyers: most predicted buyers did buy.
    const bought = toValues(table.getChild('bought')!);
    const hits = labels.filter((l, i) => l && bought[i]).length,
      called = labels.filter(Boolean).length;
    expect(hits / called).toBeGreaterThan(0.7);
  });

  it("the out-of-fold scores of training are close to, but not the same as, the final model's", async () => {
    const { table, model, out } = await trained();
    const oof = toFloat64(out.getChild('score')!);
    const full = toFloat64(((await runNode(predict, { model, in: table })).outputs.out as Table).getChild('score')!);
    let maxDiff = 0,
      same = 0;
    for (let i = 0; i < oof.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(oof[i] - full[i]));
      if (oof[i] === full[i]) same++;
    }
    expect(maxDiff).toBeLessThan(0.2);
    expect(same).toBeLessThan(oof.length / 10);
  });

  it('topPercent predicts yes for exactly that share of rows, the highest scores', async () => {
    const { table, model } = await trained();
    const out = (await runNode(predict, { model, in: table }, { topPercent: 10 })).outputs.out as Table;
    const labels = toValues(out.getChild('prediction')!),
      score = toFloat64(out.getChild('score')!);
    expect(labels.filter(Boolean).length).toBe(40);
    const lowestYes = Math.min(...score.filter((_, i) => labels[i]));
    const highestNo = Math.max(...score.filter((_, i) => !labels[i]));
    expect(lowestYes).toBeGreaterThan(highestNo);
  });

  it('names the missing columns, and refuses a model of another format or version', async () => {
    const { model } = await trained(200);
    const partial = tableOf({ signal: floatVector(Float64Array.of(1, 2, 3)) });
    await expect(runNode(predict, { model, in: partial })).rejects.toThrow(/lacks 1 of the columns the model learned from: "noise"/);
    await expect(runNode(predict, { model: { ...model, format: 'other/trees' }, in: partial })).rejects.toThrow(/kind "other\/trees"/);
    await expect(runNode(predict, { model: { ...model, version: 2 }, in: partial })).rejects.toThrow(/version 2.*only version 1/);
    await expect(runNode(predict, { model: { ...model, coef: [1] }, in: partial })).rejects.toThrow(/damaged/);
    await expect(runNode(predict, { in: partial })).rejects.toThrow(/Nothing is connected to the input "model"/);
  });

  it('a missing value counts as the training average', async () => {
    const { model } = await trained(200);
    const means = model.means as number[];
    const rows = tableOf({ signal: floatVector(Float64Array.of(NaN, means[0])), noise: floatVector(Float64Array.of(means[1], NaN)) });
    const { outputs, warnings } = await runNode(predict, { model, in: rows });
    const score = toFloat64((outputs.out as Table).getChild('score')!);
    expect(score[0]).toBeCloseTo(score[1], 12);
    expect(score[0]).toBeCloseTo(1 / (1 + Math.exp(-(model.intercept as number))), 12);
    expect(warnings.some((w) => /2 values are missing/.test(w))).toBe(true);
  });
});
