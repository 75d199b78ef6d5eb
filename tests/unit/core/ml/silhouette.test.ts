import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/contract/random';
import { meanSilhouette, pairKernel, pairSums, sampleRows, silhouetteSamples } from '../../../../src/core/ml/silhouette';

/** A straightforward silhouette: for every row, mean distances to each segment, from the definition. */
function reference(points: number[][], labels: number[]): number[] {
  const k = Math.max(...labels) + 1;
  const dist = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, v, c) => s + (v - b[c]) ** 2, 0));
  return points.map((p, i) => {
    const tot = new Array<number>(k).fill(0),
      cnt = new Array<number>(k).fill(0);
    points.forEach((q, j) => {
      if (j !== i) {
        tot[labels[j]] += dist(p, q);
        cnt[labels[j]]++;
      }
    });
    if (cnt[labels[i]] === 0) return 0;
    const a = tot[labels[i]] / cnt[labels[i]];
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== labels[i] && cnt[c] > 0) b = Math.min(b, tot[c] / cnt[c]);
    return (b - a) / Math.max(a, b);
  });
}

function data(n: number, d: number, k: number, seed: number) {
  const rnd = createRandom(seed);
  const points = Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, c) => (i % k) * 3 * (c === 0 ? 1 : 0.5) + rnd() * 4));
  const labels = points.map((_, i) => (i % k === 0 && i % 7 === 0 ? (i + 1) % k : i % k));
  return { points, labels, flat: Float64Array.from(points.flat()), lab: Int32Array.from(labels) };
}

describe('silhouette', () => {
  it('matches the definition row by row (including a segment of one row)', async () => {
    const { points, labels, flat, lab } = data(120, 3, 4, 7);
    labels[5] = 4;
    lab[5] = 4; // a segment of one row scores 0
    const ours = await silhouetteSamples(flat, 120, 3, lab, 5);
    const ref = reference(points, labels);
    ref.forEach((v, i) => expect(ours[i]).toBeCloseTo(v, 10));
    expect(ours[5]).toBe(0);
  });

  it("gives scikit-learn's silhouette_score", async () => {
    const { points, flat, lab } = data(300, 4, 3, 11);
    const ours = await meanSilhouette(flat, 300, 4, lab, 3);
    expect(ours.sampled).toBe(0);
    const refMean = reference(points, Array.from(lab)).reduce((a, b) => a + b, 0) / 300;
    expect(ours.score).toBeCloseTo(refMean, 10);
    if (!existsSync('/usr/bin/python3')) return;
    const py =
      'import sys,json\nfrom sklearn.metrics import silhouette_score\nd=json.load(sys.stdin)\nprint(silhouette_score(d["x"], d["l"]))';
    const r = spawnSync('/usr/bin/python3', ['-c', py], { input: JSON.stringify({ x: points, l: Array.from(lab) }), encoding: 'utf8' });
    if (r.status !== 0) return; // sklearn absent: the reference above still checks the definition
    expect(ours.score).toBeCloseTo(Number(r.stdout.trim()), 10);
  });

  it('estimates on a seeded sample above the limit, the same for the same seed', async () => {
    const { flat, lab } = data(900, 2, 3, 3);
    const exact = await meanSilhouette(flat, 900, 2, lab, 3);
    const a = await meanSilhouette(flat, 900, 2, lab, 3, { sampleSize: 300, random: createRandom(1) });
    const b = await meanSilhouette(flat, 900, 2, lab, 3, { sampleSize: 300, random: createRandom(1) });
    expect(a.sampled).toBe(300);
    expect(a.score).toBe(b.score);
    expect(Math.abs(a.score - exact.score)).toBeLessThan(0.05);
    const rows = sampleRows(900, 300, createRandom(2));
    expect(new Set(rows).size).toBe(300);
  });
});

describe('generated pair loop', () => {
  it.each([1, 2, 5, 16, 33])('adds exactly the same distances as the plain loop (d = %i)', (d) => {
    const n = 300,
      k = 4;
    const rnd = createRandom(d);
    const data = Float64Array.from({ length: n * d }, () => rnd() * 10 - 5);
    const labels = Int32Array.from({ length: n }, () => Math.floor(rnd() * k));
    const plain = new Float64Array(n * k),
      fast = new Float64Array(n * k);
    pairSums(data, labels, n, d, k, 0, n, plain);
    const kernel = pairKernel(d)!;
    kernel(data, labels, n, k, 0, 120, fast);
    kernel(data, labels, n, k, 120, n, fast);
    expect(fast).toEqual(plain);
    expect(plain.some((v) => v > 0)).toBe(true);
  });

  it('is not generated for more than 64 columns (the plain loop runs)', () => {
    expect(pairKernel(65)).toBeNull();
  });
});
