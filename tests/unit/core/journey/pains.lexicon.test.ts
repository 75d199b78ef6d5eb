/** Pain points are pains: no positive or neutral lexicon words, no unaccented fragments of function words. */
import { describe, expect, it } from 'vitest';
import { indexTerms, painPoints, painWordAllowed } from '../../../../src/core/journey/pains';

describe('pain points', () => {
  it('leaves out positive and neutral lexicon words, keeps complaints and topics', () => {
    expect(painWordAllowed('pin trâu', true)).toBe(false);
    expect(painWordAllowed('phù hợp', true)).toBe(false);
    expect(painWordAllowed('bao lâu', true)).toBe(false); // marked neutral in the lexicon
    expect(painWordAllowed('great', false)).toBe(false);
    expect(painWordAllowed('thất vọng', true)).toBe(true);
    expect(painWordAllowed('màn hình', true)).toBe(true);
    expect(painWordAllowed('refund', false)).toBe(true);
  });

  it('a stage full of "giá phù hợp" and unaccented "co ma" lists neither; "màn hình" stays', async () => {
    const bad = Array.from({ length: 12 }, (_, i) => (i % 2 ? 'giá phù hợp co ma màn hình bị sọc' : 'màn hình bị sọc, giá phù hợp co ma'));
    const other = Array.from({ length: 40 }, (_, i) => (i % 4 ? 'giao hàng nhanh đóng gói đẹp' : 'có mà không dùng được, pin ổn'));
    const index = await indexTerms([...bad, ...other]);
    const group = Uint8Array.from([...bad.map(() => 1), ...other.map(() => 0)]);
    const terms = painPoints(index, group, 10).map((p) => p.term);
    expect(terms).toContain('màn hình');
    expect(terms).not.toContain('phù hợp');
    expect(terms.some((t) => /co ma|co$|^ma /.test(t))).toBe(false);
    // Without the accented "có mà" in the texts, the unaccented pair is an ordinary term.
    const alone = await indexTerms([...bad, ...other.map((t) => t.replace('có mà', 'vẫn'))]);
    expect(alone.fragment[alone.terms.indexOf('co ma')]).toBe(0);
  });

  it('shows the accented spelling when a term also occurs without accents', async () => {
    const index = await indexTerms(['màn hình bị sọc', 'man hinh bi soc', 'man hinh bi soc', 'màn hình bị sọc']);
    expect(index.terms).toContain('màn hình');
    expect(index.terms).not.toContain('man hinh');
  });
});
