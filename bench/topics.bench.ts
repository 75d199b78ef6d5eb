/**
 * text.topics on about 100k real short texts (every tweet, comment, review, question and answer
 * of the EN and VI sets in ../shared/data, in file order), k = 10, against scikit-learn
 * TfidfVectorizer + NMF (bench/py/topics_nmf.py) on the same texts with the same limits and stop
 * words. Needs ../shared/data; the reference needs python3-sklearn.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { STOP_WORDS } from '../src/core/text/stopwords';
import { SHARED_DATA } from '../tests/helpers/sentiment-sets';
import { best, OUT, ROOT, row, runCase, runPython, type BenchRow, type Outcome } from './lib';

const K = 10;
const SOURCES: [string, string, BufferEncoding?][] = [
  ['crowdflower_brands_product_emotions/judge-1377884607_tweet_product_company.csv', 'tweet_text', 'latin1'],
  ['complaints_tweets_acl2019/complaints-data.csv', 'text'],
  ['pfizer_vaccine_tweets/vaccination_tweets.csv', 'text'],
  ['amazon_qa_appliances/qa_Appliances.csv', 'question'],
  ['amazon_qa_appliances/qa_Appliances.csv', 'answer'],
  ['uit_vihsd/train.csv', 'free_text'],
  ['uit_vihsd/dev.csv', 'free_text'],
  ['uit_vihsd/test.csv', 'free_text'],
  ['uit_victsd/ViCTSD_train.csv', 'Comment'],
  ['uit_victsd/ViCTSD_valid.csv', 'Comment'],
  ['uit_victsd/ViCTSD_test.csv', 'Comment'],
  ['uit_visfd/Train.csv', 'comment'],
  ['uit_visfd/Dev.csv', 'comment'],
  ['uit_visfd/Test.csv', 'comment'],
];

function texts(): string[] {
  const out: string[] = [];
  for (const [file, column, encoding] of SOURCES) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(SHARED_DATA, file), encoding ?? 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    for (const r of rows) if (typeof r[column] === 'string' && r[column].trim()) out.push(r[column]);
  }
  for (const file of ['amazon_cells_labelled.txt', 'imdb_labelled.txt', 'yelp_labelled.txt'])
    for (const line of readFileSync(path.join(SHARED_DATA, 'uci_sentiment_labelled_sentences', file), 'utf8').split('\n'))
      if (line.trim()) out.push(line.replace(/\t[01]\s*$/, ''));
  return out;
}

const note = (o: Outcome) => {
  if (!o.ok) return '';
  const x = (o.m.extra ?? o.m) as Record<string, number>;
  if (x.fitMs === undefined) return '';
  return `tf-idf ${(x.vectorizeMs / 1000).toFixed(1)} s + NMF ${(x.fitMs / 1000).toFixed(1)} s (${x.rounds} rounds), ${x.texts} texts × ${x.terms} terms, error ${x.error.toFixed(2)}`;
};

export async function bench(): Promise<BenchRow[]> {
  if (!existsSync(path.join(SHARED_DATA, 'uit_vihsd'))) {
    return [{ task: 'topics', impl: '—', rows: 0, ms: null, peakMB: null, ratio: null, note: `skipped: ${SHARED_DATA} is missing` }];
  }
  mkdirSync(OUT, { recursive: true });
  const list = texts();
  const file = path.join(OUT, 'topics-texts.json');
  const stop = path.join(OUT, 'topics-stop-words.json');
  writeFileSync(file, JSON.stringify(list));
  writeFileSync(stop, JSON.stringify([...STOP_WORDS]));
  const task = `topics, ${list.length.toLocaleString('en-US')} real short EN + VI texts, k = ${K}`;
  const script = [
    'import sys',
    `sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'bench', 'py'))})`,
    'from topics_nmf import run',
    `_RESULT = run(${JSON.stringify(file)}, ${K}, ${JSON.stringify(stop)})`,
  ].join('\n');
  // Interleaved, best of 3 a side (noise on a shared machine only adds time).
  const refs: Outcome[] = [],
    cores: Outcome[] = [],
    nodes: Outcome[] = [];
  for (let r = 0; r < 3; r++) {
    const ref = runPython(script);
    if (ref.ok) ref.m.extra = { ...(ref.m as unknown as Record<string, unknown>) };
    refs.push(ref);
    cores.push(runCase('bench/cases/topics.ts', ['core', file, String(K)]));
    nodes.push(runCase('bench/cases/topics.ts', ['node', file, String(K)]));
    const ms = (o: Outcome) => (o.ok ? `${o.m.ms.toFixed(0)} ms` : o.reason);
    console.error(`  run ${r + 1}: scikit-learn ${ms(ref)}, core ${ms(cores[r])}, node ${ms(nodes[r])}`);
  }
  const fastest = (xs: Outcome[]) => best(1, () => xs.reduce((a, b) => (!a.ok ? a : !b.ok ? b : b.m.ms < a.m.ms ? b : a)));
  const ref = fastest(refs),
    core = fastest(cores),
    whole = fastest(nodes);
  return [
    row(
      task,
      'scikit-learn TfidfVectorizer + NMF (cd, nndsvda) (ref)',
      list.length,
      ref,
      undefined,
      ref.ok ? note(ref) : `reference not run: ${ref.ok ? '' : ref.reason}`,
    ),
    row(task, 'src/core/text/topics + src/core/ml/nmf', list.length, core, ref, note(core)),
    row(task, 'text.topics node (Arrow in and out, labels, coherence)', list.length, whole, ref),
  ];
}
