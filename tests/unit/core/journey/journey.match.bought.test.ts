import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../../../../src/core/journey/lexicon';
import { compileLexicon, decide, scoreText } from '../../../../src/core/journey/match';
import { STAGES } from '../../../../src/core/journey/stages';

const lex = compileLexicon(DEFAULT_LEXICON, 'en');
const stageOf = (text: string) => {
  const scores = new Float64Array(STAGES.length);
  scoreText(lex, text, scores);
  return STAGES[decide(scores).stage];
};

describe('a past purchase told as the background of a use', () => {
  it('counts for experience when the text tells of a problem with the bought item', () => {
    expect(stageOf('I bought it for my son and the battery stopped working')).toBe('experience');
    expect(stageOf('ordered these boots last month and they already have a hole')).toBe('experience');
  });
  it('stays a purchase without a use, or when the order itself is the subject', () => {
    expect(stageOf('just bought the new headphones!')).toBe('purchase');
    expect(stageOf('I want to cancel my order, it has not shipped')).toBe('purchase');
  });
  it('a review that promises to come back is advocacy, one that will not is churn', () => {
    expect(stageOf('Great food, will definitely be back!')).toBe('advocacy');
    expect(stageOf("Rude staff, we won't be back")).toBe('churn');
  });
});
