import { afterAll, describe, expect, it } from 'vitest';
import { kmeans, SHARE_ABOVE } from '../../../../src/core/ml/kmeans/fit';
import { BLOCK_ROWS, KMeansShard } from '../../../../src/core/ml/kmeans/shard';
import { shareableFloat64 } from '../../../../src/core/contract/helpers';
import { createRandom } from '../../../../src/core/contract/random';
import { nodeHelpers } from '../../../../workers/node-helpers';

/** n × d Gaussian blobs around k random centres with standard deviation `sd`. */
function blobs(n: number, d: number, k: number, sd: number, seed: number): Float64Array {
  const rnd = createRandom(seed);
  const centres = Float64Array.from({ length: k * d }, () => -10 + 20 * rnd());
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(rnd() * k);
    for (let c = 0; c < d; c++)
      data[i * d + c] = centres[b * d + c] + sd * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  }
  return data;
}

/** Inertia recomputed from the labels alone (the definition). */
function inertiaOf(data: Float64Array, labels: Int32Array, n: number, d: number, k: number): number {
  const sums = new Float64Array(k * d),
    counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    counts[labels[i]]++;
    for (let c = 0; c < d; c++) sums[labels[i] * d + c] += data[i * d + c];
  }
  let s = 0;
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) s += (data[i * d + c] - sums[labels[i] * d + c] / counts[labels[i]]) ** 2;
  return s;
}

describe('k-means split over helper threads', () => {
  const helpers = nodeHelpers(2);
  afterAll(() => helpers.terminate());

  it('gives bit-identical labels, centres and inertia with 0, 1 or 2 helpers (overlapping blobs, 5.3 blocks)', async () => {
    const n = Math.floor(5.3 * BLOCK_ROWS),
      d = 6,
      k = 7;
    const data = blobs(n, d, k, 5, 11);
    const fit = (h?: typeof helpers) => kmeans(data, n, d, { k, random: createRandom(3), helpers: h, shareAbove: 0 });
    const alone = await fit();
    const one = await fit(nodeHelpers(1));
    const two = await fit(helpers);
    expect(helpers.running).toBe(2);
    expect([alone.threads, one.threads, two.threads]).toEqual([1, 2, 3]);
    expect(alone.iterations).toBeGreaterThan(3);
    for (const other of [one, two]) {
      expect(other.labels).toEqual(alone.labels);
      expect(other.centers).toEqual(alone.centers);
      expect(other.inertia).toBe(alone.inertia);
      expect(other.iterations).toBe(alone.iterations);
    }
    expect(alone.inertia).toBeCloseTo(inertiaOf(data, alone.labels, n, d, k), 3);
    // The data given to the helpers was a copy: the caller's matrix is untouched and still usable.
    expect(data.length).toBe(n * d);
  });

  it('lets helpers read rows in shared memory in place, with the same fit as a copy', async () => {
    const n = Math.floor(2.5 * BLOCK_ROWS),
      d = 5,
      k = 6;
    const plain = blobs(n, d, k, 3, 12);
    const shared = shareableFloat64(n * d);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    shared.set(plain);
    const alone = await kmeans(plain, n, d, { k, random: createRandom(5) });
    const viaShared = await kmeans(shared, n, d, { k, random: createRandom(5), helpers, shareAbove: 0 });
    expect(viaShared.threads).toBe(3);
    expect(viaShared.labels).toEqual(alone.labels);
    expect(viaShared.centers).toEqual(alone.centers);
    expect(viaShared.inertia).toBe(alone.inertia);
    // Nothing was moved away from the caller: the shared rows are intact.
    expect(shared).toEqual(plain);
  });

  it('does not start a helper for a table of one block, nor for little work per pass', async () => {
    const pool = nodeHelpers(1);
    const small = blobs(1000, 3, 3, 1, 5);
    const one = await kmeans(small, 1000, 3, { k: 3, random: createRandom(1), helpers: pool, shareAbove: 0 });
    expect(one.sizes.reduce((a, b) => a + b, 0)).toBe(1000);
    // Three blocks of one column, k = 3: 0.6 M < SHARE_ABOVE, so this thread alone.
    const n = 3 * BLOCK_ROWS;
    const narrow = await kmeans(blobs(n, 1, 3, 1, 6), n, 1, { k: 3, random: createRandom(1), helpers: pool });
    expect(n * 3).toBeLessThan(SHARE_ABOVE);
    expect([one.threads, narrow.threads]).toEqual([1, 1]);
    expect(pool.running).toBe(0);
  });

  it('refills an emptied segment with the farthest row, the same way with helpers', async () => {
    // A starting centre far from every row empties at once and must take the farthest row.
    const n = 2 * BLOCK_ROWS + 10,
      d = 2,
      k = 4;
    const data = blobs(n, d, 3, 1, 9);
    const init = new Float64Array(k * d);
    for (let j = 0; j < 3; j++) init.set(data.subarray(j * 997 * d, j * 997 * d + d), j * d);
    init.set([1e6, 1e6], 3 * d);
    const alone = await kmeans(data, n, d, { k, random: createRandom(2), init });
    const shared = await kmeans(data, n, d, { k, random: createRandom(2), init, helpers, shareAbove: 0 });
    expect(alone.relocations).toBeGreaterThan(0);
    expect(shared.relocations).toBe(alone.relocations);
    expect(shared.labels).toEqual(alone.labels);
    expect(shared.inertia).toBe(alone.inertia);
    expect(Array.from(alone.sizes).every((s) => s > 0)).toBe(true);
    expect(alone.inertia).toBeCloseTo(inertiaOf(data, alone.labels, n, d, k), 3);
  });

  it('says in plain words when there are fewer different rows than segments, with helpers too', async () => {
    const n = 2 * BLOCK_ROWS,
      d = 2;
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) data[i * d] = i % 3;
    await expect(kmeans(data, n, d, { k: 5, random: createRandom(1), helpers, shareAbove: 0 })).rejects.toThrow(
      /only 3 different combinations/,
    );
  });
});

describe('generated k-means loops', () => {
  it.each([
    { d: 16, k: 8, sd: 6 },
    { d: 5, k: 3, sd: 2 },
    { d: 7, k: 13, sd: 4 },
    { d: 1, k: 2, sd: 1 },
  ])('give bit-identical fits to the generic loops (d = $d, k = $k)', async ({ d, k, sd }) => {
    const n = 40_000;
    const data = blobs(n, d, k, sd, 100 + d + k);
    const fast = await kmeans(data, n, d, { k, random: createRandom(7) });
    const plain = await kmeans(data, n, d, { k, random: createRandom(7), generic: true });
    expect(fast.iterations).toBeGreaterThan(1);
    expect(fast.labels).toEqual(plain.labels);
    expect(fast.centers).toEqual(plain.centers);
    expect(fast.inertia).toBe(plain.inertia);
    expect(fast.iterations).toBe(plain.iterations);
  });

  it('falls back to the generic loops for very wide tables (d = 80) with the same kind of result', async () => {
    const n = 3000,
      d = 80,
      k = 4;
    const data = blobs(n, d, k, 1, 5);
    const fit = await kmeans(data, n, d, { k, random: createRandom(1) });
    const plain = await kmeans(data, n, d, { k, random: createRandom(1), generic: true });
    expect(fit.labels).toEqual(plain.labels);
    expect(fit.inertia).toBeCloseTo(inertiaOf(data, fit.labels, n, d, k), 3);
  });
});

describe('k-means++ seeding', () => {
  it("leaves lower bounds that never exceed a row's distance to its second nearest centre", () => {
    const n = 20_000,
      d = 4,
      k = 6,
      trials = 3;
    const data = blobs(n, d, k, 1.5, 31);
    const shard = new KMeansShard(data, n, d, k);
    const rnd = createRandom(9);
    const pick = () => Math.floor(rnd() * n);
    const centres = new Float64Array(k * d);
    centres.set(data.subarray(0, d), 0);
    shard.seedStart(centres.slice(0, d));
    for (let c = 1; c < k; c++) {
      const rows = [pick(), pick(), pick()];
      const cand = new Float64Array(trials * d),
        candT = new Float64Array(trials * d);
      rows.forEach((r, t) => cand.set(data.subarray(r * d, r * d + d), t * d));
      for (let t = 0; t < trials; t++) for (let q = 0; q < d; q++) candT[q * trials + t] = cand[t * d + q];
      const gap = new Float64Array(c * trials);
      for (let j = 0; j < c; j++)
        for (let t = 0; t < trials; t++) {
          let s = 0;
          for (let q = 0; q < d; q++) s += (centres[j * d + q] - cand[t * d + q]) ** 2;
          gap[j * trials + t] = 0.25 * s;
        }
      shard.seedPass(cand, candT, gap, trials);
      shard.seedCommit(c % trials, c, trials);
      centres.set(cand.subarray((c % trials) * d, (c % trials) * d + d), c * d);
    }
    shard.lloydStart();
    const { labels, upper, lower } = shard as unknown as { labels: Int32Array; upper: Float64Array; lower: Float64Array };
    let tight = 0;
    for (let i = 0; i < n; i++) {
      const dist = Array.from({ length: k }, (_, j) => {
        let s = 0;
        for (let q = 0; q < d; q++) s += (data[i * d + q] - centres[j * d + q]) ** 2;
        return Math.sqrt(s);
      });
      const own = labels[i];
      expect(dist[own]).toBe(Math.min(...dist));
      expect(upper[i]).toBeCloseTo(dist[own], 9);
      const second = Math.min(...dist.filter((_, j) => j !== own));
      expect(lower[i]).toBeLessThanOrEqual(second * (1 + 1e-12));
      expect(lower[i]).toBeGreaterThanOrEqual(upper[i] * (1 - 1e-6));
      if (lower[i] > 0.5 * second) tight++;
    }
    // Useful bounds, not just valid ones (0 would be valid): most rows keep more than half.
    expect(tight / n).toBeGreaterThan(0.8);
  });
});

describe('a helper thread that dies mid-fit', () => {
  it('does not hang the fit: it is redone in this thread with the same result', async () => {
    const n = 3 * BLOCK_ROWS,
      d = 4,
      k = 5;
    const data = blobs(n, d, k, 3, 21);
    const alone = await kmeans(data, n, d, { k, random: createRandom(4) });
    const pool = nodeHelpers(1);
    let killed = false;
    const fit = await kmeans(data, n, d, {
      k,
      random: createRandom(4),
      helpers: pool,
      shareAbove: 0,
      // Kill the helper while the seeding is under way.
      progress: (f) => {
        if (!killed && f > 0.1) {
          killed = true;
          pool.terminate();
        }
      },
    });
    expect(killed).toBe(true);
    expect(fit.threads).toBe(1);
    expect(fit.labels).toEqual(alone.labels);
    expect(fit.inertia).toBe(alone.inertia);
    expect(pool.running).toBe(0);
    // The pool starts a new helper for the next task.
    const again = await kmeans(data, n, d, { k, random: createRandom(4), helpers: pool, shareAbove: 0 });
    expect(pool.running).toBe(1);
    expect(again.threads).toBe(2);
    expect(again.labels).toEqual(alone.labels);
    pool.terminate();
  });
});
