/**
 * Quality of journey.stage on hand-labelled EN + VI comments: the shipped lexicon alone on the
 * development set (seen while writing the lexicon) and on a held-out set (never used to tune it);
 * the default — lexicon weighed with the model learned from the development set, shipped as the
 * built-in examples — on the held-out set only (on the development set it would be learning by
 * heart); and the labels mode (the shared classifier, 5-fold cross-validation, and trained on the
 * development set then tested on the held-out set). Prints the figures; floors sit a few points
 * below what was measured.
 */
import { type Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/journey.stage';
import type { NodeDef } from '../../../src/core/contract/node';
import { STAGES } from '../../../src/core/journey/stages';
import { evaluate } from '../../../src/core/text/classifier';
import { HELDOUT } from '../../fixtures/journey-heldout';
import { JOURNEY_LABELLED } from '../../fixtures/journey-labelled';
import { runNode } from '../../helpers/run-node';

const def = node as unknown as NodeDef;
const LANGS = ['en', 'vi'] as const;
type Figures = { accuracy: number; macroF1: number };
const fmt = (f: Figures) => `accuracy ${(f.accuracy * 100).toFixed(1)}%, macro-F1 ${f.macroF1.toFixed(3)}`;

async function lexicon(texts: string[], truth: string[], examples = false): Promise<Figures> {
  const { outputs } = await runNode(def, { in: tableFromArrays({ text: texts }) }, { examples });
  return evaluate(truth, (outputs.out as Table).getChild('journey_stage')!.toArray() as string[]);
}

/** Labels mode through the node: its note carries the cross-validated figures. */
async function labelsMode(texts: string[], labels: (string | null)[]): Promise<{ predicted: string[]; cv: Figures }> {
  const { outputs, warnings } = await runNode(def, { in: tableFromArrays({ text: texts, label: labels }) }, { labels: 'label' });
  const m = /cross-validated accuracy (\d+)% \(macro-F1 ([\d.]+)\)/.exec(warnings.join(' '));
  if (!m) throw new Error(`no accuracy note: ${warnings.join(' ')}`);
  return {
    predicted: (outputs.out as Table).getChild('journey_stage')!.toArray() as string[],
    cv: { accuracy: Number(m[1]) / 100, macroF1: Number(m[2]) },
  };
}

/**
 * Measured when the lexicon was frozen; the floors are a few points lower. The English lexicon
 * floors were lowered by 3 points (dev 0.92 → 0.89, held-out 0.58 → 0.55) when the lexicon was
 * reworked for real comments (tests/data/journey.stage.real.test.ts; real EN development half
 * 34.1% → 73.6%): refunds and cancelled orders are no longer churn, as labelled on real comments.
 * `withExamples` was lowered (EN 0.76 → 0.67, VI 0.89 → 0.81) when version 5 added the layer learned
 * from real labelled comments (real heldout EN 59.5–62.9% → 65.9–71.9%): on these written comments,
 * 12 per stage, it measures EN 70.2% (was 78.6%) and VI 84.5%, because real comments are mostly
 * experience and none and the learned layer asks more evidence of the rare stages.
 */
const FLOORS = {
  en: { dev: 0.89, heldout: 0.55, withExamples: 0.67, cv: 0.65, trained: 0.78 },
  vi: { dev: 0.94, heldout: 0.69, withExamples: 0.81, cv: 0.76, trained: 0.88 },
};

describe('journey.stage quality on labelled EN + VI comments', () => {
  it('has at least 30 comments per stage per language in the labelled set', () => {
    for (const lang of LANGS)
      for (const s of STAGES) expect(JOURNEY_LABELLED.filter((r) => r.lang === lang && r.stage === s).length).toBeGreaterThanOrEqual(30);
  });

  for (const lang of LANGS) {
    it(`${lang}: lexicon and labels mode stay above their floors`, async () => {
      const dev = JOURNEY_LABELLED.filter((r) => r.lang === lang);
      const held = STAGES.flatMap((s) => HELDOUT[lang][s].map((text) => ({ text, stage: s })));
      const lexDev = await lexicon(
        dev.map((r) => r.text),
        dev.map((r) => r.stage),
      );
      const lexHeld = await lexicon(
        held.map((r) => r.text),
        held.map((r) => r.stage),
      );
      const mixHeld = await lexicon(
        held.map((r) => r.text),
        held.map((r) => r.stage),
        true,
      );
      const cv = (
        await labelsMode(
          dev.map((r) => r.text),
          dev.map((r) => r.stage),
        )
      ).cv;
      const both = await labelsMode(
        [...dev, ...held].map((r) => r.text),
        [...dev.map((r) => r.stage), ...held.map(() => null)],
      );
      const trained = evaluate(
        held.map((r) => r.stage),
        both.predicted.slice(dev.length),
      );
      console.log(
        [
          `journey.stage ${lang.toUpperCase()} (${dev.length} development, ${held.length} held-out comments)`,
          `  lexicon, development set : ${fmt(lexDev)}`,
          `  lexicon, held-out set    : ${fmt(lexHeld)}`,
          `  default (lexicon + built-in examples), held-out: ${fmt(mixHeld)}`,
          `  labels mode, 5-fold CV   : ${fmt(cv)}`,
          `  labels mode, held-out    : ${fmt(trained)} (trained on the development set)`,
        ].join('\n'),
      );
      const f = FLOORS[lang];
      expect(lexDev.accuracy).toBeGreaterThanOrEqual(f.dev);
      expect(lexHeld.accuracy).toBeGreaterThanOrEqual(f.heldout);
      expect(mixHeld.accuracy).toBeGreaterThanOrEqual(f.withExamples);
      expect(cv.accuracy).toBeGreaterThanOrEqual(f.cv);
      expect(trained.accuracy).toBeGreaterThanOrEqual(f.trained);
    });
  }
});
