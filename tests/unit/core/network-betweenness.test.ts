import Graph from 'graphology';
import exactBetweenness from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { betweenness, sampleSources, toCsr } from '../../../src/core/network/betweenness';
import { createRandom } from '../../../src/core/contract/random';

/** A random directed graph of n people with about m distinct links, no self-loops. */
function randomGraph(n: number, m: number, seed: number) {
  const rng = createRandom(seed);
  const seen = new Set<number>();
  const s: number[] = [],
    t: number[] = [];
  while (s.length < m) {
    const a = Math.floor(rng() * n),
      b = Math.floor(rng() * n);
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    s.push(a);
    t.push(b);
  }
  return { source: Int32Array.from(s), target: Int32Array.from(t) };
}

describe('sampled betweenness', () => {
  it('from every source equals graphology-metrics exact betweenness', async () => {
    const n = 300;
    const { source, target } = randomGraph(n, 1200, 5);
    const g = new Graph({ type: 'directed' });
    for (let i = 0; i < n; i++) g.addNode(String(i));
    source.forEach((a, e) => g.addDirectedEdge(String(a), String(target[e])));
    const exact = exactBetweenness(g, { normalized: true });
    const ours = await betweenness(toCsr(n, source, target), sampleSources(n, n, createRandom(1)));
    for (let i = 0; i < n; i++) expect(ours[i]).toBeCloseTo(exact[String(i)], 12);
  });

  it('from a seeded sample ranks the top brokers like the exact value', async () => {
    const n = 600;
    const { source, target } = randomGraph(n, 2400, 9);
    const csr = toCsr(n, source, target);
    const exact = await betweenness(csr, sampleSources(n, n, createRandom(1)));
    const a = await betweenness(csr, sampleSources(n, 200, createRandom(7)));
    const b = await betweenness(csr, sampleSources(n, 200, createRandom(7)));
    expect(Array.from(a)).toEqual(Array.from(b));
    // Estimates are unbiased: the totals agree within 10 %, and the top-20 sets overlap mostly.
    const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum(a) / sum(exact) - 1)).toBeLessThan(0.1);
    const top = (x: Float64Array) =>
      new Set(
        Array.from(x.keys())
          .sort((i, j) => x[j] - x[i])
          .slice(0, 20),
      );
    const te = top(exact),
      ta = top(a);
    expect([...ta].filter((i) => te.has(i)).length).toBeGreaterThanOrEqual(12);
  });
});
