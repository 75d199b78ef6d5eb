/**
 * One topics run in its own process. argv: impl (`node` | `core`), texts file (JSON list), k.
 * `node`: the whole text.topics node on a one-column table (Arrow in and out). `core`: corpus +
 * TF-IDF + NMF alone. Prints the time of each step, the rounds and the error.
 */
import { readFileSync } from 'node:fs';
import { caseMain } from '../lib';
import { stringVector, tableOf } from '../../src/core/table/table';
import type { RunContext } from '../../src/core/contract/node';
import { nmf } from '../../src/core/ml/nmf';
import { pickRows, tfidfMatrix, topicCorpus } from '../../src/core/text/topics';
import node from '../../nodes/text.topics';

const impl = process.argv[2] ?? 'core';
const texts = JSON.parse(readFileSync(process.argv[3], 'utf8')) as string[];
const k = Number(process.argv[4] ?? 10);
const table = tableOf({ text: stringVector(texts) });

await caseMain(async () => {
  if (impl === 'node') {
    const ctx: RunContext = {
      signal: new AbortController().signal,
      random: Math.random,
      warn: () => {},
      info: () => {},
      readFile: () => Promise.reject(new Error('no files')),
      progress: async () => {},
    };
    await node.run(
      { in: table },
      { column: 'text', k, kMin: 2, kMax: 10, group: '', ngrams: 2, minCount: 2, maxShare: 0.5, maxTerms: 5000, seed: 42 },
      ctx,
    );
    return {};
  }
  const t0 = performance.now();
  const corpus = await topicCorpus(
    Int32Array.from(texts, (_, i) => i),
    texts,
    2,
    async () => {},
  );
  const X0 = tfidfMatrix(corpus, { minDf: 2, maxShare: 0.5, maxTerms: 5000 });
  const docs: number[] = [];
  for (let d = 0; d < X0.rowPtr.length - 1; d++) if (X0.rowPtr[d + 1] > X0.rowPtr[d]) docs.push(d);
  const X = pickRows(X0, docs);
  const t1 = performance.now();
  const fit = await nmf(X, { k, seed: 42 });
  const t2 = performance.now();
  return { vectorizeMs: t1 - t0, fitMs: t2 - t1, rounds: fit.rounds, error: fit.error, terms: X.cols, texts: docs.length };
});
