/**
 * Real labelled text sets from ../shared/data (read in place, never copied), shared by the
 * sentiment quality tests and `npm run bench`: CrowdFlower brand tweets (3-class), UIT-ViSFD
 * (Vietnamese, 3-class) and the ACL 2019 complaint tweets (1/0).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { stratifiedFolds } from '../../src/core/text/classifier';

export const SHARED_DATA = path.resolve(process.cwd(), '../shared/data');
export interface LabelledSet {
  texts: string[];
  labels: string[];
}

/** True when ../shared/data holds the sets these tests read. */
export const hasSentimentSets = (): boolean =>
  ['crowdflower_brands_product_emotions', 'uit_visfd', 'complaints_tweets_acl2019'].every((d) => existsSync(path.join(SHARED_DATA, d)));

function csv(file: string, encoding: BufferEncoding = 'utf8'): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(SHARED_DATA, file), encoding), { header: true, skipEmptyLines: true })
    .data;
}

const CROWDFLOWER: Record<string, string> = {
  'Positive emotion': 'positive',
  'Negative emotion': 'negative',
  'No emotion toward brand or product': 'neutral',
};

/** CrowdFlower brand tweets, 3-class ("I can't tell" dropped); the file is latin1, not UTF-8. */
export function crowdflower(): LabelledSet {
  const rows = csv('crowdflower_brands_product_emotions/judge-1377884607_tweet_product_company.csv', 'latin1').filter(
    (r) => r.tweet_text && CROWDFLOWER[r.is_there_an_emotion_directed_at_a_brand_or_product],
  );
  return {
    texts: rows.map((r) => r.tweet_text),
    labels: rows.map((r) => CROWDFLOWER[r.is_there_an_emotion_directed_at_a_brand_or_product]),
  };
}

/** UIT-ViSFD: the GENERAL aspect's polarity, else the stars (4–5 positive, 3 neutral, 1–2 negative). */
export function uitVisfd(split: 'Train' | 'Dev' | 'Test'): LabelledSet {
  const rows = csv(`uit_visfd/${split}.csv`).filter((r) => r.comment !== undefined);
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

/** ACL 2019 complaint tweets: label "1" (complaint) or "0". */
export function complaints(): LabelledSet {
  const rows = csv('complaints_tweets_acl2019/complaints-data.csv').filter((r) => r.text !== undefined);
  return { texts: rows.map((r) => r.text), labels: rows.map((r) => r.complaint) };
}

/**
 * A seeded stratified split: fold 0 of `folds` (every class dealt round-robin after a seeded
 * shuffle) is one part, the rest the other. folds 5 → a 20% / 80% split.
 */
export function stratifiedSplit(labels: string[], folds: number, seed: number): { part: number[]; rest: number[] } {
  const fold = stratifiedFolds(labels, folds, seed);
  const part: number[] = [],
    rest: number[] = [];
  for (let i = 0; i < labels.length; i++) (fold[i] === 0 ? part : rest).push(i);
  return { part, rest };
}
