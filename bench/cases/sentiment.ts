/**
 * One sentiment run in its own process. argv: impl (`lexicon` | `node` | `wink-full` | `wink-light` | `vader`),
 * language (`en` | `vi` | `mixed`), rows. Texts are short seeded sample comments (src/core/sample), made
 * before timing; models are loaded before timing too. Prints texts/s and agreement with the
 * sentiment the generator intended (positive vs not, on its positive and negative texts).
 */
import { createRequire } from 'node:module';
import { caseMain } from '../lib';
import { createRandom, seedFrom } from '../../src/core/contract/random';
import { compileBank, composeText, type Lang } from '../../src/core/sample/compose';
import { BANK_SENTIMENT, BANKS } from '../../src/core/sample/personas';
import { COMMENTS } from '../../src/core/sample/vocab';
import { scoreEnglish } from '../../src/core/text/sentiment-en';
import { scoreVietnamese } from '../../src/core/text/sentiment-vi';
import { stringVector, tableOf } from '../../src/core/table/table';
import type { RunContext } from '../../src/core/contract/node';
import type { Table } from 'apache-arrow';
import node from '../../nodes/text.sentiment';

const impl = process.argv[2] ?? 'lexicon';
const language = process.argv[3] ?? 'en';
const rows = Number(process.argv[4] ?? 100_000);

export function sampleTexts(n: number, lang: string, seed = 7): { texts: string[]; intended: string[] } {
  const rng = createRandom(seedFrom('sentiment-bench', seed));
  const banks = BANKS.map((b) => compileBank(COMMENTS[b]));
  const texts: string[] = [],
    intended: string[] = [];
  for (let i = 0; i < n; i++) {
    const b = Math.floor(rng() * BANKS.length);
    const l: Lang = lang === 'en' ? 1 : lang === 'vi' ? 0 : rng() < 0.5 ? 0 : 1;
    const style = Math.floor(rng() * 32);
    texts.push(composeText(rng, banks[b], l, BANK_SENTIMENT[b], style, Math.floor(rng() * 8)));
    intended.push(BANK_SENTIMENT[b]);
  }
  return { texts, intended };
}

const { texts, intended } = sampleTexts(rows, language);

function agreement(scores: ArrayLike<number>, threshold = 0.05): number {
  let ok = 0,
    total = 0;
  for (let i = 0; i < rows; i++) {
    if (intended[i] === 'neu') continue;
    total++;
    if (scores[i] > threshold === (intended[i] === 'pos')) ok++;
  }
  return total ? ok / total : NaN;
}

const require = createRequire(import.meta.url);
let scorer: (text: string) => number;
if (impl === 'lexicon') scorer = language === 'vi' ? scoreVietnamese : scoreEnglish;
else if (impl === 'wink-full' || impl === 'wink-light') {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = impl === 'wink-full' ? winkNLP(model) : winkNLP(model, ['negation', 'sentiment']);
  const its = nlp.its;
  scorer = (t) => Number(nlp.readDoc(t).out(its.sentiment));
} else if (impl === 'vader') {
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  scorer = (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
} else scorer = () => 0;

if (impl === 'node') {
  const table = tableOf({ text: stringVector(texts) });
  const ctx: RunContext = {
    signal: new AbortController().signal,
    random: createRandom(1),
    readFile: async () => new Uint8Array(),
    warn: () => {},
    progress: async () => {},
  };
  await caseMain(async () => {
    const out = (await node.run({ in: table }, node.params.parse({ language: 'auto' }), ctx)).out as Table;
    return { rows, agreement: agreement(out.getChild('sentiment_score')!.toArray() as Float64Array) };
  });
} else {
  await caseMain(() => {
    const scores = new Float64Array(rows);
    for (let i = 0; i < rows; i++) scores[i] = scorer(texts[i]);
    return { rows, agreement: agreement(scores) };
  });
}
