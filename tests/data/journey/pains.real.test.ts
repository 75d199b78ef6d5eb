/**
 * Journey-map pain points on real complaints, through Stage → Sentiment → Journey map: every
 * listed term is over-represented in its stage's negative comments, is not a positive or neutral
 * word of the sentiment lexicon, and (Vietnamese) is never an unaccented spelling of words that
 * also occur with their accents in the same texts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromArrays, type Table } from 'apache-arrow';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../../nodes/index';
import { enLexicon } from '../../../src/core/text/sentiment-en';
import { valence } from '../../../src/core/text/sentiment-engine';
import { viLexicon } from '../../../src/core/text/sentiment-vi';
import { foldVi, normalizeText, tokenizeClauses } from '../../../src/core/text/tokenize';
import { runNode } from '../../helpers/run-node';
import { SHARED_DATA, sharedData } from '../../helpers/shared-data';

// The data sets beside the project; without them the file is skipped with one line.
const DATA = SHARED_DATA;
const VI = 'uit_visfd/Train.csv',
  EN = 'complaints_tweets_acl2019/complaints-data.csv';
const data = sharedData(VI, EN);
const available = data.available;

const read = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path.join(DATA, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const PLAIN = /^[\x00-\x7f]*$/;

/** Folded adjacent-token strings of a text (single tokens and pairs), never across punctuation. */
function grams(text: string): { folded: Set<string>; accented: Set<string> } {
  const toks = tokenizeClauses(normalizeText(text)).map((t) => (/\p{L}/u.test(t) ? t : '.'));
  const folded = new Set<string>(),
    accented = new Set<string>();
  for (let k = 0; k < toks.length; k++) {
    if (toks[k] === '.') continue;
    const one = [toks[k]],
      two = k + 1 < toks.length && toks[k + 1] !== '.' ? [toks[k], toks[k + 1]] : null;
    for (const g of two ? [one, two] : [one]) {
      const s = g.join(' ');
      folded.add(foldVi(s));
      if (!PLAIN.test(s)) accented.add(foldVi(s));
    }
  }
  return { folded, accented };
}

async function journey(texts: string[]) {
  const t = tableFromArrays({ text: texts });
  const staged = (await runNode(getNode('journey.stage')!, { in: t }, {})).outputs.out as Table;
  const scored = (await runNode(getNode('text.sentiment')!, { in: staged }, {})).outputs.out as Table;
  const map = (await runNode(getNode('journey.map')!, { in: scored }, {})).outputs.out as Table;
  return { scored, map };
}

function checkPains(texts: string[], scored: Table, map: Table, vi: boolean): number {
  const stage = scored.getChild('journey_stage')!.toArray() as string[];
  const score = Array.from({ length: scored.numRows }, (_, i) => Number(scored.getChild('sentiment_score')!.get(i)));
  const bags = texts.map(grams);
  const lex = vi ? viLexicon() : enLexicon();
  let listed = 0;
  for (let s = 0; s < map.numRows; s++) {
    const name = map.getChild('stage')!.get(s) as string;
    const terms = String(map.getChild('pain_points')!.get(s) ?? '')
      .split(', ')
      .filter(Boolean);
    const group = texts.map((_, i) => String(stage[i]) === name && score[i] < -0.05);
    const size = group.filter(Boolean).length;
    for (const term of terms) {
      listed++;
      const key = foldVi(term);
      const inGroup = bags.filter((b, i) => group[i] && b.folded.has(key)).length;
      const inAll = bags.filter((b) => b.folded.has(key)).length;
      // Over-represented: a larger share of the stage's negative comments than of all comments.
      expect(inGroup / size, `${name}: "${term}"`).toBeGreaterThan(inAll / texts.length);
      // Not positive, not marked neutral, by the node's own lexicon.
      expect(valence(term, lex), `${name}: "${term}"`).toBeLessThanOrEqual(0);
      const entry = lex.exact.get(term) ?? (PLAIN.test(term) ? lex.folded.get(term) : undefined);
      expect(entry === undefined || entry < 0, `${name}: "${term}" is a lexicon entry of valence ${entry}`).toBe(true);
      // No unaccented fragment whose accented form is in the same texts.
      if (vi && PLAIN.test(term))
        expect(
          bags.some((b) => b.accented.has(key)),
          `${name}: "${term}"`,
        ).toBe(false);
    }
  }
  return listed;
}

describe.skipIf(!available)('journey.map pain points on real complaints', () => {
  it('Vietnamese phone reviews (UIT-ViSFD train, negative overall)', async () => {
    const texts = read(VI)
      .filter((r) => /GENERAL#Negative/.test(r.label))
      .map((r) => r.comment);
    const { scored, map } = await journey(texts);
    const listed = checkPains(texts, scored, map, true);
    expect(listed).toBeGreaterThan(10);
    console.log(
      'VI pain points:',
      Array.from({ length: map.numRows }, (_, s) => `${map.getChild('stage')!.get(s)}: ${map.getChild('pain_points')!.get(s)}`).join(' | '),
    );
  });

  it('English tweets labelled complaints (ACL 2019)', async () => {
    const texts = read(EN)
      .filter((r) => r.complaint === '1')
      .map((r) => r.text);
    const { scored, map } = await journey(texts);
    const listed = checkPains(texts, scored, map, false);
    expect(listed).toBeGreaterThan(10);
    console.log(
      'EN pain points:',
      Array.from({ length: map.numRows }, (_, s) => `${map.getChild('stage')!.get(s)}: ${map.getChild('pain_points')!.get(s)}`).join(' | '),
    );
  });
});
