/** Stratified cross-validation folds, shared by the text models and the prediction models. */

/**
 * Deals the rows of each class into k folds: each class's rows are shuffled with `random`
 * (Fisher–Yates) and dealt out in turn, and each class continues the deal where the one before it
 * stopped, so every fold gets nearly the same share of each class and sizes differ by at most one.
 * Rows in no class keep −1.
 */
export function dealFolds(classes: readonly number[][], n: number, k: number, random: () => number): Int32Array {
  const fold = new Int32Array(n).fill(-1);
  let start = 0;
  for (const members of classes) {
    const rows = members.slice();
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    rows.forEach((row, r) => {
      fold[row] = (start + r) % k;
    });
    start = (start + rows.length) % k;
  }
  return fold;
}
