import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/text.sentiment';
import { stringVector, tableOf } from '../../../src/core/table/table';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

async function score(texts: (string | null)[], params: Record<string, unknown> = {}): Promise<{ score: number; label: string }[]> {
  const { outputs } = await runNode(node, { in: tableOf({ text: stringVector(texts) }) }, params);
  return rows(outputs.out as Table).map((r) => ({ score: r.sentiment_score as number, label: r.sentiment_label as string }));
}
const one = async (text: string, language = 'vi') => (await score([text], { language }))[0];

describe('text.sentiment (Vietnamese lexicon)', () => {
  it('handles negation: "không đẹp" is negative, "không tệ" is not', async () => {
    expect((await one('không đẹp')).label).toBe('negative');
    expect((await one('không tệ')).label).not.toBe('negative');
    expect((await one('chẳng hài lòng chút nào')).label).toBe('negative');
    expect((await one('chưa thấy lỗi gì')).label).not.toBe('negative');
  });

  it('matches multi-syllable phrases', async () => {
    expect((await one('tuyệt vời')).label).toBe('positive');
    expect((await one('thất vọng')).label).toBe('negative');
    expect((await one('giao hàng nhanh, đáng tiền')).label).toBe('positive');
    expect((await one('chất lượng kém, lừa đảo')).label).toBe('negative');
  });

  it('intensifiers raise the score, dampeners lower it', async () => {
    const plain = (await one('đẹp')).score;
    expect((await one('rất đẹp')).score).toBeGreaterThan(plain);
    expect((await one('đẹp lắm')).score).toBeGreaterThan(plain);
    expect((await one('qá đẹp')).score).toBeGreaterThan(plain);
    expect((await one('hơi đẹp')).score).toBeLessThan(plain);
    expect((await one('siêu tệ')).score).toBeLessThan((await one('tệ')).score);
  });

  it('a yes/no question asks about a quality without judging it; a complaint stays a complaint', async () => {
    for (const q of ['có freeship không ạ', 'hàng chính hãng không shop', 'son này đẹp không', 'giao chưa ad ơi', 'dùng tốt ko ạ']) {
      expect((await one(q)).label, q).toBe('neutral');
    }
    expect((await one('sao giao lâu vậy')).label).toBe('negative');
    expect((await one('hàng tệ quá, có đổi được không')).label).toBe('negative');
    // Praise before "but", a question after it: the praise counts.
    expect((await one('đẹp nhưng có bền không')).label).toBe('positive');
    // "không" before the word is a negation, not a question.
    expect((await one('không đẹp')).label).toBe('negative');
  });

  it('does not read common plain words as unaccented sentiment words ("em" is not "êm", "xin" not "xịn")', async () => {
    for (const t of ['inbox em nhé', 'cho mình xin giá', 'do mình bận', 'mong shop phản hồi', 'dung lượng bao nhiêu']) {
      expect((await one(t)).label, t).toBe('neutral');
    }
    // The accented words still count, and so do unaccented phrases, where the context decides:
    // "hang xin qua" is "hàng xịn quá".
    expect((await one('áo êm lắm')).label).toBe('positive');
    expect((await one('hàng xịn quá')).label).toBe('positive');
    expect((await one('hang xin qua')).label).toBe('positive');
  });

  it('reads teen-code and unaccented spellings', async () => {
    expect((await one('sp dc lắm')).label).toBe('positive');
    expect((await one('ko dc')).label).toBe('negative');
    expect((await one('hok thich')).label).toBe('negative');
    expect((await one('sp tot, dep')).label).toBe('positive');
    expect((await one('hang te qua')).label).toBe('negative');
    expect((await one('oke shop')).label).toBe('positive');
    expect((await one('được giao hôm qua')).label).toBe('neutral');
  });

  it('scores emoji and emoticons', async () => {
    expect((await one('😍😍')).label).toBe('positive');
    expect((await one('👍🏻')).label).toBe('positive');
    expect((await one('😡')).label).toBe('negative');
    expect((await one('nhận hàng rồi :)))')).label).toBe('positive');
    expect((await one('nhận hàng rồi :((')).label).toBe('negative');
  });

  it('elongation, ALL CAPS and "!!!" add emphasis', async () => {
    const plain = (await one('tuyệt')).score;
    expect((await one('tuyệtttttt')).score).toBeGreaterThan(plain);
    expect((await one('TUYỆT')).score).toBeGreaterThan(plain);
    expect((await one('tuyệt!!!')).score).toBeGreaterThan(plain);
    expect((await one('TỆ QUÁ!!!')).score).toBeLessThan((await one('tệ quá')).score);
  });

  it('gives neutral 0 to empty and missing texts', async () => {
    expect(await score(['', '   ', null], { language: 'vi' })).toEqual([
      { score: 0, label: 'neutral' },
      { score: 0, label: 'neutral' },
      { score: 0, label: 'neutral' },
    ]);
  });
});

describe('text.sentiment (English and auto)', () => {
  it('an English yes/no question (inverted, ending with "?") asks without judging; "why" complaints stay negative', async () => {
    for (const q of ['is it worth the price?', 'does the blue run small?', 'are the earrings nice for sensitive ears?', 'any good?']) {
      expect((await one(q, 'en')).label, q).toBe('neutral');
    }
    expect((await one('why is it so expensive?', 'en')).label).toBe('negative');
    expect((await one('will buy again', 'en')).label).toBe('positive'); // no "?": a statement
    expect((await one('great quality. is there a bigger size?', 'en')).label).toBe('positive'); // only the question clause is dropped
  });

  it('scores English with the fast lexicon and with wink-nlp', async () => {
    for (const englishEngine of ['lexicon', 'wink']) {
      const got = await score(
        ['I love this phone, works great', 'Terrible battery, very disappointed', 'not bad at all', 'It is a phone.'],
        { language: 'en', englishEngine },
      );
      expect(got.map((g) => g.label)).toEqual(['positive', 'negative', expect.not.stringMatching(/negative/), 'neutral']);
      for (const g of got) expect(Math.abs(g.score)).toBeLessThanOrEqual(1);
    }
  });

  it('detects the language per row on a mixed column', async () => {
    const { outputs, warnings } = await runNode(
      node,
      { in: tableOf({ text: stringVector(['Sản phẩm rất tốt', 'great product', 'hang xau qua', 'bad service', 'ổn']) }) },
      { language: 'auto' },
    );
    expect(rows(outputs.out as Table).map((r) => r.sentiment_label)).toEqual(['positive', 'positive', 'negative', 'negative', 'positive']);
    expect(warnings.join(' ')).toMatch(/3 Vietnamese and 2 English/);
  });

  it('appends two columns, keeps the input, survives an IPC round trip', async () => {
    const input = tableFromArrays({ id: Int32Array.from([1, 2]), text: ['tốt', 'tệ'] });
    const { outputs } = await runNode(node, { in: input }, {});
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:Int32',
      'text:Dictionary<Int32, Utf8>',
      'sentiment_score:Float64',
      'sentiment_label:Utf8',
    ]);
    expect(out.getChild('text')!.data[0]).toBe(input.getChild('text')!.data[0]);
    expect(input.numCols).toBe(2);
    expect(rows(out).map((r) => r.sentiment_label)).toEqual(['positive', 'negative']);
    expectIpcRoundTrip(out);
  });

  it('reports progress on long columns', async () => {
    const texts = Array.from({ length: 25_000 }, (_, i) => (i % 2 ? 'tốt' : 'bad'));
    const { progress } = await runNode(node, { in: tableOf({ text: stringVector(texts) }) }, {});
    expect(progress.filter((p) => p.fraction > 0 && p.fraction < 1).length).toBe(2);
    expect(progress.at(-1)?.fraction).toBe(1);
  });

  it('names a missing column, in both languages', async () => {
    await expect(runNode(node, { in: tableOf({ body: stringVector(['x']) }) }, { column: 'text' })).rejects.toThrow(
      /"text" is not in the table.*body/,
    );
    await expect(runNode(node, { in: tableOf({ body: stringVector(['x']) }) }, { column: 'body', labels: 'tag' })).rejects.toThrow(
      /"tag" is not in the table/,
    );
  });
});

describe('text.sentiment (labels mode)', () => {
  const pos = [
    'sản phẩm tốt',
    'rất đẹp',
    'giao nhanh, hài lòng',
    'love it',
    'great value',
    'tuyệt vời',
    'pin trâu',
    'đáng tiền',
    'xài ngon',
    'ưng lắm',
  ];
  const neg = [
    'hàng lỗi',
    'quá tệ',
    'giao chậm, thất vọng',
    'hate it',
    'waste of money',
    'lừa đảo',
    'pin yếu',
    'không đáng tiền',
    'hư rồi',
    'chán',
  ];

  it('learns from labelled rows, keeps their labels, predicts the others and reports accuracy', async () => {
    const texts = [...pos, ...neg, 'tốt lắm, hài lòng', 'tệ, thất vọng quá', ''];
    const known = [...pos.map(() => 'positive'), ...neg.map(() => 'negative'), null, null, null];
    const { outputs, warnings, notes } = await runNode(
      node,
      { in: tableOf({ text: stringVector(texts), tag: stringVector(known) }) },
      { labels: 'tag' },
    );
    const out = rows(outputs.out as Table);
    expect(out.slice(0, 20).map((r) => r.sentiment_label)).toEqual(known.slice(0, 20));
    expect(out[20].sentiment_label).toBe('positive');
    expect(out[21].sentiment_label).toBe('negative');
    expect(out[20].sentiment_score as number).toBeGreaterThan(0);
    expect(out[21].sentiment_score as number).toBeLessThan(0);
    expect(out[22]).toMatchObject({ sentiment_label: 'neutral', sentiment_score: 0 });
    expect(warnings[0]).toMatch(/^Learned from 20 labelled rows; cross-validated accuracy \d+%\.$/);
    expect(notes[0].vi).toMatch(/Đã học từ 20 dòng có nhãn/);
  });

  it('accepts 1/0 labels and refuses labels that are not sentiments', async () => {
    const texts = [...pos, ...neg, 'good, hài lòng'];
    const ones = [...pos.map(() => '1'), ...neg.map(() => '0'), null];
    const { outputs } = await runNode(node, { in: tableOf({ text: stringVector(texts), y: stringVector(ones) }) }, { labels: 'y' });
    expect(rows(outputs.out as Table)[20].sentiment_label).toBe('positive');
    const odd = [...pos.map(() => 'cat'), ...neg.map(() => 'dog'), null];
    await expect(runNode(node, { in: tableOf({ text: stringVector(texts), y: stringVector(odd) }) }, { labels: 'y' })).rejects.toThrow(
      /not sentiments: cat, dog/,
    );
  });
});
