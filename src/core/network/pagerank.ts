/**
 * PageRank of a weighted directed edge list, by networkx's definition (the reference of the
 * tests): start at 1/n; each round every person passes `alpha` of their rank along their out-links
 * in proportion to the links' weights, people without out-links spread theirs evenly over everyone,
 * and everyone gets (1 − alpha)/n; stop when the L1 change is below n · tolerance.
 * One pass over the edge arrays per round (graphology's version, kept as the test oracle, walks
 * its node objects and took 40 s on a million links).
 */
export interface PageRankResult {
  ranks: Float64Array;
  rounds: number;
  converged: boolean;
}

export function pageRank(
  n: number,
  source: Int32Array,
  target: Int32Array,
  weight: Float64Array,
  options: { alpha?: number; tolerance?: number; maxRounds?: number } = {},
): PageRankResult {
  const alpha = options.alpha ?? 0.85,
    tolerance = options.tolerance ?? 1e-6,
    maxRounds = options.maxRounds ?? 100;
  const out = new Float64Array(n);
  for (let e = 0; e < source.length; e++) out[source[e]] += weight[e];
  const share = new Float64Array(source.length);
  for (let e = 0; e < source.length; e++) share[e] = weight[e] / out[source[e]];
  let x = new Float64Array(n).fill(1 / n),
    next = new Float64Array(n);
  for (let round = 1; round <= maxRounds; round++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (out[v] === 0) dangling += x[v];
    next.fill((alpha * dangling + (1 - alpha)) / n);
    for (let e = 0; e < source.length; e++) next[target[e]] += alpha * x[source[e]] * share[e];
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v] - x[v]);
    [x, next] = [next, x];
    if (change < n * tolerance) return { ranks: x, rounds: round, converged: true };
  }
  return { ranks: x, rounds: maxRounds, converged: false };
}
