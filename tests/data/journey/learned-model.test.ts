/**
 * The learned layer of journey.stage's built-in model (src/core/journey/learned-model.ts) is what
 * its generator makes from the development halves of the real labelled sets: regenerating it from
 * ../shared/data gives the committed weights (to the 4 decimals it writes), and it never read a
 * heldout row. Skipped (one line) without the data sets.
 */
import { describe, expect, it } from 'vitest';
import { LEARNED_MODEL } from '../../../src/core/journey/learned-model';
import { fit, OPTIONS, TRAINING_SETS, trainingRows } from '../../fixtures/journey-real/learn';
import { sharedData } from '../../helpers/shared-data';

const files = [...new Set(TRAINING_SETS.flat().map((l) => l.id.replace(/#\d+$/, '')))];
const data = sharedData(...files);

describe.skipIf(!data.available)('journey.stage learned model', { timeout: 600_000 }, () => {
  it('regenerates from the dev halves to the committed weights', () => {
    const rows = trainingRows(OPTIONS.buckets, TRAINING_SETS, OPTIONS.examples > 0);
    const heldout = new Set(
      TRAINING_SETS.flat()
        .filter((l) => l.split === 'heldout')
        .map((l) => l.id),
    );
    expect(rows.some((r) => heldout.has(r.id))).toBe(false);
    expect(rows.filter((r) => !r.source.startsWith('examples-')).length).toBeGreaterThan(600);
    const m = fit(rows, OPTIONS);
    expect(m.buckets).toBe(LEARNED_MODEL.buckets);
    expect(m.weights.length).toBe(LEARNED_MODEL.weights.length);
    let worst = 0;
    m.lexicon.forEach((x, s) => {
      worst = Math.max(worst, Math.abs(x - LEARNED_MODEL.lexicon[s]!));
    });
    m.weights.forEach((w, s) => {
      expect(w.length).toBe(LEARNED_MODEL.weights[s]!.length);
      w.forEach((x, j) => {
        worst = Math.max(worst, Math.abs(x - LEARNED_MODEL.weights[s]![j]!));
      });
    });
    expect(worst).toBeLessThanOrEqual(2e-4);
  });
});
