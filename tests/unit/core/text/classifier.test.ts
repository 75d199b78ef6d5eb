import { describe, expect, it } from 'vitest';
import { evaluate, learnFromLabels, predict, stratifiedFolds, trainClassifier } from '../../../../src/core/text/classifier';
import { analyzeText, detectLanguage, foldVi, normalizeText, tokenize } from '../../../../src/core/text/tokenize';

describe('tokenize', () => {
  it('normalises: NFC, lowercase, elongations collapsed to two letters, diacritics kept', () => {
    expect(normalizeText('Tuyệtttt VỜI')).toBe('tuyệtt vời');
    expect(normalizeText('soooo good 1000')).toBe('soo good 1000');
    expect(normalizeText('Tuye\u0302\u0323t')).toBe('tuyệt');
    const a = analyzeText('QUÁ ĐẸPPPP!!!');
    expect(a).toMatchObject({ text: 'quá đẹpp!!!', elongated: true, allCaps: true, exclamations: 3 });
    expect(analyzeText('ok').elongated).toBe(false);
  });

  it('splits words, Vietnamese syllables, numbers, emoji and emoticons', () => {
    expect(tokenize('Sp dc lắm :) 😍👍🏻 giá 4.5tr, pin 5000mAh :(( <3')).toEqual([
      'sp',
      'dc',
      'lắm',
      ':)',
      '😍',
      '👍🏻',
      'giá',
      '4.5',
      'tr',
      'pin',
      '5000mah',
      ':((',
      '<3',
    ]);
    expect(tokenize("I don't like it :-( http://x.vn")).toEqual(['i', "don't", 'like', 'it', ':-(', 'http', 'x', 'vn']);
  });

  it('folds Vietnamese diacritics and đ', () => {
    expect(foldVi('Điện thoại đẹp, tuyệt vời')).toBe('Dien thoai dep, tuyet voi');
    expect(foldVi('plain')).toBe('plain');
  });

  it('detects Vietnamese (accented or teen-code) and English', () => {
    expect(detectLanguage('Điện thoại dùng rất tốt')).toBe('vi');
    expect(detectLanguage('sp ko dc nha ban')).toBe('vi');
    expect(detectLanguage('minh thay qua ok')).toBe('vi');
    expect(detectLanguage('This phone is great and the battery lasts')).toBe('en');
    expect(detectLanguage("I don't like it")).toBe('en');
    expect(detectLanguage('12345 !!!')).toBe('other');
    expect(detectLanguage('')).toBe('other');
  });
});

describe('classifier', () => {
  it('learns a toy problem and gives probabilities that sum to 1', () => {
    const model = trainClassifier(
      ['great phone', 'love it', 'awful battery', 'hate it', 'tốt lắm', 'tệ quá'],
      ['pos', 'pos', 'neg', 'neg', 'pos', 'neg'],
    );
    const p = predict(model, 'great, love');
    expect(p.label).toBe('pos');
    expect(p.scores.pos + p.scores.neg).toBeCloseTo(1, 10);
    expect(predict(model, 'awful, hate').label).toBe('neg');
    expect(predict(model, 'tot lam').label).toBe('pos'); // accent-folded unigram meets "tốt lắm"
  });

  it('deals stratified folds, seeded', () => {
    const labels = [...Array(50).fill('a'), ...Array(10).fill('b')] as string[];
    const folds = stratifiedFolds(labels, 5, 7);
    for (let k = 0; k < 5; k++) {
      expect(labels.filter((l, i) => l === 'b' && folds[i] === k).length).toBe(2);
      expect(labels.filter((l, i) => l === 'a' && folds[i] === k).length).toBe(10);
    }
    expect(stratifiedFolds(labels, 5, 7)).toEqual(folds);
    expect(stratifiedFolds(labels, 5, 8)).not.toEqual(folds);
  });

  it('evaluates accuracy and macro-F1', () => {
    const e = evaluate(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(e.accuracy).toBe(0.75);
    expect(e.perClass.a).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(e.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
  });

  it('learnFromLabels explains when no row has a label', () => {
    expect(() => learnFromLabels(['a', 'b'], [null, ' '])).toThrow(/No row has a label/);
  });
});
