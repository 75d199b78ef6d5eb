/**
 * One shard of a k-means fit: a contiguous range of rows, cut into fixed blocks of `BLOCK_ROWS`.
 * Every pass over rows (seeding candidates, Lloyd assignment with Hamerly's bounds, final sums)
 * runs here and returns its partial sums *per block*; the fit adds them in block order. The
 * blocks, not the shards, fix the order of floating-point sums, so a fit gives bit-identical
 * results whether one thread holds every block or several threads share them.
 *
 * Methods take and return only numbers and typed arrays (fresh arrays, never views of the
 * shard's state), so a shard can live in another worker and answer through `postMessage`.
 */
import { distancesT, sqDist, sqDistTo } from '../distance';
import { transferring, type KernelSet } from '../../contract/helpers';
import { assignKernel, seedKernel, skippedBound, type AssignKernel } from './kernels';

/** Rows per block: the unit of work and of summation order. */
export const BLOCK_ROWS = 65_536;

export class KMeansShard {
  readonly blocks: number;
  /** Squared distance of each row to its nearest centre while seeding. */
  private closest: Float64Array;
  /**
   * While seeding, a lower bound of the squared distance of each row to its second nearest
   * centre (exact where it was computed); it becomes Lloyd's first lower bound, so the first
   * assignment skips the rows the seeding already proved settled instead of comparing every row
   * with all k centres.
   */
  private second: Float64Array;
  /** Segment (nearest centre) of each row. */
  private readonly labels: Int32Array;
  /** Running sums of `closest` inside each block, for sampling rows ∝ squared distance. */
  private cumsum: Float64Array;
  /** Per row × candidate: squared distance to the nearest of (chosen centres + that candidate). */
  private mins = new Float64Array(0);
  /** Hamerly's bounds: distance to the own centre (upper) and to the second nearest (lower). */
  private upper: Float64Array = new Float64Array(0);
  private lower: Float64Array = new Float64Array(0);

  /** The generated assignment loop for this k and d (null: the generic loop). */
  private readonly assignFast: AssignKernel | null;

  /** `generic`: use the plain loops, not the generated ones (the tests' oracle). */
  constructor(
    private readonly data: Float64Array<ArrayBufferLike>,
    readonly rows: number,
    private readonly d: number,
    private readonly k: number,
    private readonly generic = false,
  ) {
    this.blocks = Math.ceil(rows / BLOCK_ROWS);
    this.assignFast = generic ? null : assignKernel(k, d);
    this.closest = new Float64Array(rows);
    this.second = new Float64Array(rows);
    this.labels = new Int32Array(rows);
    this.cumsum = new Float64Array(rows);
  }

  private end(b: number): number {
    return Math.min(this.rows, (b + 1) * BLOCK_ROWS);
  }

  /** Running sums of `closest` per block; returns each block's total. */
  private blockPots(): Float64Array {
    const pots = new Float64Array(this.blocks);
    for (let b = 0; b < this.blocks; b++) {
      let acc = 0;
      for (let i = b * BLOCK_ROWS, e = this.end(b); i < e; i++) {
        acc += this.closest[i];
        this.cumsum[i] = acc;
      }
      pots[b] = acc;
    }
    return pots;
  }

  /**
   * Seeding, first centre: every row's squared distance to it. Returns, per block, the sum of
   * those distances, then the sums of (row − centre) and of its squares per column (2 × d, for
   * the data's variance, in the same pass).
   */
  seedStart(center: Float64Array): Float64Array {
    const { data, d, closest } = this;
    const width = 1 + 2 * d;
    const out = new Float64Array(this.blocks * width);
    for (let b = 0; b < this.blocks; b++) {
      const o = b * width + 1;
      for (let i = b * BLOCK_ROWS, e = this.end(b), p = i * d; i < e; i++) {
        closest[i] = sqDistTo(data, p, center, 0, d);
        for (let c = 0; c < d; c++, p++) {
          const t = data[p] - center[c];
          out[o + c] += t;
          out[o + d + c] += t * t;
        }
      }
    }
    const pots = this.blockPots();
    for (let b = 0; b < this.blocks; b++) out[b * width] = pots[b];
    this.second.fill(Infinity);
    this.labels.fill(0);
    return out;
  }

  /**
   * Rows drawn ∝ squared distance: for each pair (block, r) of `requests`, the first row of the
   * block whose running sum reaches r (numpy's searchsorted, side left), moved off rows already
   * chosen as centres. Returns the rows one after another.
   */
  pick(requests: Float64Array): Float64Array {
    const { data, d, closest, cumsum } = this;
    const count = requests.length / 2;
    const out = new Float64Array(count * d);
    for (let q = 0; q < count; q++) {
      const b = requests[2 * q],
        r = requests[2 * q + 1];
      const start = b * BLOCK_ROWS,
        last = this.end(b) - 1;
      let lo = start,
        hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumsum[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      while (lo < last && closest[lo] === 0) lo++;
      while (lo > start && closest[lo] === 0) lo--;
      out.set(data.subarray(lo * d, lo * d + d), q * d);
    }
    return out;
  }

  /**
   * Seeding, one pass for all candidates of the next centre: for every row and candidate the
   * squared distance to the nearest of (chosen centres, candidate). `candidatesT` holds the
   * candidates transposed (coordinate q of candidate t at q·trials + t); `gap[j·trials + t]` is ¼ of
   * the squared distance between chosen centre j and candidate t: a row whose nearest centre is
   * closer than that cannot get closer to the candidate, so its distance is not computed.
   * Returns, per block and candidate, the sum of those squared distances. Keeps, per row and
   * candidate, the squared distance to the candidate (or, where it was skipped, a lower bound of it).
   */
  seedPass(candidateRows: Float64Array, candidatesT: Float64Array, gap: Float64Array, trials: number): Float64Array {
    const { data, d, closest, labels, rows } = this;
    // Distance between chosen centre j and candidate t (2·√gap): a row skipped for candidate t is
    // at least (that − its own distance) away from it, the lower bound kept for the second nearest.
    const apart = new Float64Array(gap.length);
    for (let g = 0; g < gap.length; g++) apart[g] = 2 * Math.sqrt(gap[g]);
    if (this.mins.length !== rows * trials) this.mins = new Float64Array(rows * trials);
    const mins = this.mins;
    const scratch = new Float64Array(trials);
    const pots = new Float64Array(this.blocks * trials);
    const fast = this.generic ? null : seedKernel(trials, d);
    if (fast) {
      for (let b = 0; b < this.blocks; b++)
        fast(data as Float64Array, closest, labels, b * BLOCK_ROWS, this.end(b), candidateRows, gap, apart, mins, pots, b * trials);
      return pots;
    }
    for (let b = 0; b < this.blocks; b++) {
      const pb = b * trials;
      for (let i = b * BLOCK_ROWS, e = this.end(b), bi = i * trials; i < e; i++, bi += trials) {
        const ci = closest[i];
        const xi = i * d;
        const gj = labels[i] * trials;
        let need = 0;
        for (let t = 0; t < trials; t++) if (ci > gap[gj + t]) need++;
        if (need > 1) {
          distancesT(data, xi, candidatesT, trials, d, scratch);
          for (let t = 0; t < trials; t++) {
            const s = scratch[t];
            mins[bi + t] = s;
            pots[pb + t] += s < ci ? s : ci;
          }
        } else {
          const r = Math.sqrt(ci);
          for (let t = 0; t < trials; t++) {
            let m = ci;
            if (ci > gap[gj + t]) {
              const s = sqDistTo(data, xi, candidateRows, t * d, d);
              mins[bi + t] = s;
              if (s < ci) m = s;
            } else mins[bi + t] = skippedBound(apart[gj + t], r);
            pots[pb + t] += m;
          }
        }
      }
    }
    return pots;
  }

  /** Seeding: candidate `best` of the last pass becomes centre `c`. Returns each block's new sum. */
  seedCommit(best: number, c: number, trials: number): Float64Array {
    const { closest, second, labels, mins, cumsum } = this;
    // The running sums of the new distances are kept in the same pass (as `blockPots`).
    const pots = new Float64Array(this.blocks);
    for (let b = 0; b < this.blocks; b++) {
      let acc = 0;
      for (let i = b * BLOCK_ROWS, e = this.end(b), bi = i * trials + best; i < e; i++, bi += trials) {
        const m = mins[bi];
        let ci = closest[i];
        if (m < ci) {
          second[i] = ci;
          closest[i] = m;
          labels[i] = c;
          ci = m;
        } else if (m < second[i]) second[i] = m;
        acc += ci;
        cumsum[i] = acc;
      }
      pots[b] = acc;
    }
    return pots;
  }

  /**
   * Ends seeding (frees its buffers) and starts Lloyd: the upper bound is the distance to the
   * seeded nearest centre, the lower bound the seeding's bound of the distance to the second
   * nearest. Returns the per-block sums.
   */
  lloydStart(): Float64Array {
    this.upper = this.closest;
    this.lower = this.second;
    for (let i = 0; i < this.rows; i++) {
      this.upper[i] = Math.sqrt(this.upper[i]);
      this.lower[i] = Math.sqrt(this.lower[i]);
    }
    this.closest = new Float64Array(0);
    this.second = new Float64Array(0);
    this.cumsum = new Float64Array(0);
    this.mins = new Float64Array(0);
    return this.sums();
  }

  /** Per block, the sum of each segment's rows (k × d) followed by its row count (k). */
  sums(): Float64Array {
    const { data, d, k, labels } = this;
    const width = k * d + k;
    const out = new Float64Array(this.blocks * width);
    for (let b = 0; b < this.blocks; b++) {
      const o = b * width;
      for (let i = b * BLOCK_ROWS, e = this.end(b); i < e; i++) {
        const a = labels[i];
        out[o + k * d + a]++;
        const base = i * d,
          sb = o + a * d;
        for (let c = 0; c < d; c++) out[sb + c] += data[base + c];
      }
    }
    return out;
  }

  /**
   * One Lloyd assignment with Hamerly's test: rows whose bounds prove their segment unchanged are
   * skipped; the others are compared with every centre. Returns, per block, the change of each
   * segment's sum (k × d) and count (k), then two numbers: rows that changed and rows checked.
   */
  assign(
    centers: Float64Array,
    transposed: Float64Array,
    moves: Float64Array,
    half: Float64Array,
    r1: number,
    m1: number,
    m2: number,
    tighten: boolean,
  ): Float64Array {
    const { data, d, k, labels, upper, lower } = this;
    const width = k * d + k;
    const out = new Float64Array(this.blocks * width + 2);
    const dist = new Float64Array(k);
    const fast = this.assignFast;
    if (fast) {
      const stats = new Float64Array(2);
      for (let b = 0; b < this.blocks; b++) {
        fast(
          data as Float64Array,
          labels,
          upper,
          lower,
          b * BLOCK_ROWS,
          this.end(b),
          centers,
          moves,
          half,
          r1,
          m1,
          m2,
          tighten,
          out,
          b * width,
          dist,
          stats,
        );
      }
      out[this.blocks * width] = stats[0];
      out[this.blocks * width + 1] = stats[1];
      return out;
    }
    let changed = 0,
      checked = 0;
    for (let b = 0; b < this.blocks; b++) {
      const o = b * width,
        oc = o + k * d;
      for (let i = b * BLOCK_ROWS, e = this.end(b); i < e; i++) {
        const a = labels[i];
        let ua = upper[i] + moves[a];
        const lb = lower[i] - (a === r1 ? m2 : m1);
        const hb = half[a];
        const bound = hb > lb ? hb : lb;
        if (ua <= bound) {
          upper[i] = ua;
          lower[i] = lb;
          continue;
        }
        checked++;
        const base = i * d;
        if (tighten) {
          ua = Math.sqrt(sqDistTo(data, base, centers, a * d, d));
          if (ua <= bound) {
            upper[i] = ua;
            lower[i] = lb;
            continue;
          }
        }
        distancesT(data, base, transposed, k, d, dist);
        let b1 = a,
          d1 = dist[a],
          d2 = Infinity;
        for (let j = 0; j < k; j++) {
          if (j === a) continue;
          const t = dist[j];
          if (t < d1 || (t === d1 && j < b1)) {
            d2 = d1;
            d1 = t;
            b1 = j;
          } else if (t < d2) d2 = t;
        }
        lower[i] = Math.sqrt(d2);
        upper[i] = Math.sqrt(d1);
        if (b1 !== a) {
          labels[i] = b1;
          out[oc + a]--;
          out[oc + b1]++;
          const sa = o + a * d,
            sb = o + b1 * d;
          for (let c = 0; c < d; c++) {
            const v = data[base + c];
            out[sa + c] -= v;
            out[sb + c] += v;
          }
          changed++;
        }
      }
    }
    out[this.blocks * width] = changed;
    out[this.blocks * width + 1] = checked;
    return out;
  }

  /**
   * For an empty segment: per block, the squared distance and row of the row farthest from its
   * own centre among segments of 2+ rows (`counts` over all shards); −1 when there is none.
   */
  farthest(centers: Float64Array, counts: Float64Array): Float64Array {
    const { data, d, labels } = this;
    const out = new Float64Array(this.blocks * 2).fill(-1);
    for (let b = 0; b < this.blocks; b++) {
      let far = -1,
        farDist = -1;
      for (let i = b * BLOCK_ROWS, e = this.end(b); i < e; i++) {
        const a = labels[i];
        if (counts[a] < 2) continue;
        const s = sqDist(data, i, centers, a, d);
        if (s > farDist) {
          farDist = s;
          far = i;
        }
      }
      out[2 * b] = farDist;
      out[2 * b + 1] = far;
    }
    return out;
  }

  /**
   * After a segment was emptied and refilled: every row re-checks its segment on the next pass
   * (lower bounds to 0). When `row` ≥ 0 it is this shard's row that moves to segment `j`; the
   * answer is its old segment followed by its values (empty otherwise).
   */
  relocate(row: number, j: number): Float64Array {
    this.lower.fill(0);
    if (row < 0) return new Float64Array(0);
    const out = new Float64Array(1 + this.d);
    out[0] = this.labels[row];
    out.set(this.data.subarray(row * this.d, row * this.d + this.d), 1);
    this.labels[row] = j;
    this.upper[row] = 0;
    return out;
  }

  /**
   * The last pass: per block, the sum of each segment's rows (k × d), its row count (k) and its
   * sum of squared distances to `centers` (k), from which the fit gets the exact means and each
   * segment's inertia about them.
   */
  finish(centers: Float64Array): Float64Array {
    const { data, d, k, labels } = this;
    const width = k * d + 2 * k;
    const out = new Float64Array(this.blocks * width);
    for (let b = 0; b < this.blocks; b++) {
      const o = b * width,
        oc = o + k * d,
        oq = oc + k;
      for (let i = b * BLOCK_ROWS, e = this.end(b); i < e; i++) {
        const a = labels[i];
        out[oc + a]++;
        const base = i * d,
          sb = o + a * d,
          cb = a * d;
        let q = 0;
        for (let c = 0; c < d; c++) {
          const v = data[base + c];
          out[sb + c] += v;
          const t = v - centers[cb + c];
          q += t * t;
        }
        out[oq + a] += q;
      }
    }
    return out;
  }

  /** The segment of every row (a copy). */
  labelsCopy(): Int32Array {
    return this.labels.slice();
  }
}

/** What a shard in another thread answers: the same methods, asynchronously. */
export type ShardMethod =
  | 'seedStart'
  | 'pick'
  | 'seedPass'
  | 'seedCommit'
  | 'lloydStart'
  | 'sums'
  | 'assign'
  | 'farthest'
  | 'relocate'
  | 'finish'
  | 'labelsCopy';

/** Payloads of the k-means kernels (see `KMEANS_KERNELS`). */
export interface ShardOpen {
  id: number;
  data: Float64Array;
  rows: number;
  d: number;
  k: number;
  generic: boolean;
}
export interface ShardCall {
  id: number;
  method: ShardMethod;
  args: unknown[];
}

/** Shards held by this thread when it serves as a helper, and how many it has opened since it started. */
const held = new Map<number, KMeansShard>();
let opened = 0;

/**
 * The k-means kernels a helper thread runs: `kmeans.open` keeps a shard of rows (their buffer is
 * transferred in), `kmeans.call` runs one of its methods and transfers the fresh answer back,
 * `kmeans.close` forgets it.
 */
export const KMEANS_KERNELS: KernelSet = {
  kernels: {
    'kmeans.open': ({ id, data, rows, d, k, generic }: ShardOpen): void => {
      held.set(id, new KMeansShard(data, rows, d, k, generic));
      opened++;
    },
    'kmeans.call': ({ id, method, args }: ShardCall) => {
      const shard = held.get(id);
      if (!shard) throw new Error(`k-means shard ${id} is not open in this helper`);
      const out = (shard[method] as (...a: unknown[]) => Float64Array | Int32Array)(...args);
      return transferring(out, [out.buffer as ArrayBuffer]);
    },
    'kmeans.close': ({ id }: { id: number }): void => {
      held.delete(id);
    },
  },
  stats: () => ({ opened, open: held.size }),
};
