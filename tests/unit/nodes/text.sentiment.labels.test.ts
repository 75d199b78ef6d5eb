/** Labels mode of text.sentiment (the linear model): learns, is deterministic, reports progress, stops on cancel. */
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/text.sentiment';
import { CancelledError } from '../../../src/core/contract/errors';
import { stringVector, tableOf } from '../../../src/core/table/table';
import { learnFromLabelsLinear, predictLinear, trainLinear } from '../../../src/core/text/linear';
import { runNode } from '../../helpers/run-node';

const GOOD = [
  'great phone, fast delivery',
  'love the screen',
  'battery lasts all day, very happy',
  'works perfectly',
  'excellent camera',
  'shop was kind and quick',
];
const BAD = [
  'broke after two days',
  'screen cracked, awful',
  'battery dies by noon, refund please',
  'stopped working',
  'terrible camera',
  'shop never answered',
];
const MEH = [
  'it arrived on tuesday',
  'the box is blue',
  'ordered the 64gb model',
  'it has two cameras',
  'delivered to my office',
  'bought it last week',
];

function dataset(copies: number) {
  const texts: string[] = [],
    labels: (string | null)[] = [];
  for (let k = 0; k < copies; k++) {
    GOOD.forEach((t) => {
      texts.push(`${t} ${k}`);
      labels.push('positive');
    });
    BAD.forEach((t) => {
      texts.push(`${t} ${k}`);
      labels.push('negative');
    });
    MEH.forEach((t) => {
      texts.push(`${t} ${k}`);
      labels.push('neutral');
    });
  }
  return { texts, labels };
}

describe('text.sentiment labels mode (linear model)', () => {
  it('labels the unlabelled rows of a small set and is deterministic', async () => {
    const { texts, labels } = dataset(4);
    const known = labels.map((l, i) => (i % 3 === 0 ? null : l));
    const run = () =>
      runNode(node, { in: tableOf({ text: stringVector(texts), known: stringVector(known) }) }, { labels: 'known', language: 'en' });
    const a = await run(),
      b = await run();
    const la = (a.outputs.out as Table).getChild('sentiment_label')!.toArray() as string[];
    const lb = (b.outputs.out as Table).getChild('sentiment_label')!.toArray() as string[];
    expect(la).toEqual(lb);
    const held = known.map((k, i) => (k === null ? i : -1)).filter((i) => i >= 0);
    const right = held.filter((i) => la[i] === labels[i]).length;
    expect(right / held.length).toBeGreaterThanOrEqual(0.8);
    expect(a.warnings[0]).toMatch(/^Learned from 48 labelled rows; cross-validated accuracy \d+%\.$/);
    const fractions = a.progress.map((p) => p.fraction);
    expect(fractions.length).toBeGreaterThan(3);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops when the run is cancelled during training', async () => {
    const { texts, labels } = dataset(4);
    const controller = new AbortController();
    let calls = 0;
    const ctx = {
      onProgress: async () => {
        if (++calls === 3) controller.abort();
        if (controller.signal.aborted) throw new CancelledError();
      },
    };
    await expect(learnFromLabelsLinear(texts, labels, 42, ctx)).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toBe(3);
  });

  it('both solvers learn a separable toy set', async () => {
    const { texts, labels } = dataset(6);
    for (const solver of ['lbfgs', 'adagrad'] as const) {
      const { model } = await trainLinear(texts, labels as string[], { solver });
      const p = predictLinear(model, ['love it, works perfectly', 'awful, it broke', 'it arrived tuesday']);
      const best = (r: number) => model.labels[[0, 1, 2].reduce((b, c) => (p[r * 3 + c] > p[r * 3 + b] ? c : b), 0)];
      expect([best(0), best(1), best(2)], solver).toEqual(['positive', 'negative', 'neutral']);
    }
  });

  it('says plainly when no row has a label', async () => {
    await expect(learnFromLabelsLinear(['a', 'b'], [null, ' '])).rejects.toThrow(/No row has a label/);
  });
});
