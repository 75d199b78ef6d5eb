/** Stratified, seeded folds for cross-validation. */
import { createRandom, seedFrom } from '../../contract/random';

/**
 * The fold (0…k−1) of each row: the rows of each class are shuffled (seeded) and dealt out in turn,
 * so every fold has nearly the same share of positives. Rows with `y` = 255 (unknown) get −1.
 */
export function stratifiedFolds(y: Uint8Array, k: number, seed: number): Int32Array {
  const fold = new Int32Array(y.length).fill(-1);
  const random = createRandom(seedFrom(seed, 'folds'));
  let start = 0;
  for (const cls of [1, 0]) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) rows.push(i);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    // The second class continues where the first stopped, so fold sizes differ by at most one.
    rows.forEach((row, r) => {
      fold[row] = (start + r) % k;
    });
    start = (start + rows.length) % k;
  }
  return fold;
}
