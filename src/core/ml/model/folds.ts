/** Stratified, seeded folds for cross-validation of a yes/no target. */
import { createRandom, seedFrom } from '../../contract/random';
import { dealFolds } from '../../table/folds';

/**
 * The fold (0…k−1) of each row: positives first, then negatives, each shuffled (seeded) and dealt
 * out in turn, so every fold has nearly the same share of positives. Rows with `y` = 255 (unknown) get −1.
 */
export function stratifiedFolds(y: Uint8Array, k: number, seed: number): Int32Array {
  const classes = [1, 0].map((cls) => {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) rows.push(i);
    return rows;
  });
  return dealFolds(classes, y.length, k, createRandom(seedFrom(seed, 'folds')));
}
