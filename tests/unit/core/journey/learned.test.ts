/** The learned layer of the built-in journey model: its shape, and how it weighs the lexicon. */
import { describe, expect, it } from 'vitest';
import { applyLearned, CUES, DENSE, learnedFeatures } from '../../../../src/core/journey/learned';
import { LEARNED_MODEL } from '../../../../src/core/journey/learned-model';
import { STAGES } from '../../../../src/core/journey/stages';

describe('journey learned model', () => {
  it('has one finite weight row per stage: bias, the dense columns, the word buckets', () => {
    expect(DENSE).toBe(STAGES.length + CUES.length);
    expect(LEARNED_MODEL.weights.length).toBe(STAGES.length);
    for (const w of LEARNED_MODEL.weights) {
      expect(w.length).toBe(1 + DENSE + LEARNED_MODEL.buckets);
      for (const x of w) expect(Number.isFinite(x)).toBe(true);
    }
    // The lexicon's scores count as their weights say (a phrase of weight 1 multiplies odds by e).
    expect(LEARNED_MODEL.lexicon).toEqual(STAGES.map(() => 1));
  });

  it('reads the cues of a text and adds the lexicon score to the log-odds', () => {
    const dense = new Float64Array(DENSE),
      words = new Int32Array(64);
    const nb = new Float64Array(STAGES.length).fill(1 / STAGES.length);
    const lex = new Float64Array(STAGES.length);
    const n = learnedFeatures('@AcmeHelp is my order coming? https://t.co/x', lex, nb, LEARNED_MODEL.buckets, dense, words);
    const cue = (c: (typeof CUES)[number]) => dense[STAGES.length + CUES.indexOf(c)];
    expect([cue('question'), cue('to_account'), cue('mention'), cue('link'), cue('first_person'), cue('no_phrase')]).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    expect(cue('plain_opinion')).toBe(0);
    expect(n).toBeGreaterThan(3);
    const base = applyLearned(LEARNED_MODEL, lex.slice(), dense, words, n);
    const churn = STAGES.indexOf('churn');
    const boosted = lex.slice();
    boosted[churn] = 10;
    const withPhrase = applyLearned(LEARNED_MODEL, boosted, dense, words, n);
    expect(withPhrase.stage).toBe(churn);
    expect(withPhrase.confidence).toBeGreaterThan(0.9);
    expect(base.confidence).toBeGreaterThan(0);
    expect(base.confidence).toBeLessThanOrEqual(1);
  });
});
