import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossValidate, evaluate, learnFromLabels } from '../../../../src/core/text/classifier';
import { sharedData } from '../../../helpers/shared-data';

const data = sharedData('uci_sentiment_labelled_sentences/amazon_cells_labelled.txt');

function uci(name: string): { texts: string[]; labels: string[] } {
  const lines = readFileSync(data.path('uci_sentiment_labelled_sentences', name), 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'));
  return {
    texts: lines.map((l) => l.slice(0, l.lastIndexOf('\t'))),
    labels: lines.map((l) => l.slice(l.lastIndexOf('\t') + 1).trim()),
  };
}

describe.skipIf(!data.available)('classifier', () => {
  it('reaches ≥ 0.78 in 5-fold cross-validation on UCI Amazon (measured 0.83), deterministically', () => {
    const { texts, labels } = uci('amazon_cells_labelled.txt');
    const e = crossValidate(texts, labels, 5, 42);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.78);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.78);
    expect(crossValidate(texts, labels, 5, 42).accuracy).toBe(e.accuracy);
  });

  it('learnFromLabels keeps given labels, predicts the rest and cross-validates', () => {
    const { texts, labels } = uci('yelp_labelled.txt');
    const known = labels.map((l, i) => (i % 4 === 0 ? null : l));
    const r = learnFromLabels(texts, known, 1);
    expect(r.trained).toBe(750);
    expect(r.predicted.length).toBe(1000);
    for (let i = 0; i < 1000; i++) if (known[i]) expect(r.predicted[i]).toBe(known[i]);
    const held = labels.filter((_, i) => i % 4 === 0);
    const got = r.predicted.filter((_, i) => i % 4 === 0);
    expect(evaluate(held, got).accuracy).toBeGreaterThan(0.72);
    expect(r.accuracy).toBeGreaterThan(0.72);
    expect(r.classes).toEqual(['0', '1']);
    expect(r.probabilities[1] + r.probabilities[0]).toBeCloseTo(1, 10);
  });
});
