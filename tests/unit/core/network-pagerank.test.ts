/** Our edge-list PageRank against graphology-metrics' (the oracle) on random weighted graphs with people without out-links. */
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/contract/random';
import { pageRank } from '../../../src/core/network/pagerank';

describe('pageRank', () => {
  it('equals graphology-metrics pagerank within 1e-12 per person', () => {
    for (const [n, m, seed] of [
      [50, 120, 1],
      [800, 5000, 2],
    ]) {
      const rng = createRandom(seed);
      const pairs = new Map<number, number>();
      for (let e = 0; e < m; e++) {
        const s = Math.floor(rng() * n * 0.8); // the last fifth never link out (dangling)
        const t = Math.floor(rng() ** 2 * n);
        if (s !== t) pairs.set(s * n + t, (pairs.get(s * n + t) ?? 0) + 1 + Math.floor(rng() * 3));
      }
      const source = Int32Array.from(pairs.keys(), (k) => Math.floor(k / n));
      const target = Int32Array.from(pairs.keys(), (k) => k % n);
      const weight = Float64Array.from(pairs.values());
      const g = new Graph({ type: 'directed' });
      for (let v = 0; v < n; v++) g.addNode(String(v));
      source.forEach((s, e) => g.addDirectedEdge(String(s), String(target[e]), { weight: weight[e] }));
      const ref = pagerank(g, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 100, tolerance: 1e-6 });
      const ours = pageRank(n, source, target, weight);
      expect(ours.converged).toBe(true);
      let worst = 0;
      for (let v = 0; v < n; v++) worst = Math.max(worst, Math.abs(ours.ranks[v] - ref[String(v)]));
      expect(worst).toBeLessThan(1e-12);
      expect(ours.ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    }
  });

  it('says when it has not settled within the rounds allowed', () => {
    const r = pageRank(3, Int32Array.from([0, 1, 2]), Int32Array.from([1, 2, 0]), Float64Array.from([1, 1, 1]), {
      maxRounds: 1,
      tolerance: 0,
    });
    expect(r.converged).toBe(false);
    expect(r.rounds).toBe(1);
  });
});
