import { Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node, { cleanText } from '../../../nodes/clean.text';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip } from '../../helpers/tables';

const all = { lowercase: true, stripUrls: true, stripMentions: true, stripEmoji: true, foldDiacritics: true, collapseWhitespace: true };
const none = {
  lowercase: false,
  stripUrls: false,
  stripMentions: false,
  stripEmoji: false,
  foldDiacritics: false,
  collapseWhitespace: false,
};

function input(): Table {
  return new Table({
    id: vectorFromArray([1, 2, 3, 4], new Int32()),
    text: vectorFromArray(
      ['Đẹp  QUÁ 😍 xem https://shop.vn/a?b=1 @linh.nguyen', 'Ship   chậm 👎🏽 www.abc.com', null, '@an https://x.co'],
      new Utf8(),
    ),
  });
}

describe('clean.text', () => {
  it('applies each step on its own', () => {
    const s = 'Đẹp  QUÁ 😍 https://shop.vn/a @linh mail me: a@b.vn 🇻🇳👨‍👩‍👧';
    expect(cleanText(s, { ...none, lowercase: true })).toBe('đẹp  quá 😍 https://shop.vn/a @linh mail me: a@b.vn 🇻🇳👨‍👩‍👧');
    expect(cleanText(s, { ...none, stripUrls: true })).toBe('Đẹp  QUÁ 😍   @linh mail me: a@b.vn 🇻🇳👨‍👩‍👧');
    expect(cleanText(s, { ...none, stripMentions: true })).toBe('Đẹp  QUÁ 😍 https://shop.vn/a   mail me: a@b.vn 🇻🇳👨‍👩‍👧');
    expect(cleanText(s, { ...none, stripEmoji: true, collapseWhitespace: true })).toBe('Đẹp QUÁ https://shop.vn/a @linh mail me: a@b.vn');
    expect(cleanText('Đẹp quá, Việt Nam', { ...none, foldDiacritics: true })).toBe('Dep qua, Viet Nam');
    expect(cleanText(' a \n\t b ', { ...none, collapseWhitespace: true })).toBe('a b');
    // NFC first: decomposed accents become the composed letters.
    expect(cleanText('Đẹp'.normalize('NFD'), none)).toBe('Đẹp');
    expect(cleanText(s, all)).toBe('dep qua mail me: a@b.vn');
  });

  it('replaces the column by default (defaults: lower case, links, mentions, spaces) and keeps missing values', async () => {
    const { outputs, warnings, notes } = await runNode(node, { in: input() }, { column: 'text' });
    const out = outputs.out as Table;
    expect(out.getChild('text')!.toArray()).toEqual(['đẹp quá 😍 xem', 'ship chậm 👎🏽', null, '']);
    expect(warnings).toEqual(['1 text was only links, mentions or emoji and is now empty.']);
    expect(notes[0].vi).toMatch(/1 văn bản chỉ có link/);
    expect(out.schema.fields.map((f) => f.name)).toEqual(['id', 'text']);
    expectIpcRoundTrip(out);
  });

  it('writes to a new column with folding and emoji removal', async () => {
    const out = (await runNode(node, { in: input() }, { column: 'text', output: 'clean', stripEmoji: true, foldDiacritics: true })).outputs
      .out as Table;
    expect(out.schema.fields.map((f) => f.name)).toEqual(['id', 'text', 'clean']);
    expect(out.getChild('clean')!.toArray()).toEqual(['dep qua xem', 'ship cham', null, '']);
    expect(out.getChild('text')!.get(0)).toMatch(/^Đẹp {2}QUÁ/);
  });

  it('explains bad choices in both languages', async () => {
    await expect(runNode(node, { in: input() }, {})).rejects.toMatchObject({
      message: 'Choose the text column to clean.',
      vi: 'Hãy chọn cột văn bản cần làm sạch.',
    });
    await expect(runNode(node, { in: input() }, { column: 'id' })).rejects.toMatchObject({
      message: expect.stringMatching(/"id" does not hold text/),
      vi: expect.stringMatching(/không chứa văn bản/),
    });
    await expect(runNode(node, { in: input() }, { column: 'body' })).rejects.toThrow(/The column "body" is not in the table/);
  });
});
