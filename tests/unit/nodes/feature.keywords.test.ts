import { Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.keywords';
import type { NodeDef } from '../../../src/core/contract/node';
import { extractTags, textTerms } from '../../../src/core/text/keywords';
import { getNode } from '../../../nodes/index';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';

const def = node as unknown as NodeDef;

function toy(): Table {
  return new Table({
    id: vectorFromArray([1, 2, 3, 4], new Int32()),
    segment: vectorFromArray([0, 0, 1, 1], new Int32()),
    text: vectorFromArray(
      [
        'Giao hàng nhanh quá',
        'Giao hàng chậm #FreeShip',
        'Great coffee, great price! @coffee_vn',
        'Coffee price 2024 😍 a https://shop.vn/x',
      ],
      new Utf8(),
    ),
  });
}

const idf = (df: number, n = 4) => Math.log((1 + n) / (1 + df)) + 1;
const run = async (params: Record<string, unknown>, table = toy()) => {
  const r = await runNode(def, { in: table }, params);
  return { out: r.outputs.out as Table, terms: r.outputs.terms as Table, warnings: r.warnings, progress: r.progress };
};

describe('feature.keywords', () => {
  it('is registered', () => {
    expect(getNode('feature.keywords')).toBe(node);
  });

  it('scores rows and the corpus by hand-computed TF-IDF (EN and VI)', async () => {
    const { out, terms } = await run({ minCount: 1, top: 2 });
    // r0: giao, hàng, nhanh (quá is a stop word): nhanh is rarer; giao/hàng tie → alphabetical.
    // r1: giao, hàng, chậm, freeship. r2: great ×2, coffee, price. r3: coffee, price (number, emoji, "a", link dropped).
    expect(out.getChild('keywords')!.toArray()).toEqual(['nhanh, giao', 'chậm, freeship', 'great, coffee', 'coffee, price']);
    const got = rows(terms);
    expect(got.map((r) => r.term)).toEqual(['coffee', 'price', 'great', 'giao', 'hàng', 'nhanh', 'chậm', 'freeship']);
    const expected: Record<string, [number, number]> = {
      coffee: [2, (1 / 4 + 1 / 2) * idf(2)],
      price: [2, (1 / 4 + 1 / 2) * idf(2)],
      great: [1, (2 / 4) * idf(1)],
      giao: [2, (1 / 3 + 1 / 4) * idf(2)],
      hàng: [2, (1 / 3 + 1 / 4) * idf(2)],
      nhanh: [1, (1 / 3) * idf(1)],
      chậm: [1, (1 / 4) * idf(1)],
      freeship: [1, (1 / 4) * idf(1)],
    };
    for (const r of got) {
      expect(r.documents).toBe(expected[r.term as string][0]);
      expect(r.tfidf as number).toBeCloseTo(expected[r.term as string][1], 12);
    }
    expect(terms.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['term:Utf8', 'documents:Int32', 'tfidf:Float64']);
    expectIpcRoundTrip(out);
    expectIpcRoundTrip(terms);
  });

  it('keeps only terms in minCount texts (default 2) and adds Vietnamese bigrams', async () => {
    const { out } = await run({});
    expect(out.getChild('keywords')!.toArray()).toEqual(['giao, hàng', 'giao, hàng', 'coffee, price', 'coffee, price']);
    const { terms } = await run({ ngrams: 2, top: 10 });
    expect(rows(terms).map((r) => r.term)).toContain('giao hàng');
    expect(textTerms('Giao hàng nhanh, đóng gói đẹp', 2)).toEqual([
      'giao',
      'hàng',
      'nhanh',
      'đóng',
      'gói',
      'đẹp',
      'giao hàng',
      'hàng nhanh',
      'đóng gói',
      'gói đẹp',
    ]);
  });

  it('extracts hashtags and mentions, lowercased, without e-mails or links', async () => {
    const { out } = await run({});
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:Int32',
      'segment:Int32',
      'text:Utf8',
      'hashtags:Utf8',
      'mentions:Utf8',
      'n_hashtags:Float64',
      'keywords:Utf8',
    ]);
    expect(out.getChild('hashtags')!.toArray()).toEqual(['', '#freeship', '', '']);
    expect(out.getChild('mentions')!.toArray()).toEqual(['', '', '@coffee_vn', '']);
    expect(Array.from(out.getChild('n_hashtags')!.toArray() as Float64Array)).toEqual([0, 1, 0, 0]);
    expect(extractTags('Đẹp quá #ThờiTrang #sale #sale #1 mail a@b.vn @Linh.Nguyen. https://x.vn/#top')).toEqual({
      hashtags: ['#thờitrang', '#sale'],
      mentions: ['@linh.nguyen'],
    });
  });

  it('removes EN and VI stop words, accented or not', () => {
    expect(textTerms('Mình không thích cái này nhưng mà the shop is ok, minh khong thich nha', 1)).toEqual(['thích', 'thich']);
  });

  it('finds top terms per group against the corpus', async () => {
    const { out, terms } = await run({ mode: 'group', group: 'segment', minCount: 1, top: 2 });
    expect(out.getChild('keywords')).toBeNull();
    const got = rows(terms);
    expect(got.map((r) => [r.group, r.term, r.documents])).toEqual([
      ['0', 'giao', 2],
      ['0', 'hàng', 2],
      ['1', 'great', 1],
      ['1', 'coffee', 2],
    ]);
    expect(got[0].score as number).toBeCloseTo((2 / 7) * idf(2), 12);
    expect(got[2].score as number).toBeCloseTo((2 / 6) * idf(1), 12);
    expect(got[3].score as number).toBeCloseTo((2 / 6) * idf(2), 12);
    expectIpcRoundTrip(terms);
  });

  it('explains a missing column in both languages', async () => {
    await expect(run({ column: 'body' })).rejects.toMatchObject({
      message: expect.stringMatching(/The column "body" is not in the table/),
      vi: expect.stringMatching(/Bảng không có cột "body"/),
    });
    await expect(run({ mode: 'group', group: 'stage' })).rejects.toMatchObject({ vi: expect.stringMatching(/"stage"/) });
    await expect(run({ column: 'id' })).rejects.toMatchObject({
      message: expect.stringMatching(/does not hold text/),
      vi: expect.stringMatching(/không chứa văn bản/),
    });
  });

  it('copes with empty and missing texts', async () => {
    const table = new Table({ text: vectorFromArray(['', null, '   ', '😍 123'], new Utf8()) });
    const { out, terms } = await run({}, table);
    expect(out.getChild('keywords')!.toArray()).toEqual(['', '', '', '']);
    expect(out.getChild('hashtags')!.toArray()).toEqual(['', '', '', '']);
    expect(terms.numRows).toBe(0);
    expectIpcRoundTrip(out);
    expectIpcRoundTrip(terms);
  });
});
