/**
 * One labels-mode run in its own process. argv: impl (`linear` | `nb`), set (`uit_visfd` | `complaints`),
 * split file (JSON {train, test} row numbers; complaints only — UIT-ViSFD uses Train → Test).
 * Times training (hashing included) plus predicting the test rows; prints accuracy, macro-F1 and
 * the training time alone.
 */
import { readFileSync } from 'node:fs';
import { caseMain } from '../lib';
import { complaints, uitVisfd } from '../../tests/helpers/sentiment-sets';
import { evaluate, predict, trainClassifier } from '../../src/core/text/classifier';
import { predictPrepared, prepare, trainPrepared } from '../../src/core/text/linear';
import { scoreEnglish } from '../../src/core/text/sentiment-en';
import { scoreVietnamese } from '../../src/core/text/sentiment-vi';

const impl = process.argv[2] ?? 'linear';
const set = process.argv[3] ?? 'uit_visfd';
let texts: string[], labels: string[], train: number[], test: number[];
if (set === 'uit_visfd') {
  const a = uitVisfd('Train'),
    b = uitVisfd('Test');
  texts = [...a.texts, ...b.texts];
  labels = [...a.labels, ...b.labels];
  train = a.texts.map((_, i) => i);
  test = b.texts.map((_, i) => a.texts.length + i);
} else {
  ({ texts, labels } = complaints());
  ({ train, test } = JSON.parse(readFileSync(process.argv[4], 'utf8')) as { train: number[]; test: number[] });
}
const lexicon = set === 'uit_visfd' ? scoreVietnamese : scoreEnglish;
const extra = (t: string): number[] => {
  const s = t.trim() ? lexicon(t) : 0;
  return [Math.max(s, 0), Math.max(-s, 0)];
};

await caseMain(async () => {
  const t0 = performance.now();
  const truth = test.map((i) => labels[i]);
  let predicted: string[], trainMs: number;
  if (impl === 'nb') {
    const model = trainClassifier(
      train.map((i) => texts[i]),
      train.map((i) => labels[i]),
    );
    trainMs = performance.now() - t0;
    predicted = test.map((i) => predict(model, texts[i]).label);
  } else {
    // Only the rows the model sees are hashed before training; the test rows after.
    const trainPrep = prepare(
      train.map((i) => texts[i]),
      { extra },
    );
    const model = await trainPrepared(
      trainPrep,
      train.map((_, k) => k),
      train.map((i) => labels[i]),
      { extra },
    );
    trainMs = performance.now() - t0;
    const testPrep = prepare(
      test.map((i) => texts[i]),
      { extra },
    );
    const K = model.labels.length;
    const p = predictPrepared(
      model,
      testPrep,
      test.map((_, k) => k),
      new Float64Array(test.length * K),
    );
    predicted = test.map((_, j) => {
      let b = 0;
      for (let c = 1; c < K; c++) if (p[j * K + c] > p[j * K + b]) b = c;
      return model.labels[b];
    });
  }
  const e = evaluate(truth, predicted);
  return { accuracy: e.accuracy, macroF1: e.macroF1, trainMs, train: train.length, test: test.length };
});
