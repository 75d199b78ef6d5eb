/**
 * Vietnamese sentiment: the lexicon of vi-lexicon.ts run through the shared scorer, with accent
 * folding ("tot qua" = "tốt quá") and teen-code aliases ("sp dc lắm", "ko đc").
 */
import { compileLexicon, scoreText, type CompiledLexicon } from './sentiment-engine';
import {
  VI_ADDRESSEES,
  VI_ALIASES,
  VI_BOOSTERS,
  VI_CONTRAST,
  VI_ENTRIES,
  VI_FINALS,
  VI_NEGATORS,
  VI_NO_FOLD,
  VI_PARTICLES,
  VI_POST,
  VI_QUESTION_ENDS,
} from './vi-lexicon';

let compiled: CompiledLexicon | null = null;

/** The compiled Vietnamese lexicon (built once, on first use). */
export function viLexicon(): CompiledLexicon {
  compiled ??= compileLexicon({
    entries: VI_ENTRIES,
    negators: VI_NEGATORS,
    boosters: VI_BOOSTERS,
    postBoosters: VI_POST,
    contrast: VI_CONTRAST,
    aliases: VI_ALIASES,
    fold: true,
    finals: VI_FINALS,
    particles: VI_PARTICLES,
    noFold: VI_NO_FOLD,
    questionEnds: VI_QUESTION_ENDS,
    addressees: VI_ADDRESSEES,
  });
  return compiled;
}

/** Sentiment of a Vietnamese text in [−1, 1]. */
export function scoreVietnamese(text: string): number {
  return scoreText(text, viLexicon());
}
