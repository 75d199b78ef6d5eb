/**
 * Every text node stays proportional to the length of its text: a 1 MB cell — many short words,
 * one long "word", e-mail-like junk — goes through each in well under 2 s (a generous bound on a
 * shared machine; the quadratic versions took minutes).
 */
import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import anonymize, { maskPii } from '../../../nodes/clean.anonymize';
import cleanText from '../../../nodes/clean.text';
import keywords from '../../../nodes/feature.keywords';
import journeyMap from '../../../nodes/journey.map';
import journeyStage from '../../../nodes/journey.stage';
import sentiment from '../../../nodes/text.sentiment';
import viewChart from '../../../nodes/view.chart';
import viewTable from '../../../nodes/view.table';
import { STAGES } from '../../../src/core/journey/stages';
import type { NodeDef } from '../../../src/core/contract/node';
import { findEmails } from '../../../src/core/text/emails';
import { breakLongRuns, clip, TEXT_LIMIT, WINK_LIMIT } from '../../../src/core/text/limit';
import { runNode } from '../../helpers/run-node';

const MB = 1_000_000;
const fill = (unit: string, n = MB) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const CELLS: Record<string, string> = {
  'many short words': fill('tốt quá shop ơi, giao hàng nhanh! good product, love it 😍 @an #sale www.x.vn/a 0912 345 678 mail a.b@c.vn '),
  'one long word': fill('a'),
  'one long word then "@"': fill('a', MB - 1) + '@',
  'a@a.a@a.a@…': fill('a@a.a'),
  'a.a.a.… then "@"': fill('a.', MB - 1) + '@',
  'digits and spaces': fill('0 '),
  'only "@"': fill('@'),
  'no spaces, punctuation': fill('good!'),
};
const BOUND_MS = 2000;

const table = (text: string) =>
  new Table({
    text: vectorFromArray([text, 'hello', null], new Utf8()),
    journey_stage: vectorFromArray(['purchase', 'none', 'churn'], new Utf8()),
    sentiment_label: vectorFromArray(['negative', 'negative', 'positive'], new Utf8()),
    segment: vectorFromArray(['a', 'a', 'b'], new Utf8()),
  });

const NODES: [string, NodeDef, Record<string, unknown>][] = [
  [
    'clean.text (every option)',
    cleanText as NodeDef,
    {
      column: 'text',
      lowercase: true,
      stripUrls: true,
      stripMentions: true,
      stripEmoji: true,
      foldDiacritics: true,
      collapseWhitespace: true,
    },
  ],
  ['clean.anonymize (mask, hash, drop)', anonymize as NodeDef, { maskText: ['text'], columns: ['text'], drop: ['segment'], salt: 's' }],
  ['text.sentiment en', sentiment as NodeDef, { column: 'text', language: 'en' }],
  ['text.sentiment vi', sentiment as NodeDef, { column: 'text', language: 'vi' }],
  ['text.sentiment auto', sentiment as NodeDef, { column: 'text', language: 'auto' }],
  ['text.sentiment wink', sentiment as NodeDef, { column: 'text', language: 'en', englishEngine: 'wink' }],
  ['journey.stage', journeyStage as NodeDef, { column: 'text' }],
  ['journey.map (pain points)', journeyMap as NodeDef, { stage: 'journey_stage', sentiment: 'sentiment_label', text: 'text' }],
  ['feature.keywords (rows)', keywords as NodeDef, { column: 'text', minCount: 1 }],
  ['feature.keywords (groups, 2-grams)', keywords as NodeDef, { column: 'text', minCount: 1, ngrams: 2, mode: 'group', group: 'segment' }],
  ['view.table (sorted by the text)', viewTable as NodeDef, { sort: 'text', descending: true }],
  ['view.chart (bars of the text)', viewChart as NodeDef, { chart: 'bar', x: 'text' }],
];

describe('text nodes are linear in the text length', () => {
  for (const [name, def, params] of NODES) {
    it(`${name}: a 1 MB cell of each shape in under ${BOUND_MS} ms`, async () => {
      // Loading lexicons, wink-nlp and the built-in journey model is a one-off, not part of the bound.
      await runNode(def, { in: table('warm up') }, params);
      for (const [shape, text] of Object.entries(CELLS)) {
        const started = performance.now();
        const { outputs } = await runNode(def, { in: table(text) }, params);
        const ms = performance.now() - started;
        expect(ms, `${name} on ${shape}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
        // journey.map has one row per stage; the others keep the three input rows.
        if (def !== viewChart) expect((outputs.out as Table).numRows).toBe(def === journeyMap ? STAGES.length : 3);
      }
    });
  }

  it('clean.anonymize still masks the whole 1 MB text (nothing is cut)', async () => {
    const text = fill('x ', MB / 2) + 'write to an@b.vn ' + fill('y ', MB / 2) + 'or call 0912 345 678';
    const { outputs } = await runNode(anonymize as NodeDef, { in: table(text) }, { maskText: ['text'] });
    const out = String((outputs.out as Table).getChild('text')!.get(0));
    expect(out.endsWith('or call [phone]')).toBe(true);
    expect(out).toContain('write to [email] ');
    expect(out).not.toContain('@');
  });

  it('the reading nodes say when a text was longer than what they read', async () => {
    const long = fill('good product ', TEXT_LIMIT + 10);
    const { warnings } = await runNode(sentiment as NodeDef, { in: table(long) }, { column: 'text', language: 'en' });
    expect(warnings.some((w) => w.includes(`longer than ${TEXT_LIMIT.toLocaleString('en-US')} characters`))).toBe(true);
    const wink = await runNode(
      sentiment as NodeDef,
      { in: table(fill('good product ', WINK_LIMIT + 10)) },
      { column: 'text', language: 'en', englishEngine: 'wink' },
    );
    expect(wink.warnings.some((w) => w.includes(`longer than ${WINK_LIMIT.toLocaleString('en-US')} characters`))).toBe(true);
    const short = await runNode(
      sentiment as NodeDef,
      { in: table('good product') },
      { column: 'text', language: 'en', englishEngine: 'wink' },
    );
    expect(short.warnings.some((w) => w.includes('longer than'))).toBe(false);
    for (const [def, params] of [
      [journeyStage, { column: 'text' }],
      [keywords, { column: 'text', minCount: 1 }],
    ] as const) {
      const r = await runNode(def as NodeDef, { in: table(long) }, params);
      expect(r.notes.some((n) => n.en.includes('longer than') && n.vi.includes('dài hơn'))).toBe(true);
    }
  });
});

/** The e-mail pattern the linear scan replaces (it backtracks quadratically, fine on short strings). */
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

describe('e-mail scan', () => {
  it('finds exactly what the regular expression found, on random short strings', () => {
    const alphabet = ['a', 'b', 'Đ', 'ệ', '1', '.', '@', '-', '_', '+', ' ', 'x', 'co', 'vn', '😍', ',', '%'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let trial = 0; trial < 5000; trial++) {
      let s = '';
      const len = next() % 25;
      for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
      const expected = [...s.matchAll(EMAIL_RE)].map((m) => [m.index!, m.index! + m[0].length]);
      expect(findEmails(s), JSON.stringify(s)).toEqual(expected);
    }
  });

  it('masks addresses as before', () => {
    expect(maskPii('Liên hệ Linh.Trần@công-ty.vn hoặc a_b+c@mail.co.uk.')).toBe('Liên hệ [email] hoặc [email].');
    expect(maskPii('x@y@b.com, a@b.c1, a@b.com1 @b.com a@')).toBe('x@[email], a@b.c1, [email]1 @b.com a@');
  });
});

describe('text bounds', () => {
  it('clip never splits an emoji', () => {
    const s = 'a'.repeat(9) + '😍';
    expect(clip(s, 10)).toBe('a'.repeat(9));
    expect(clip(s, 11)).toBe(s);
    expect(clip('abc', 10)).toBe('abc');
  });
  it('breakLongRuns breaks after punctuation, else after the maximum, and leaves words alone', () => {
    expect(breakLongRuns('good product', 8)).toBe('good product');
    expect(breakLongRuns('aaaaaaaaaaaa', 5)).toBe('aaaaa aaaaa aa');
    expect(breakLongRuns('good!good!good!', 8)).toBe('good! good! good!');
    for (const part of breakLongRuns(fill('😍a'), 32).split(' ')) expect(part.length).toBeLessThanOrEqual(32);
  });
});
