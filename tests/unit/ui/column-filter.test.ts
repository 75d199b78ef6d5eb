/** The column checkbox list's filter box and its select all / none buttons. */
import { describe, expect, it } from 'vitest';
import { columnMatcher, setShown } from '../../../src/ui/inspector/column-filter';

const NAMES = ['ID', 'MntWines', 'MntFruits', 'AmntX', 'NumWebPurchases', 'mnt_gold', 'Income'];
const match = (f: string) => NAMES.filter(columnMatcher(f));

describe('columnMatcher', () => {
  it('plain text matches anywhere, ignoring case', () => {
    expect(match('mnt')).toEqual(['MntWines', 'MntFruits', 'AmntX', 'mnt_gold']);
    expect(match('')).toEqual(NAMES);
  });
  it('a pattern matches the whole name: * any characters, ? one', () => {
    expect(match('Mnt*')).toEqual(['MntWines', 'MntFruits', 'mnt_gold']);
    expect(match('*Purchases')).toEqual(['NumWebPurchases']);
    expect(match('I?')).toEqual(['ID']);
    expect(match('Mnt')).not.toEqual(match('Mnt*'));
  });
  it('regex characters in a pattern are plain characters', () => {
    expect(['a.b', 'axb'].filter(columnMatcher('a.*'))).toEqual(['a.b']);
    expect(['(x)', 'x'].filter(columnMatcher('(*)'))).toEqual(['(x)']);
  });
});

describe('setShown', () => {
  it('selects the shown columns in table order and keeps the others chosen', () => {
    expect(setShown(['Income'], ['MntFruits', 'MntWines'], true, NAMES)).toEqual(['MntWines', 'MntFruits', 'Income']);
  });
  it('"none" unticks only the shown ones, and a chosen column missing from the table stays', () => {
    expect(setShown(['gone', 'MntWines', 'Income'], ['MntWines', 'MntFruits'], false, NAMES)).toEqual(['gone', 'Income']);
    expect(setShown(['gone'], ['ID'], true, NAMES)).toEqual(['gone', 'ID']);
  });
});
