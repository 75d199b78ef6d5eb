/** model.load: a saved model round-trips to the same scores; foreign, damaged, hostile and newer files are refused plainly. */
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import load from '../../../nodes/model.load';
import predict from '../../../nodes/model.predict';
import train from '../../../nodes/model.train';
import type { Model } from '../../../src/core/contract/node';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { shoppers } from '../../helpers/shoppers';

const bytes = (text: string) => new TextEncoder().encode(text);
const loadFile = (content: Uint8Array, path = 'x.model.json') => runNode(load, {}, { path }, { files: { [path]: content } });

async function refused(content: Uint8Array | string) {
  const err = (await loadFile(typeof content === 'string' ? bytes(content) : content).then(
    () => null,
    (e: unknown) => e,
  )) as { message: string; vi: string } | null;
  expect(err).not.toBeNull();
  expect(err!.message).toMatch(/^The model file "x\.model\.json" is refused: /);
  expect(err!.vi).toMatch(/^Tệp mô hình "x\.model\.json" bị từ chối: /);
  return err!;
}

describe('model.load', () => {
  for (const method of ['logistic', 'trees'] as const) {
    it(`a saved ${method} model loads back and scores exactly like the trained one`, async () => {
      const table = shoppers(400);
      const model = (await runNode(train, { in: table }, { target: 'bought', method })).outputs.model as Model;
      expect((model.about as { metrics: { auc: { value: number } } }).metrics.auc.value).toBeGreaterThan(0.8);
      const { outputs, infos } = await loadFile(bytes(JSON.stringify(model)));
      expect(outputs.model).toEqual(model);
      expect(infos.join(' ')).toMatch(/predicts bought = true from 2 columns/);
      const a = (await runNode(predict, { model, in: table }, {})).outputs.out as Table;
      const b = (await runNode(predict, { model: outputs.model as Model, in: table }, {})).outputs.out as Table;
      expect(Array.from(toFloat64(b.getChild('score')!))).toEqual(Array.from(toFloat64(a.getChild('score')!)));
    });
  }

  it('refuses files that are not a model, saying what they are', async () => {
    expect((await refused(new Uint8Array([0xff, 0xfe, 0x00, 0x81]))).message).toMatch(/not a text file/);
    expect((await refused('{"kind": "model", "format": ')).message).toMatch(/not valid JSON/);
    expect((await refused('{"schema": "audience-flow/workflow@2", "nodes": []}')).message).toMatch(/not a model of Audience Flow/);
    expect((await refused('[1, 2, 3]')).message).toMatch(/not a model of Audience Flow/);
    expect((await refused('{"kind": "model", "format": "someone/else", "version": 1}')).message).toMatch(
      /cannot use a model of the kind "someone\/else"/,
    );
  });

  it('refuses a damaged, newer or hostile model file', async () => {
    const model = (await runNode(train, { in: shoppers(300) }, { target: 'bought' })).outputs.model as Model;
    const damaged = { ...model, coef: (model.coef as number[]).slice(1) };
    expect((await refused(JSON.stringify(damaged))).message).toMatch(/damaged/);
    const newer = { ...model, version: 9 };
    expect((await refused(JSON.stringify(newer))).message).toMatch(/version 9/);
    let deep = '0';
    for (let i = 0; i < 50; i++) deep = `[${deep}]`;
    expect((await refused(`{"kind": "model", "x": ${deep}}`)).message).toMatch(/nested more than 20 levels/);
    const big = new Uint8Array(21 * 1024 * 1024).fill(32);
    expect((await refused(big)).message).toMatch(/at most 20 MB/);
    // Prototype keys are dropped before the model is checked: the model still loads, without them.
    const proto = JSON.stringify(model).replace('{"kind"', '{"__proto__": {"polluted": 1}, "kind"');
    const { outputs } = await loadFile(bytes(proto));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((outputs.model as Model).features).toEqual(model.features);
  });

  it('asks for a file when none is chosen', async () => {
    await expect(runNode(load, {}, {})).rejects.toThrow(/Choose the model file/);
  });
});
