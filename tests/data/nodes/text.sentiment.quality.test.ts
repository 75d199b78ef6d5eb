/**
 * Quality of text.sentiment on public labelled sets (read from ../shared/data, never copied):
 * UCI Sentiment Labelled Sentences (Amazon, Yelp, IMDb; binary — neutral counts as negative) and
 * UIT-ViSFD (Vietnamese smartphone reviews; GENERAL aspect polarity, else stars 4–5 / 3 / 1–2).
 * Prints a table of accuracy and macro-F1 and fails under floors set a few points below measurement.
 * The shop-page comment sets (fixtures in the repository) are in tests/unit/nodes/text.sentiment.quality.test.ts.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Table, Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/text.sentiment';
import { stringVector, tableOf } from '../../../src/core/table/table';
import { evaluate } from '../../../src/core/text/classifier';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';

const UCI = ['amazon_cells', 'yelp', 'imdb'].map((n) => `uci_sentiment_labelled_sentences/${n}_labelled.txt`);
const data = sharedData(...UCI, 'uit_visfd/Train.csv', 'uit_visfd/Test.csv');

function uci(name: 'amazon' | 'yelp' | 'imdb'): { texts: string[]; labels: string[] } {
  const file = data.path('uci_sentiment_labelled_sentences', `${name === 'amazon' ? 'amazon_cells' : name}_labelled.txt`);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'));
  return {
    texts: lines.map((l) => l.slice(0, l.lastIndexOf('\t'))),
    labels: lines.map((l) => (l.slice(l.lastIndexOf('\t') + 1).trim() === '1' ? 'positive' : 'negative')),
  };
}

function uit(split: 'Train' | 'Dev' | 'Test'): { texts: string[]; labels: string[] } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(data.path('uit_visfd', `${split}.csv`), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const rows = parsed.data.filter((r) => r.comment !== undefined);
  return {
    texts: rows.map((r) => r.comment),
    labels: rows.map((r) => {
      const m = /\{GENERAL#(Positive|Negative|Neutral)\}/.exec(r.label ?? '');
      if (m) return m[1].toLowerCase();
      const stars = Number(r.n_star);
      return stars >= 4 ? 'positive' : stars <= 2 ? 'negative' : 'neutral';
    }),
  };
}

async function sentiment(
  texts: string[],
  params: Record<string, unknown>,
  known?: (string | null)[],
): Promise<{ labels: string[]; warnings: string[] }> {
  const columns: Record<string, Vector> = { text: stringVector(texts) };
  if (known) columns.known = stringVector(known);
  const { outputs, warnings } = await runNode(node, { in: tableOf(columns) }, known ? { ...params, labels: 'known' } : params);
  return { labels: (outputs.out as Table).getChild('sentiment_label')!.toArray() as string[], warnings };
}

const results: { set: string; method: string; n: number; accuracy: number; macroF1: number }[] = [];
function record(set: string, method: string, truth: string[], predicted: string[]) {
  const e = evaluate(truth, predicted);
  results.push({ set, method, n: truth.length, accuracy: e.accuracy, macroF1: e.macroF1 });
  return e;
}
/** Binary view: neutral (a tie) counts as negative, as the UCI task is positive vs not. */
const binary = (labels: string[]) => labels.map((l) => (l === 'positive' ? 'positive' : 'negative'));

describe.skipIf(!data.available)('text.sentiment quality', () => {
  // Floors: a few points under the figures measured when the lexicons were written (see README).
  const EN_FLOORS = { amazon: 0.83, yelp: 0.78, imdb: 0.74 };
  const WINK_FLOORS = { amazon: 0.85, yelp: 0.79, imdb: 0.79 };

  for (const set of ['amazon', 'yelp', 'imdb'] as const) {
    it(`English lexicon and wink-nlp on UCI ${set}`, async () => {
      const { texts, labels } = uci(set);
      const lex = record(`UCI ${set}`, 'lexicon (en)', labels, binary((await sentiment(texts, { language: 'en' })).labels));
      const wink = record(
        `UCI ${set}`,
        'wink-nlp (en)',
        labels,
        binary((await sentiment(texts, { language: 'en', englishEngine: 'wink' })).labels),
      );
      expect(lex.accuracy).toBeGreaterThanOrEqual(EN_FLOORS[set]);
      expect(wink.accuracy).toBeGreaterThanOrEqual(WINK_FLOORS[set]);
    });
  }

  it('Vietnamese lexicon on UIT-ViSFD Test (3-class and binary)', async () => {
    const { texts, labels } = uit('Test');
    const predicted = (await sentiment(texts, { language: 'vi' })).labels;
    const three = record('UIT-ViSFD Test', 'lexicon (vi), 3-class', labels, predicted);
    const keep = labels.map((l, i) => (l !== 'neutral' ? i : -1)).filter((i) => i >= 0);
    const bin = record(
      'UIT-ViSFD Test',
      'lexicon (vi), binary',
      keep.map((i) => labels[i]),
      binary(keep.map((i) => predicted[i])),
    );
    const auto = record('UIT-ViSFD Test', 'auto, 3-class', labels, (await sentiment(texts, { language: 'auto' })).labels);
    expect(three.accuracy).toBeGreaterThanOrEqual(0.72);
    expect(three.macroF1).toBeGreaterThanOrEqual(0.52);
    expect(bin.accuracy).toBeGreaterThanOrEqual(0.83);
    expect(bin.macroF1).toBeGreaterThanOrEqual(0.79);
    expect(auto.accuracy).toBeGreaterThanOrEqual(three.accuracy - 0.03);
  });

  it('labels mode: train on UIT Train, predict UIT Test', async () => {
    const train = uit('Train'),
      test = uit('Test');
    const texts = [...train.texts, ...test.texts];
    const known = [...train.labels, ...test.labels.map(() => null)];
    const { labels, warnings } = await sentiment(texts, { language: 'vi' }, known);
    const predicted = labels.slice(train.texts.length);
    const three = record('UIT-ViSFD Test', 'labels mode (Train), 3-class', test.labels, predicted);
    const keep = test.labels.map((l, i) => (l !== 'neutral' ? i : -1)).filter((i) => i >= 0);
    const bin = record(
      'UIT-ViSFD Test',
      'labels mode (Train), binary',
      keep.map((i) => test.labels[i]),
      binary(keep.map((i) => predicted[i])),
    );
    expect(warnings[0]).toMatch(/Learned from 7,786 labelled rows; cross-validated accuracy \d+%/);
    console.log(`UIT Train: ${warnings[0]}`);
    expect(three.accuracy).toBeGreaterThanOrEqual(0.77);
    expect(three.macroF1).toBeGreaterThanOrEqual(0.58);
    expect(bin.accuracy).toBeGreaterThanOrEqual(0.85);
  }, 600_000);

  it('labels mode: train on Yelp + IMDb, predict Amazon', async () => {
    const yelp = uci('yelp'),
      imdb = uci('imdb'),
      amazon = uci('amazon');
    const texts = [...yelp.texts, ...imdb.texts, ...amazon.texts];
    const known = [...yelp.labels, ...imdb.labels, ...amazon.labels.map(() => null)];
    const { labels } = await sentiment(texts, { language: 'en' }, known);
    const e = record('UCI amazon', 'labels mode (Yelp+IMDb)', amazon.labels, binary(labels.slice(2000)));
    expect(e.accuracy).toBeGreaterThanOrEqual(0.75);
  });

  it('prints the table', () => {
    console.log(
      [
        '| data set | method | rows | accuracy | macro-F1 |',
        '|---|---|---|---|---|',
        ...results.map((r) => `| ${r.set} | ${r.method} | ${r.n} | ${(r.accuracy * 100).toFixed(1)}% | ${r.macroF1.toFixed(3)} |`),
      ].join('\n'),
    );
    expect(results.length).toBeGreaterThan(0);
  });
});
