/**
 * Segments of real tables, built as a new user would: Load → Fill missing → Scale → K-means (auto)
 * → Segment profiles → Persona cards, every "columns" param left empty. No id column is used, the
 * notes name the left-out ones, persona names hold no id and no "=", the auto-k edge note appears
 * when it applies, and the spread warning never appears after Scale. The personas are printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../../nodes/index';
import type { PortValue } from '../../../src/core/contract/node';
import type { PersonaCard } from '../../../src/core/ml/persona';
import { numericColumns } from '../../../src/core/table/table';
import { runNode, type NodeRunResult } from '../../helpers/run-node';
import { SHARED_DATA, sharedData } from '../../helpers/shared-data';

// The data sets beside the project; without them the file is skipped with one line.
const DATA = SHARED_DATA;
const FILES = {
  marketing: 'marketing_campaign_customer_personality/marketing_campaign.csv',
  live: 'fb_live_sellers_thailand/Live.csv',
  instagram: 'instagram_post_metrics/Instagram data.csv',
};
const data = sharedData(...Object.values(FILES));
const available = data.available;

const node = (type: string) => getNode(type)!;
/** Named like an identifier, judged independently of the code under test. */
const ID_NAMED = /^id$|_id$|[a-z]Id$|ID$/;

type Chain = Record<'ingest' | 'missing' | 'scale' | 'kmeans' | 'profile' | 'personas', NodeRunResult>;

async function chain(file: string, encode: string[] = []): Promise<Chain> {
  const name = path.basename(file);
  const ingest = await runNode(node('ingest.file'), {}, { path: name }, { files: { [name]: readFileSync(path.join(DATA, file)) } });
  let table = ingest.outputs.out as PortValue;
  if (encode.length) table = (await runNode(node('feature.encode'), { in: table }, { columns: encode })).outputs.out;
  const missing = await runNode(node('clean.missing'), { in: table }, { strategy: 'fill' });
  const scale = await runNode(node('feature.scale'), { in: missing.outputs.out }, {});
  const kmeans = await runNode(node('cluster.kmeans'), { in: scale.outputs.out }, { k: 'auto' });
  const profile = await runNode(node('cluster.profile'), { in: kmeans.outputs.out }, {});
  const personas = await runNode(node('view.personas'), { in: profile.outputs.out }, {});
  return { ingest, missing, scale, kmeans, profile, personas };
}

const cardsOf = (c: Chain) => (c.personas.outputs.chart as unknown as { cards: PersonaCard[] }).cards;

function print(title: string, c: Chain): void {
  const lines = cardsOf(c).map(
    (card) =>
      `  [${card.segment}] ${card.size} rows (${(card.share * 100).toFixed(1)}%) — ${card.name.en}: ${card.sentence.en}\n      ${card.name.vi}: ${card.sentence.vi}`,
  );
  console.log(`${title}\n${lines.join('\n')}`);
}

/** The properties every real table's run must have. */
function check(c: Chain): void {
  const input = c.missing.outputs.out as Table;
  const ids = numericColumns(input).filter((n) => ID_NAMED.test(n));
  const segments = c.kmeans.outputs.segments as Table;
  const used = segments.schema.fields.map((f) => f.name).slice(4);
  const profiled = (c.profile.outputs.out as Table).schema.fields
    .map((f) => f.name)
    .filter((f) => f.startsWith('mean_'))
    .map((f) => f.slice(5));
  for (const id of ids) {
    expect(used).not.toContain(id);
    expect(profiled).not.toContain(id);
    for (const step of [c.scale, c.kmeans, c.profile]) {
      const note = step.notes.find((m) => m.en.startsWith('Left out of the default columns'));
      expect(note?.en).toContain(`"${id}"`);
      expect(note?.vi).toContain(`"${id}"`);
    }
  }
  for (const f of used) expect(f).not.toMatch(ID_NAMED);
  for (const card of cardsOf(c)) {
    for (const s of [card.name.en, card.name.vi]) {
      expect(s).not.toMatch(/=/);
      expect(s).not.toMatch(/\bID\b|_id\b|[a-z]Id\b/);
      // No raw snake_case or camelCase column name in a name: readable words only.
      for (const col of numericColumns(input)) if (/_|[a-z][A-Z]/.test(col)) expect(s).not.toContain(col);
    }
    expect(card.sentence.en).not.toMatch(/\d{6,}×/); // no lift against an average of ~0
  }
  // The auto-k edge note exactly when the chosen k is the first or the last number tried.
  const scores = c.kmeans.outputs.scores as unknown as { x: number[]; mark: number };
  const atEdge = scores.mark === scores.x[0] || scores.mark === scores.x[scores.x.length - 1];
  expect(c.kmeans.warnings.some((w) => /is the (smallest|largest) number (of segments )?tried/.test(w))).toBe(atEdge);
  for (const step of [c.kmeans, c.profile]) expect(step.warnings.join(' ')).not.toMatch(/varies the most|was not scaled/);
}

describe.skipIf(!available)('segments of real tables, as a new user builds them', () => {
  it('customer personality (CRM, ";"-separated): ID and the constant Z_ columns are left out', async () => {
    const c = await chain(FILES.marketing);
    print('marketing_campaign.csv', c);
    check(c);
    const note = c.kmeans.notes.find((m) => m.en.startsWith('Left out'))!;
    expect(note.en).toMatch(/"ID" \(its name says it is an identifier\)/);
    expect(note.en).toMatch(/"Z_CostContact" \(it is 3 in every row\).*"Z_Revenue" \(it is 11 in every row\)/);
    expect(c.scale.warnings.join(' ')).not.toMatch(/same value in every row/);
  });

  it('Thai live sellers: readable words for counts and, once encoded, for post types', async () => {
    const c = await chain(FILES.live);
    print('Live.csv', c);
    check(c);
    const encoded = await chain(FILES.live, ['status_type']);
    print('Live.csv with status_type one-hot encoded', encoded);
    check(encoded);
    for (const card of cardsOf(encoded))
      expect(`${card.name.en} ${card.sentence.en} ${card.name.vi} ${card.sentence.vi}`).not.toMatch(/status_type|num_/);
    // One-hot columns (scaled by then) are told as shares of posts.
    expect(cardsOf(encoded).some((card) => /\d+% (photo|video|status|link) posts \(vs \d+% overall\)/.test(card.sentence.en))).toBe(true);
    expect(
      cardsOf(encoded).some((card) => /\d+% là bài (ảnh|video|trạng thái|liên kết) \(so với \d+% chung\)/.test(card.sentence.vi)),
    ).toBe(true);
  });

  it('Instagram posts: distinct impressions are a measure, not an id', async () => {
    const c = await chain(FILES.instagram);
    print('Instagram data.csv', c);
    check(c);
    expect((c.kmeans.outputs.segments as Table).getChild('Impressions')).not.toBeNull();
  });
});
