/**
 * Labels mode of text.sentiment on real labelled sets (read from ../shared/data), through the
 * node's public surface: the rows of a split carry their label in a column, the other rows are
 * left blank and scored against their true label.
 *  - CrowdFlower brand tweets, 3-class: taught with a seeded stratified 20% of rows, macro-F1 on the rest.
 *  - UIT-ViSFD, 3-class: taught with Train, weighted-F1 on Test.
 * The scikit-learn reference (bench/py/sentiment_lr.py, LogisticRegression class_weight="balanced"
 * on TF-IDF word 1–2 + char_wb 2–5-grams) reached macro-F1 0.533 (its own seeded 20%) and
 * weighted-F1 0.796 (Train → Test); the node measured 0.559 and 0.805, naive Bayes 0.495 on the
 * CrowdFlower split. The floors sit a few points under what the node measured. Slow: minutes each.
 */
import type { Table, Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/text.sentiment';
import { stringVector, tableOf } from '../../../src/core/table/table';
import { evaluate, learnFromLabels } from '../../../src/core/text/classifier';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';
import { crowdflower, stratifiedSplit, uitVisfd } from '../../helpers/sentiment-sets';

const data = sharedData(
  'crowdflower_brands_product_emotions/judge-1377884607_tweet_product_company.csv',
  'uit_visfd/Train.csv',
  'uit_visfd/Test.csv',
);

/** F1 of every class weighted by its support (scikit-learn's average="weighted"). */
export function weightedF1(truth: string[], predicted: string[]): number {
  const e = evaluate(truth, predicted);
  let s = 0;
  for (const m of Object.values(e.perClass)) s += m.f1 * m.support;
  return s / truth.length;
}

async function labelsMode(
  texts: string[],
  known: (string | null)[],
  language: string,
): Promise<{ labels: string[]; warnings: string[]; progress: number[]; ms: number }> {
  const columns: Record<string, Vector> = { text: stringVector(texts), known: stringVector(known) };
  const t0 = performance.now();
  const { outputs, warnings, progress } = await runNode(node, { in: tableOf(columns) }, { language, labels: 'known' });
  return {
    labels: (outputs.out as Table).getChild('sentiment_label')!.toArray() as string[],
    warnings,
    progress: progress.map((p) => p.fraction),
    ms: performance.now() - t0,
  };
}

const rows: string[] = [];

describe.skipIf(!data.available)('text.sentiment labels mode on real sets', () => {
  it('CrowdFlower tweets, 3-class, taught with a seeded stratified 20%', async () => {
    const set = crowdflower();
    const { part, rest } = stratifiedSplit(set.labels, 5, 42);
    const known: (string | null)[] = set.labels.map(() => null);
    for (const i of part) known[i] = set.labels[i];
    const run = await labelsMode(set.texts, known, 'en');
    const truth = rest.map((i) => set.labels[i]),
      predicted = rest.map((i) => run.labels[i]);
    const e = evaluate(truth, predicted);
    // Naive Bayes (the previous model) on the same rows, for comparison.
    const nb = learnFromLabels(set.texts, known, 42);
    const nbE = evaluate(
      truth,
      rest.map((i) => nb.predicted[i]),
    );
    rows.push(
      `| CrowdFlower brand tweets (3-class) | 20% stratified (seed 42) → other 80% (${rest.length}) | linear (node) | ${(e.accuracy * 100).toFixed(1)}% | macro ${e.macroF1.toFixed(3)} | ${(run.ms / 1000).toFixed(1)} s |`,
      `| CrowdFlower brand tweets (3-class) | same | naive Bayes (before) | ${(nbE.accuracy * 100).toFixed(1)}% | macro ${nbE.macroF1.toFixed(3)} | |`,
    );
    expect(run.warnings[0]).toMatch(/^Learned from 1,788 labelled rows; cross-validated accuracy \d+%\.$/);
    for (let k = 1; k < run.progress.length; k++) expect(run.progress[k]).toBeGreaterThanOrEqual(run.progress[k - 1]);
    expect(run.progress.length).toBeGreaterThan(5);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.53);
    expect(e.macroF1).toBeGreaterThan(nbE.macroF1);
  }, 1_200_000);

  it('UIT-ViSFD, 3-class, taught with Train, scored on Test', async () => {
    const train = uitVisfd('Train'),
      test = uitVisfd('Test');
    const texts = [...train.texts, ...test.texts];
    const known = [...train.labels, ...test.labels.map(() => null)];
    const run = await labelsMode(texts, known, 'vi');
    const predicted = run.labels.slice(train.texts.length);
    const e = evaluate(test.labels, predicted),
      w = weightedF1(test.labels, predicted);
    rows.push(
      `| UIT-ViSFD (3-class) | Train → Test (${test.labels.length}) | linear (node) | ${(e.accuracy * 100).toFixed(1)}% | weighted ${w.toFixed(3)}, macro ${e.macroF1.toFixed(3)} | ${(run.ms / 1000).toFixed(1)} s |`,
    );
    expect(w).toBeGreaterThanOrEqual(0.78);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.64);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.77);
  }, 1_800_000);

  it('prints the table', () => {
    console.log(['| data set | split | method | accuracy | F1 | time (whole node run) |', '|---|---|---|---|---|---|', ...rows].join('\n'));
    expect(rows.length).toBeGreaterThan(0);
  });
});
