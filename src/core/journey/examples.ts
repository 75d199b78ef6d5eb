/**
 * The built-in journey model, in two layers. First a naive Bayes classifier (the shared text
 * classifier) learned from Audience Flow's hand-written, hand-labelled English and Vietnamese
 * comments, trained once per worker on first use. Then a small logistic regression learned from
 * real labelled comments (learned.ts; its weights are generated into learned-model.ts) that weighs
 * the lexicon's scores, the naive Bayes probabilities and a few cues about the text (question,
 * addressed to an account, length, sentiment, words). The lexicon's scores enter with the learned
 * multipliers, so a phrase still moves its stage's odds as its weight says and an edited lexicon
 * keeps working. Texts where the lexicon saw a negated purchase or recommendation are left to the
 * lexicon (the models read words, not negation).
 */
import { classProbabilities, trainClassifier, type Model } from '../text/classifier';
import { applyLearned, DENSE, learnedFeatures } from './learned';
import { LEARNED_MODEL } from './learned-model';
import { EN } from './examples-en';
import { EN_SOCIAL, VI_SOCIAL } from './examples-social';
import { VI } from './examples-vi';
import { STAGES } from './stages';

let model: Model | null = null;
/** For each stage (STAGES order), its class index in the model; and a reused buffer of probabilities. */
let classOf: Int32Array = new Int32Array(0);
let probs: Float64Array = new Float64Array(0);
const nb = new Float64Array(STAGES.length),
  dense = new Float64Array(DENSE);
let words = new Int32Array(256);

/** The model learned from the built-in examples (both languages). */
export function builtInModel(): Model {
  if (!model) {
    const texts: string[] = [],
      labels: string[] = [];
    for (const set of [EN, VI, EN_SOCIAL, VI_SOCIAL])
      for (const s of STAGES)
        for (const t of set[s]) {
          texts.push(t);
          labels.push(s);
        }
    model = trainClassifier(texts, labels);
    classOf = Int32Array.from(STAGES, (s) => model!.labels.indexOf(s));
    probs = new Float64Array(model.labels.length);
  }
  return model;
}

/**
 * Weighs `scores` (the lexicon's, STAGES order) with both layers of the built-in model and returns
 * the winning stage and its probability (`scores` are overwritten with the log-odds).
 */
export function mixWithModel(text: string, scores: Float64Array): { stage: number; confidence: number } {
  classProbabilities(builtInModel(), text, probs);
  for (let s = 0; s < nb.length; s++) nb[s] = classOf[s] < 0 ? 0 : probs[classOf[s]];
  if (words.length < text.length + 1) words = new Int32Array(text.length + 1);
  const n = learnedFeatures(text, scores, nb, LEARNED_MODEL.buckets, dense, words);
  return applyLearned(LEARNED_MODEL, scores, dense, words, n);
}
