/**
 * k-means on a flat row-major Float64Array (n rows × d columns): greedy k-means++ seeding
 * (as scikit-learn: 2 + ⌊ln k⌋ candidates per centre, keep the one that lowers the total most)
 * and Lloyd iterations accelerated with Hamerly's bounds, so that points that cannot change
 * segment are skipped without computing any distance. No row objects, no allocation in loops.
 *
 * The rows are cut into shards (`kmeans-shard.ts`) that do every pass over rows; this thread
 * keeps shard 0 and gives the others to helper threads when the host has some. Sums come back
 * per fixed block of rows and are added in block order, so the result does not depend on how
 * many threads took part.
 */
import { NodeError } from '../../contract/errors';
import { HelperLostError, type HelperPort, type Helpers } from '../../contract/helpers';
import { BLOCK_ROWS, KMeansShard, type ShardCall, type ShardMethod, type ShardOpen } from './shard';
import { sqDist, sqDistTo } from '../distance';
import type { Random } from '../../contract/random';
import type { Text } from '../../contract/i18n';
import { say } from '../../contract/format';

export interface KMeansOptions {
  k: number;
  /** Uniform random numbers in [0, 1) (seeded, for determinism). */
  random: Random;
  /** Most Lloyd iterations (default 300). */
  maxIterations?: number;
  /** Relative tolerance on the squared centre shift, as scikit-learn's `tol` (default 1e-4). */
  tolerance?: number;
  /** Called between steps with the fraction done; await-ed, so it may throw to cancel. */
  progress?: (fraction: number, message: Text) => Promise<void> | void;
  /** Starting centres (k × d) instead of k-means++ (as scikit-learn's `init=array`). */
  init?: Float64Array;
  /** Use the plain loops instead of the generated, unrolled ones (same result; for tests). */
  generic?: boolean;
  /** Helper threads to share the rows with (same result, less time). */
  helpers?: Helpers;
  /**
   * Share the rows only when rows × columns × k reaches this (default `SHARE_ABOVE`): below it
   * the messages between threads cost about what they save.
   */
  shareAbove?: number;
}

export interface KMeansFit {
  k: number;
  /** Segment of every row, 0..k-1. */
  labels: Int32Array;
  /** k × d centres (the means of their rows), row-major. */
  centers: Float64Array;
  sizes: Int32Array;
  /** Within-segment sum of squared distances to the centre, per segment. */
  clusterInertia: Float64Array;
  /** Sum of `clusterInertia`. */
  inertia: number;
  iterations: number;
  /** True when labels stopped changing or the centres moved less than the tolerance. */
  converged: boolean;
  /** How many times an empty segment took the row farthest from its centre. */
  relocations: number;
  /** Threads that computed the fit (this one and helpers). */
  threads: number;
}

/** Too few different rows for k segments. */
function tooFewDistinct(found: number, k: number): NodeError {
  if (found <= 1) {
    return new NodeError({
      en: 'All rows are identical in the chosen columns, so there is nothing to segment. Choose columns whose values differ between rows, or check the steps before this one.',
      vi: 'Mọi dòng đều giống hệt nhau ở các cột đã chọn, nên không có gì để phân khúc. Hãy chọn các cột có giá trị khác nhau giữa các dòng, hoặc kiểm tra các bước trước.',
    });
  }
  return new NodeError({
    en: `The chosen columns have only ${found} different combinations of values, so they cannot be split into ${k} segments. Lower the number of segments to ${found} or fewer, or choose more columns.`,
    vi: `Các cột đã chọn chỉ có ${found} tổ hợp giá trị khác nhau, nên không thể chia thành ${k} phân khúc. Hãy giảm số phân khúc xuống ${found} hoặc ít hơn, hoặc chọn thêm cột.`,
  });
}

/**
 * Work per Lloyd pass (rows × columns × k) from which helpers pay off, measured on 2 cores:
 * 300k × 1 × 5 was 20% slower shared, 300k × 4 × 5 even, 300k × 8 × 5 and 1M × 2 × 5 25% faster.
 */
export const SHARE_ABOVE = 8_000_000;

/** Shards of one fit: shard 0 in this thread, the others in helpers. */
class ShardSet {
  private static nextId = 1;
  readonly local: KMeansShard;
  /** First global block of every shard, and one past the last. */
  readonly firstBlock: number[];
  private readonly remotes: { port: HelperPort; id: number }[] = [];

  private constructor(local: KMeansShard, firstBlock: number[]) {
    this.local = local;
    this.firstBlock = firstBlock;
  }

  static async open(data: Float64Array, n: number, d: number, k: number, ports: HelperPort[], generic: boolean): Promise<ShardSet> {
    const blocks = Math.ceil(n / BLOCK_ROWS);
    const count = Math.max(1, Math.min(1 + ports.length, blocks));
    const firstBlock = Array.from({ length: count + 1 }, (_, s) => Math.floor((s * blocks) / count));
    const rowsOf = (s: number) => Math.min(n, firstBlock[s + 1] * BLOCK_ROWS) - firstBlock[s] * BLOCK_ROWS;
    const set = new ShardSet(new KMeansShard(data.subarray(0, rowsOf(0) * d), rowsOf(0), d, k, generic), firstBlock);
    const opening: Promise<void>[] = [];
    for (let s = 1; s < count; s++) {
      const id = ShardSet.nextId++;
      const from = firstBlock[s] * BLOCK_ROWS,
        rows = rowsOf(s);
      set.remotes.push({ port: ports[s - 1], id });
      // Rows in shared memory are only viewed by the helper; others are copied and moved to it.
      const shared = isShared(data);
      const part = shared ? data.subarray(from * d, (from + rows) * d) : data.slice(from * d, (from + rows) * d);
      opening.push(
        ports[s - 1].call<void>('kmeans.open', { id, data: part, rows, d, k, generic } satisfies ShardOpen, shared ? [] : [part.buffer]),
      );
    }
    try {
      await Promise.all(opening);
    } catch (error) {
      await set.close();
      throw error;
    }
    return set;
  }

  get count(): number {
    return this.remotes.length + 1;
  }

  /**
   * Calls `method` on every shard (helpers first, so they work while this thread does shard 0);
   * answers in shard order. `args` may differ per shard.
   */
  async each(method: ShardMethod, args: unknown[] | ((s: number) => unknown[]) = []): Promise<Float64Array[]> {
    const argsOf = typeof args === 'function' ? args : () => args;
    const pending = this.remotes.map((r, i) =>
      r.port.call<Float64Array | Int32Array>('kmeans.call', { id: r.id, method, args: argsOf(i + 1) } satisfies ShardCall),
    );
    let local: Float64Array | Int32Array;
    try {
      local = (this.local[method] as (...a: unknown[]) => Float64Array | Int32Array)(...argsOf(0));
    } finally {
      // Settle every helper's answer before going on, so that none fails later unobserved.
      await Promise.allSettled(pending);
    }
    return [local, ...(await Promise.all(pending))] as Float64Array[];
  }

  /** Calls `method` on shard `s` only. */
  async one(s: number, method: ShardMethod, args: unknown[]): Promise<Float64Array> {
    if (s === 0) return (this.local[method] as (...a: unknown[]) => Float64Array)(...args);
    const r = this.remotes[s - 1];
    return r.port.call<Float64Array>('kmeans.call', { id: r.id, method, args } satisfies ShardCall);
  }

  /** The shard holding global block `b`. */
  shardOf(b: number): number {
    let s = 0;
    while (this.firstBlock[s + 1] <= b) s++;
    return s;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.remotes.map((r) => r.port.call('kmeans.close', { id: r.id })));
  }
}

/** Whether `data` lives in memory shared with helper threads (they can then read it in place). */
function isShared(data: Float64Array): boolean {
  return typeof SharedArrayBuffer === 'function' && data.buffer instanceof SharedArrayBuffer;
}

/** Per-block answers of every shard, one after another in block order. */
function concat(parts: Float64Array[], tail = 0): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length - tail, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p.subarray(0, p.length - tail), o);
    o += p.length - tail;
  }
  return out;
}

/** Adds per-block rows of `width` numbers into `into`, block by block (the fixed summation order). */
function addBlocks(into: Float64Array, blocks: Float64Array, width: number): void {
  for (let o = 0; o < blocks.length; o += width) for (let c = 0; c < width; c++) into[c] += blocks[o + c];
}

/** k-means on `data` (n × d, row-major, no missing values). */
export async function kmeans(data: Float64Array, n: number, d: number, options: KMeansOptions): Promise<KMeansFit> {
  const { k, random } = options;
  const maxIterations = options.maxIterations ?? 300;
  const report = options.progress;
  if (k > n) throw new Error(`k (${k}) is larger than the number of rows (${n})`);
  const blocks = Math.ceil(n / BLOCK_ROWS);
  const share = options.helpers && options.helpers.size > 0 && blocks > 1 && n * d * k >= (options.shareAbove ?? SHARE_ABOVE);
  const lease = share ? await options.helpers!.acquire(blocks - 1) : null;
  // Every random number the seeding needs, drawn now: a retry then makes the same choices.
  const trials = 2 + Math.floor(Math.log(k));
  const draws = options.init ? new Float64Array(0) : Float64Array.from({ length: 1 + (k - 1) * trials }, () => random());
  let shards: ShardSet | null = null;
  try {
    shards = await ShardSet.open(data, n, d, k, lease?.ports ?? [], options.generic ?? false);
    return await fit(shards);
  } catch (error) {
    // A helper died mid-fit: do it again in this thread alone, which gives the same result.
    if (!(error instanceof HelperLostError) || !lease) throw error;
    await shards?.close(); // frees the rows the other helpers still hold
    shards = await ShardSet.open(data, n, d, k, [], options.generic ?? false);
    return await fit(shards);
  } finally {
    await shards?.close();
    lease?.release();
  }

  async function fit(shards: ShardSet): Promise<KMeansFit> {
    const started = { tol: 0 };
    const centers0 = options.init ? await assignTo(shards, options.init, started) : await seed(shards, started);
    return lloyd(shards, centers0, started.tol);
  }

  /**
   * The first seeding pass (every row's squared distance to the first centre, with the data's
   * moments about it): sets `started.tol` and returns each block's sum of distances.
   */
  async function seedStart(shards: ShardSet, first: Float64Array, started: { tol: number }): Promise<Float64Array> {
    const width = 1 + 2 * d;
    const parts = concat(await shards.each('seedStart', [first]));
    const pots = new Float64Array(blocks);
    const moments = new Float64Array(2 * d);
    for (let b = 0; b < blocks; b++) {
      pots[b] = parts[b * width];
      for (let c = 0; c < 2 * d; c++) moments[c] += parts[b * width + 1 + c];
    }
    // scikit-learn's tolerance is relative to the mean variance of the columns.
    let variance = 0;
    for (let c = 0; c < d; c++) variance += Math.max(0, moments[d + c] / n - (moments[c] / n) ** 2);
    started.tol = (options.tolerance ?? 1e-4) * (d ? variance / d : 0);
    return pots;
  }

  /**
   * Greedy k-means++ seeding (Arthur & Vassilvitskii; the greedy variant of scikit-learn): each
   * new centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ squared distance.
   */
  async function seed(shards: ShardSet, started: { tol: number }): Promise<Float64Array> {
    const centers = new Float64Array(k * d);
    let drawn = 0;
    const first = Math.min(n - 1, Math.floor(draws[drawn++] * n));
    centers.set(data.subarray(first * d, first * d + d), 0);
    let pots = await seedStart(shards, centers.slice(0, d), started);
    const candidateRows = new Float64Array(trials * d);
    const candidatesT = new Float64Array(trials * d);
    const totals = new Float64Array(trials);
    for (let c = 1; c < k; c++) {
      let acc = 0;
      for (let b = 0; b < blocks; b++) acc += pots[b];
      if (!(acc > 0)) throw tooFewDistinct(c, k);
      // Draw the candidates: a global running sum picks the block, the shard finds the row.
      const requests: number[][] = Array.from({ length: shards.count }, () => []);
      const slots: number[][] = Array.from({ length: shards.count }, () => []);
      for (let t = 0; t < trials; t++) {
        const r = draws[drawn++] * acc;
        let b = 0,
          before = 0;
        let lastFull = -1;
        for (; b < blocks; b++) {
          if (pots[b] > 0) lastFull = b;
          if (pots[b] > 0 && before + pots[b] >= r) break;
          before += pots[b];
        }
        if (b === blocks) {
          b = lastFull;
          before -= pots[b];
        }
        const s = shards.shardOf(b);
        requests[s].push(b - shards.firstBlock[s], r - before);
        slots[s].push(t);
      }
      await Promise.all(
        requests.map(async (req, s) => {
          if (!req.length) return;
          const rowsOut = await shards.one(s, 'pick', [Float64Array.from(req)]);
          slots[s].forEach((t, q) => candidateRows.set(rowsOut.subarray(q * d, q * d + d), t * d));
        }),
      );
      const gap = new Float64Array(c * trials);
      for (let t = 0; t < trials; t++) {
        for (let q = 0; q < d; q++) candidatesT[q * trials + t] = candidateRows[t * d + q];
        for (let j = 0; j < c; j++) gap[j * trials + t] = 0.25 * sqDistTo(centers, j * d, candidateRows, t * d, d);
      }
      totals.fill(0);
      addBlocks(totals, concat(await shards.each('seedPass', [candidateRows, candidatesT, gap, trials])), trials);
      let best = 0;
      for (let t = 1; t < trials; t++) if (totals[t] < totals[best]) best = t;
      pots = concat(await shards.each('seedCommit', [best, c, trials]));
      centers.set(candidateRows.subarray(best * d, best * d + d), c * d);
      if (report) await report((0.3 * c) / k, { en: 'choosing starting centres', vi: 'đang chọn các tâm ban đầu' });
    }
    return centers;
  }

  /** Assigns every row to the nearest of the given centres (the seeding passes with one candidate each). */
  async function assignTo(shards: ShardSet, init: Float64Array, started: { tol: number }): Promise<Float64Array> {
    if (init.length !== k * d) throw new Error(`init has ${init.length} numbers, not k × d = ${k * d}`);
    const centers = init.slice();
    await seedStart(shards, centers.slice(0, d), started);
    for (let c = 1; c < k; c++) {
      const candidate = centers.slice(c * d, c * d + d);
      const gap = new Float64Array(c);
      for (let j = 0; j < c; j++) gap[j] = 0.25 * sqDistTo(centers, j * d, candidate, 0, d);
      await shards.each('seedPass', [candidate, candidate, gap, 1]);
      await shards.each('seedCommit', [0, c, 1]);
    }
    return centers;
  }

  /** Lloyd iterations from the seeded centres (the seeding already assigned every row). */
  async function lloyd(shards: ShardSet, seeded: Float64Array, tol: number): Promise<KMeansFit> {
    const width = k * d + k;
    let centers: Float64Array = seeded;
    let next: Float64Array = new Float64Array(k * d);
    const acc = new Float64Array(width); // segment sums (k × d), then counts (k)
    addBlocks(acc, concat(await shards.each('lloydStart')), width);
    const sums = acc.subarray(0, k * d),
      counts = acc.subarray(k * d);
    const moves = new Float64Array(k);
    const half = new Float64Array(k);
    const transposed = new Float64Array(k * d);
    // Share of rows whose bounds failed in the last pass: when most fail, tightening the upper
    // bound first (one distance) rarely saves the other k, so go straight to all k. The first
    // pass tightens: its upper bounds (distance to the seed + the move) are loose, while the
    // exact distance to the new centre usually proves the row settled.
    let failed = 0;
    let relocations = 0;
    let iterations = 0;
    let converged = false;
    while (iterations < maxIterations) {
      iterations++;
      // Move the centres to the means; an empty segment takes the row farthest from its centre.
      for (let j = 0; j < k; j++) {
        if (counts[j] === 0) await relocate(j);
      }
      let shift = 0;
      for (let j = 0; j < k; j++) {
        const cb = j * d;
        let m = 0;
        for (let c = 0; c < d; c++) {
          const v = sums[cb + c] / counts[j];
          const u = v - centers[cb + c];
          m += u * u;
          next[cb + c] = v;
        }
        shift += m;
        moves[j] = Math.sqrt(m);
      }
      const swap = centers;
      centers = next;
      next = swap;
      if (shift <= tol) converged = true;

      // Half the distance from each centre to its nearest other centre.
      half.fill(Infinity);
      for (let j = 0; j < k; j++) {
        for (let l = j + 1; l < k; l++) {
          const h = 0.5 * Math.sqrt(sqDist(centers, j, centers, l, d));
          if (h < half[j]) half[j] = h;
          if (h < half[l]) half[l] = h;
        }
      }
      for (let j = 0; j < k; j++) for (let q = 0; q < d; q++) transposed[q * k + j] = centers[j * d + q];
      // Bounds follow the moves: the largest move (or the second largest for its own segment).
      let r1 = 0,
        r2 = -1;
      for (let j = 1; j < k; j++) {
        if (moves[j] > moves[r1]) {
          r2 = r1;
          r1 = j;
        } else if (r2 < 0 || moves[j] > moves[r2]) r2 = j;
      }
      const m1 = moves[r1],
        m2 = r2 < 0 ? 0 : moves[r2];

      const parts = await shards.each('assign', [centers, transposed, moves, half, r1, m1, m2, failed < 0.5]);
      let changed = 0,
        checked = 0;
      for (const p of parts) {
        changed += p[p.length - 2];
        checked += p[p.length - 1];
      }
      addBlocks(acc, concat(parts, 2), width);
      failed = checked / n;
      if (report)
        await report(
          0.3 + 0.65 * Math.min(1, iterations / Math.min(maxIterations, 50)),
          say(
            (f) => `iteration ${iterations}: ${f.count(changed, 'row', 'rows')} changed segment`,
            (f) => `vòng ${iterations}: ${f.int(changed)} dòng đổi phân khúc`,
          ),
        );
      if (changed === 0) {
        converged = true;
        break;
      }
      if (converged) break;
    }

    // Exact centres (means of the final segments) and within-segment sums of squares, in one
    // pass: the squares are summed about the last centres c, then moved to the means m
    // (Σ|x − m|² = Σ|x − c|² − n·|m − c|²; c is next to m, so the correction is tiny).
    const last = new Float64Array(width + k);
    addBlocks(last, concat(await shards.each('finish', [centers])), width + k);
    const sizes = new Int32Array(k);
    const clusterInertia = new Float64Array(k);
    let inertia = 0;
    for (let j = 0; j < k; j++) {
      const cb = j * d,
        size = last[k * d + j];
      sizes[j] = size;
      let off = 0;
      for (let c = 0; c < d; c++) {
        if (size === 0) continue;
        const m = last[cb + c] / size;
        const u = m - centers[cb + c];
        off += u * u;
        centers[cb + c] = m;
      }
      clusterInertia[j] = Math.max(0, last[width + j] - size * off);
      inertia += clusterInertia[j];
    }
    const labels = new Int32Array(n);
    let o = 0;
    for (const part of await shards.each('labelsCopy')) {
      labels.set(part, o);
      o += part.length;
    }
    return { k, labels, centers, sizes, clusterInertia, inertia, iterations, converged, relocations, threads: shards.count };

    /** Gives empty segment `j` the row farthest from its own centre (in a segment of 2+ rows). */
    async function relocate(j: number): Promise<void> {
      relocations++;
      const far = concat(await shards.each('farthest', [centers, counts]));
      let farBlock = -1,
        farDist = -1;
      for (let b = 0; b < blocks; b++)
        if (far[2 * b] > farDist) {
          farDist = far[2 * b];
          farBlock = b;
        }
      if (farBlock < 0 || farDist === 0) throw tooFewDistinct(j, k);
      const owner = shards.shardOf(farBlock);
      const localRow = far[2 * farBlock + 1]; // the shard's own row number
      const moved = (await shards.each('relocate', (s) => [s === owner ? localRow : -1, j]))[owner];
      const a = moved[0];
      const sa = a * d,
        sj = j * d;
      for (let c = 0; c < d; c++) {
        const v = moved[1 + c];
        sums[sa + c] -= v;
        sums[sj + c] += v;
        centers[sj + c] = v;
      }
      counts[a]--;
      counts[j]++;
    }
  }
}
