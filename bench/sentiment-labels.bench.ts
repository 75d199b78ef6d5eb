/**
 * text.sentiment's labels mode against scikit-learn (LogisticRegression class_weight="balanced" on
 * TF-IDF word 1–2 + char_wb 2–5-grams, bench/py/sentiment_lr.py) on the same rows: UIT-ViSFD
 * Train → Test (3-class) and the ACL 2019 complaint tweets (complaint 1/0) taught with a seeded
 * stratified 20%, scored on the other 80%. Needs ../shared/data; the reference needs python3-sklearn.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, ROOT, row, runCase, runPython, type BenchRow, type Outcome } from './lib';
import { complaints, hasSentimentSets, SHARED_DATA, stratifiedSplit } from '../tests/helpers/sentiment-sets';

const quality = (o: Outcome) => {
  if (!o.ok) return '';
  const x = o.m.extra ?? (o.m as unknown as Record<string, number>);
  const n = (k: string) => Number((x as Record<string, unknown>)[k]);
  return `accuracy ${(100 * n('accuracy')).toFixed(1)}%, macro-F1 ${n('macroF1').toFixed(3)}, train ${(n('trainMs') / 1000).toFixed(1)} s`;
};

function sklearn(set: string, split?: string): Outcome {
  const script = [
    'import sys',
    `sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'bench', 'py'))})`,
    'from sentiment_lr import run',
    `_RESULT = run(${JSON.stringify(set)}, ${split ? JSON.stringify(split) : 'None'})`,
  ].join('\n');
  const o = runPython(script, [], { SHARED_DATA });
  // The Python side prints its figures at the top level; move them under `extra` as the TS cases do.
  if (o.ok) o.m.extra = { ...(o.m as unknown as Record<string, unknown>) };
  return o;
}

export async function bench(): Promise<BenchRow[]> {
  if (!hasSentimentSets()) {
    return [
      {
        task: 'sentiment labels mode',
        impl: '—',
        rows: 0,
        ms: null,
        peakMB: null,
        ratio: null,
        note: `skipped: ${SHARED_DATA} is missing`,
      },
    ];
  }
  mkdirSync(OUT, { recursive: true });
  const c = complaints();
  const { part, rest } = stratifiedSplit(c.labels, 5, 42);
  const splitFile = path.join(OUT, 'complaints-split.json');
  writeFileSync(splitFile, JSON.stringify({ train: part, test: rest }));
  const out: BenchRow[] = [];
  for (const [set, task, rows, split] of [
    ['uit_visfd', 'sentiment labels: UIT-ViSFD Train → Test, 3-class', 7786, undefined],
    ['complaints', 'sentiment labels: complaint tweets, 20% → 80%, 1/0', part.length, splitFile],
  ] as const) {
    const ref = sklearn(set, split);
    const args = split ? [set, split] : [set];
    const linear = runCase('bench/cases/sentiment-labels.ts', ['linear', ...args]);
    const nb = runCase('bench/cases/sentiment-labels.ts', ['nb', ...args]);
    out.push(
      row(task, 'scikit-learn LogisticRegression, TF-IDF (ref)', rows, ref, undefined, ref.ok ? quality(ref) : undefined),
      row(task, 'text.sentiment labels (linear + lexicon)', rows, linear, ref, quality(linear)),
      row(task, 'naive Bayes (classifier.ts)', rows, nb, ref, quality(nb)),
    );
    if (!ref.ok) out[out.length - 3].note = `reference not run: ${ref.reason}`;
  }
  return out;
}
