/**
 * Loads hand-labelled REAL texts (customer-journey stages) from the shared data sets. The fixtures
 * store only a row id and a sha1 prefix of the text, never the text itself; this reads each needed
 * file once, picks the text column of its source, and checks the text is the one that was labelled.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Stage } from '../../src/core/journey/stages';

export interface RealLabel {
  id: string;
  h: string;
  stage: Stage;
  split: 'dev' | 'heldout';
  draw: 'random' | 'keyword';
}
export interface RealText {
  id: string;
  text: string;
  stage: Stage;
  split: RealLabel['split'];
  draw: RealLabel['draw'];
}

/** The shared data folder, seen from a worktree (tests run with the worktree as cwd). */
export const REAL_DATA: string = path.resolve(process.cwd(), '../shared/data');

/** The text column of each source folder, and the encoding of its files. */
const SOURCES: Record<string, { column: string; encoding: BufferEncoding }> = {
  complaints_tweets_acl2019: { column: 'text', encoding: 'utf8' },
  amazon_qa_appliances: { column: 'question', encoding: 'utf8' },
  crowdflower_brands_product_emotions: { column: 'tweet_text', encoding: 'latin1' },
  uit_visfd: { column: 'comment', encoding: 'utf8' },
  uit_vihsd: { column: 'free_text', encoding: 'utf8' },
  uit_victsd: { column: 'Comment', encoding: 'utf8' },
  // `sentence<TAB>0|1` lines without a header: read as rows of { text, label } (see readRows).
  uci_sentiment_labelled_sentences: { column: 'text', encoding: 'utf8' },
  pfizer_vaccine_tweets: { column: 'text', encoding: 'utf8' },
};

/** The text column of a file's source folder. */
export function sourceColumn(file: string): string {
  const source = SOURCES[file.split('/')[0]!];
  if (!source) throw new Error(`journey-real: unknown source folder in "${file}" (known: ${Object.keys(SOURCES).join(', ')})`);
  return source.column;
}

/** First 8 hex characters of the sha1 of a text (as the fixtures store it). */
export const textHash = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8);

/** The data rows of one file, parsed the way the ids were made (header, empty lines skipped). */
export function readRows(file: string): Record<string, string>[] {
  const folder = file.split('/')[0]!;
  const source = SOURCES[folder];
  if (!source) throw new Error(`journey-real: unknown source folder "${folder}" (known: ${Object.keys(SOURCES).join(', ')})`);
  const full = path.join(REAL_DATA, file);
  let raw: string;
  try {
    raw = readFileSync(full).toString(source.encoding);
  } catch (e) {
    throw new Error(
      `journey-real: cannot read ${full} (${(e as Error).message}); the shared data sets must sit in ../shared/data next to the worktree`,
    );
  }
  if (folder === 'uci_sentiment_labelled_sentences')
    // One sentence a line, its 0/1 label after the last TAB; row = index among the non-empty lines.
    return raw
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const tab = line.lastIndexOf('\t');
        return { text: line.slice(0, tab), label: line.slice(tab + 1).trim() };
      });
  return Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true }).data;
}

export function loadReal(labels: RealLabel[]): RealText[] {
  const files = new Map<string, Record<string, string>[]>();
  return labels.map((l) => {
    const m = /^(.+)#(\d+)$/.exec(l.id);
    if (!m) throw new Error(`journey-real: malformed id "${l.id}" (expected <folder>/<file>#<row>)`);
    const file = m[1]!;
    const row = Number(m[2]);
    let rows = files.get(file);
    if (!rows) files.set(file, (rows = readRows(file)));
    const column = SOURCES[file.split('/')[0]!]!.column;
    const text = rows[row]?.[column];
    if (typeof text !== 'string') throw new Error(`journey-real: ${l.id} has no "${column}" value (the file has ${rows.length} data rows)`);
    const h = textHash(text);
    if (h !== l.h)
      throw new Error(
        `journey-real: ${l.id} text hash is ${h}, the label expects ${l.h}: the data file changed, so this label no longer matches its text`,
      );
    return { id: l.id, text, stage: l.stage, split: l.split, draw: l.draw };
  });
}

/**
 * The seeded generator and shuffle every draw and split script uses (mulberry32): one copy, so a
 * set's draw stays reproducible from its seed alone.
 */
export function seededShuffle(seed: number): <T>(xs: T[]) => T[] {
  let a = seed;
  const rand = (): number => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(xs: T[]): T[] => {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}

/** The non-empty texts of each source file, with ids `file#row` (the ids the label fixtures hold). */
export function readSources<K extends string>(files: Record<K, string>): Record<K, { id: string; text: string }[]> {
  const rows = {} as Record<K, { id: string; text: string }[]>;
  for (const [k, file] of Object.entries(files) as [K, string][]) {
    const col = sourceColumn(file);
    rows[k] = readRows(file)
      .map((r, i) => ({ id: `${file}#${i}`, text: r[col] ?? '' }))
      .filter((r) => r.text.trim() !== '');
  }
  return rows;
}
