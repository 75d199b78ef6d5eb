/** text.sentiment throughput on 100k short seeded sample comments: our lexicons vs wink-nlp (full and light pipes) vs vader-sentiment. */
import { row, runCase, type BenchRow, type Outcome } from './lib';

const N = 100_000;
const note = (o: Outcome) =>
  o.ok
    ? `${Math.round(N / (o.m.ms / 1000)).toLocaleString('en-US')} texts/s; agrees with intended sentiment ${(100 * (o.m.extra?.agreement as number)).toFixed(1)}%`
    : '';

export async function bench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const en = `sentiment ${N.toLocaleString('en-US')} short EN texts`;
  const winkFull = runCase('bench/cases/sentiment.ts', ['wink-full', 'en', String(N)]);
  const winkLight = runCase('bench/cases/sentiment.ts', ['wink-light', 'en', String(N)]);
  const vader = runCase('bench/cases/sentiment.ts', ['vader', 'en', String(N)]);
  const lexEn = runCase('bench/cases/sentiment.ts', ['lexicon', 'en', String(N)]);
  out.push(
    row(en, 'wink-nlp nlp(model) full (ref)', N, winkFull, undefined, note(winkFull)),
    row(en, "wink-nlp ['negation','sentiment']", N, winkLight, winkFull, note(winkLight)),
    row(en, 'vader-sentiment', N, vader, winkFull, note(vader)),
    row(en, 'our EN lexicon (en default)', N, lexEn, winkFull, note(lexEn)),
  );
  const vi = `sentiment ${N.toLocaleString('en-US')} short VI texts`;
  const lexVi = runCase('bench/cases/sentiment.ts', ['lexicon', 'vi', String(N)]);
  const winkVi = runCase('bench/cases/sentiment.ts', ['wink-full', 'vi', String(N)]);
  out.push(
    row(vi, 'wink-nlp full (ref; not meant for VI)', N, winkVi, undefined, note(winkVi)),
    row(vi, 'our VI lexicon', N, lexVi, winkVi, note(lexVi)),
  );
  const mixed = `sentiment ${N.toLocaleString('en-US')} short mixed EN/VI texts`;
  const nodeAuto = runCase('bench/cases/sentiment.ts', ['node', 'mixed', String(N)]);
  out.push(row(mixed, 'text.sentiment node, language auto', N, nodeAuto, undefined, note(nodeAuto)));
  return out;
}
