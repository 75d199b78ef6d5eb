import { describe, expect, it } from 'vitest';
import { formats, say } from '../../../../src/core/contract/format';

const en = formats('en'),
  vi = formats('vi');

describe('number formats per language', () => {
  it('groups whole counts the way each language does', () => {
    expect(en.int(20000)).toBe('20,000');
    expect(vi.int(20000)).toBe('20.000');
    expect(vi.int(4555)).toBe('4.555');
    expect(en.int(999)).toBe('999');
    expect(en.int(2.6)).toBe('3');
  });

  it('keeps three significant digits in measured values without rounding away whole digits', () => {
    expect(en.num(15.0585)).toBe('15.1');
    expect(vi.num(15.0585)).toBe('15,1');
    expect(en.num(0.004179)).toBe('0.00418');
    expect(en.num(1234567)).toBe('1,234,567');
    expect(vi.num(1234567)).toBe('1.234.567');
    expect(en.num(-2.5)).toBe('-2.5');
    expect(en.num(0)).toBe('0');
    expect(en.num(3.14159, 4)).toBe('3.142');
  });

  it('writes shares as percentages', () => {
    expect(en.pct(0.4179)).toBe('42%');
    expect(vi.pct(0.4179)).toBe('42%');
    expect(en.pct(0.4179, 1)).toBe('41.8%');
    expect(vi.pct(0.4179, 1)).toBe('41,8%');
    expect(en.pct(1)).toBe('100%');
  });

  it('writes ratios as × in English and "lần" in Vietnamese', () => {
    expect(en.ratio(1.5)).toBe('1.5×');
    expect(vi.ratio(1.5)).toBe('1,5 lần');
    expect(en.ratio(12.34)).toBe('12×');
  });

  it('gives fixed decimals and signs', () => {
    expect(en.fixed(0.4567, 2)).toBe('0.46');
    expect(vi.fixed(0.4567, 2)).toBe('0,46');
    expect(en.signed(0.123)).toBe('+0.12');
    expect(vi.signed(-0.123)).toBe('−0,12');
    expect(en.signed(0.001)).toBe('0.00');
    expect(en.signed(-0.001)).toBe('0.00');
  });

  it('shows missing and infinite values as marks, not NaN', () => {
    expect(en.num(Number.NaN)).toBe('–');
    expect(en.int(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(vi.pct(Number.NaN)).toBe('–');
  });

  it('picks the English plural and leaves Vietnamese nouns alone', () => {
    expect(en.count(1, 'row', 'rows')).toBe('1 row');
    expect(en.count(20000, 'row', 'rows')).toBe('20,000 rows');
    expect(en.count(0, 'row', 'rows')).toBe('0 rows');
    expect(vi.count(20000, 'dòng')).toBe('20.000 dòng');
  });

  it('builds a text in both languages with each language’s numbers', () => {
    const t = say(
      (f) => `Kept ${f.int(7004)} of ${f.count(20000, 'row', 'rows')}`,
      (f) => `Giữ ${f.int(7004)} trên ${f.count(20000, 'dòng')}`,
    );
    expect(t).toEqual({ en: 'Kept 7,004 of 20,000 rows', vi: 'Giữ 7.004 trên 20.000 dòng' });
  });
});
