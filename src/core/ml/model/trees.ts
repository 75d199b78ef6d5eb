/**
 * Gradient-boosted decision trees for a yes/no target on histogram-binned features, with the
 * defaults of scikit-learn's HistGradientBoostingClassifier: at most 255 bins per column (midpoints
 * of the distinct values, or of percentiles when there are more), learning rate 0.1, 100 trees,
 * at most 31 leaves grown best-first, at least 20 rows per leaf, no L2 penalty, no early stopping.
 * A missing value goes left at every split (it counts as smaller than every value). Above 200,000
 * rows the bin edges come from a seeded sample of 200,000 rows (scikit-learn samples as many).
 */

import { createRandom } from '../../contract/random';

export interface TreeOptions {
  learningRate?: number;
  maxIter?: number;
  maxLeafNodes?: number;
  minSamplesLeaf?: number;
  l2?: number;
  maxBins?: number;
}

/** One tree as parallel arrays; a leaf has feature −1. A row goes left when its value ≤ threshold (or is missing). */
export type Tree = { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] };

export interface TreesFit {
  baseline: number;
  trees: Tree[];
}

/** The bin edges of one column: rows with value ≤ edges[b] and > edges[b − 1] fall in bin b. */
export function binEdges(values: Float64Array, maxBins = 255): Float64Array {
  const v = Float64Array.from(values.filter((x) => x === x)).sort();
  const distinct: number[] = [];
  for (let i = 0; i < v.length; i++) if (i === 0 || v[i] !== v[i - 1]) distinct.push(v[i]);
  if (distinct.length <= maxBins) {
    const edges = new Float64Array(Math.max(0, distinct.length - 1));
    for (let i = 0; i + 1 < distinct.length; i++) edges[i] = (distinct[i] + distinct[i + 1]) / 2;
    return edges;
  }
  // numpy's percentile with method="midpoint" at 100·k/maxBins, k = 1…maxBins − 1
  const out: number[] = [];
  for (let k = 1; k < maxBins; k++) {
    const pos = (k / maxBins) * (v.length - 1);
    const e = (v[Math.floor(pos)] + v[Math.ceil(pos)]) / 2;
    if (!out.length || e > out[out.length - 1]) out.push(e);
  }
  return Float64Array.from(out);
}

/** Rows from which the bin edges are found: all up to this many, else a seeded sample of this many (scikit-learn's `subsample`). */
export const BIN_SAMPLE = 200_000;

/** Positions (ascending) of the rows of a fit on `m` rows that set its bin edges; null when every row does. */
export function binSample(m: number): Int32Array | null {
  if (m <= BIN_SAMPLE) return null;
  const random = createRandom(20_000);
  const all = new Int32Array(m).map((_, i) => i);
  for (let i = 0; i < BIN_SAMPLE; i++) {
    const s = i + Math.floor(random() * (m - i));
    const t = all[i];
    all[i] = all[s];
    all[s] = t;
  }
  return all.subarray(0, BIN_SAMPLE).sort();
}

/**
 * Bin codes of the rows `rows` of `x`, column-major (code of position r in column j at j·m + r),
 * so that a histogram reads one column at a time; a missing value gets bin 0.
 */
function binColumns(x: Float64Array, d: number, edges: Float64Array[], rows: Int32Array): Uint8Array {
  const m = rows.length,
    out = new Uint8Array(m * d);
  for (let j = 0; j < d; j++) {
    const e = edges[j],
      ne = e.length,
      base = j * m;
    for (let r = 0; r < m; r++) {
      const v = x[rows[r] * d + j];
      if (v !== v) continue;
      let lo = 0,
        hi = ne; // first edge ≥ v
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      out[base + r] = lo;
    }
  }
  return out;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
}
interface Leaf {
  start: number;
  end: number;
  g: number;
  h: number;
  hist: Float64Array;
  split: Split | null;
  node: number;
}

/** Bins per column in a histogram (codes are Uint8). */
const B = 256;

/**
 * Adds the gradients and hessians of the rows order[start … end) into `hist` (zeros on entry),
 * laid out per feature j and bin b as [g, h, count] at 3·(j·B + b). Each bin adds its rows in
 * row order. `og`, `oh` are scratch: the node's gradients gathered once, so that each column's
 * pass reads them in sequence. A plain function, not a closure, so that the loops see locals.
 */
function fillHistogram(
  bins: Uint8Array,
  m: number,
  d: number,
  grad: Float64Array,
  hess: Float64Array,
  order: Int32Array,
  start: number,
  end: number,
  og: Float64Array,
  oh: Float64Array,
  hist: Float64Array,
): void {
  const len = end - start;
  if (len === m) {
    // The root: every row, in row order (order is the identity).
    for (let j = 0; j < d; j++) {
      const base = j * m,
        hb = j * B * 3;
      for (let r = 0; r < m; r++) {
        const o = hb + 3 * bins[base + r];
        hist[o] += grad[r];
        hist[o + 1] += hess[r];
        hist[o + 2]++;
      }
    }
    return;
  }
  const rows = order.subarray(start, end);
  for (let k = 0; k < len; k++) {
    const r = rows[k];
    og[k] = grad[r];
    oh[k] = hess[r];
  }
  for (let j = 0; j < d; j++) {
    const col = bins.subarray(j * m, j * m + m),
      hb = j * B * 3;
    for (let k = 0; k < len; k++) {
      const o = hb + 3 * col[rows[k]];
      hist[o] += og[k];
      hist[o + 1] += oh[k];
      hist[o + 2]++;
    }
  }
}

/** Fits on the rows `rows` of `x` (n × d) with labels `y` (0/1 per row of x) and weights `w` (per position in `rows`). */
export function fitTrees(
  x: Float64Array,
  d: number,
  y: Uint8Array,
  rows: Int32Array,
  w: Float64Array,
  options: TreeOptions = {},
): TreesFit {
  const lr = options.learningRate ?? 0.1,
    maxIter = options.maxIter ?? 100,
    maxLeaves = options.maxLeafNodes ?? 31;
  const minLeaf = options.minSamplesLeaf ?? 20,
    l2 = options.l2 ?? 0,
    maxBins = options.maxBins ?? 255;
  const m = rows.length;
  // The edges come from at most BIN_SAMPLE rows (a seeded sample above that), as scikit-learn does.
  const sample = binSample(m);
  const edges: Float64Array[] = [];
  const col = new Float64Array(sample ? sample.length : m);
  for (let j = 0; j < d; j++) {
    if (sample) for (let s = 0; s < sample.length; s++) col[s] = x[rows[sample[s]] * d + j];
    else for (let r = 0; r < m; r++) col[r] = x[rows[r] * d + j];
    edges.push(binEdges(col, maxBins));
  }
  const bins = binColumns(x, d, edges, rows);
  const yy = Uint8Array.from(rows, (i) => y[i]);
  let sw = 0,
    swy = 0;
  for (let r = 0; r < m; r++) {
    sw += w[r];
    if (yy[r]) swy += w[r];
  }
  const p0 = Math.min(Math.max(swy / sw, 1e-12), 1 - 1e-12);
  const baseline = Math.log(p0 / (1 - p0));
  const raw = new Float64Array(m).fill(baseline);
  const grad = new Float64Array(m),
    hess = new Float64Array(m);
  // The gradients of a node's rows gathered in row order, so that each column's pass reads them in sequence.
  const og = new Float64Array(m),
    oh = new Float64Array(m);
  const order = new Int32Array(m),
    scratch = new Int32Array(m);
  const trees: Tree[] = [];
  const size = d * B * 3;
  const pool: Float64Array[] = [];
  const take = () => {
    const h = pool.pop();
    if (!h) return new Float64Array(size);
    h.fill(0);
    return h;
  };

  const histogram = (start: number, end: number, hist: Float64Array) =>
    fillHistogram(bins, m, d, grad, hess, order, start, end, og, oh, hist);
  const bestSplit = (hist: Float64Array, g: number, h: number, count: number): Split | null => {
    let best: Split | null = null;
    const parent = (g * g) / (h + l2);
    for (let j = 0; j < d; j++) {
      let gl = 0,
        hl = 0,
        cl = 0;
      const nb = edges[j].length + 1;
      for (let b = 0; b < nb - 1; b++) {
        const o = 3 * (j * B + b);
        gl += hist[o];
        hl += hist[o + 1];
        cl += hist[o + 2];
        const cr = count - cl,
          hr = h - hl;
        if (cl < minLeaf) continue;
        if (cr < minLeaf) break;
        if (hl < 1e-3 || hr < 1e-3) continue;
        const gr = g - gl;
        const gain = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parent;
        if (gain > 0 && (!best || gain > best.gain)) best = { gain, feature: j, bin: b };
      }
    }
    return best;
  };

  for (let it = 0; it < maxIter; it++) {
    for (let r = 0; r < m; r++) {
      const p = 1 / (1 + Math.exp(-raw[r]));
      grad[r] = w[r] * (p - yy[r]);
      hess[r] = w[r] * p * (1 - p);
      order[r] = r;
    }
    const tree: Tree = { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0] };
    let G = 0,
      H = 0;
    for (let r = 0; r < m; r++) {
      G += grad[r];
      H += hess[r];
    }
    const rootHist = take();
    histogram(0, m, rootHist);
    const leaves: Leaf[] = [{ start: 0, end: m, g: G, h: H, hist: rootHist, split: bestSplit(rootHist, G, H, m), node: 0 }];
    while (leaves.length < maxLeaves) {
      let bi = -1;
      for (let i = 0; i < leaves.length; i++) if (leaves[i].split && (bi < 0 || leaves[i].split!.gain > leaves[bi].split!.gain)) bi = i;
      if (bi < 0) break;
      const leaf = leaves.splice(bi, 1)[0],
        split = leaf.split!;
      // Partition the leaf's rows in place: bin ≤ split.bin to the left, both sides keeping their order.
      const fb = split.feature * m;
      let a = leaf.start,
        c = 0;
      for (let k = leaf.start; k < leaf.end; k++) {
        const r = order[k];
        if (bins[fb + r] <= split.bin) order[a++] = r;
        else scratch[c++] = r;
      }
      order.set(scratch.subarray(0, c), a);
      const mid = a;
      let gl = 0,
        hl = 0;
      for (let b = 0; b <= split.bin; b++) {
        const o = 3 * (split.feature * B + b);
        gl += leaf.hist[o];
        hl += leaf.hist[o + 1];
      }
      // The smaller child's histogram is built; the larger one's is the parent's minus it (in the parent's array).
      const leftSmaller = mid - leaf.start <= leaf.end - mid;
      const small = take();
      if (leftSmaller) histogram(leaf.start, mid, small);
      else histogram(mid, leaf.end, small);
      const large = leaf.hist;
      for (let i = 0; i < size; i++) large[i] -= small[i];
      const [hl2, hr2] = leftSmaller ? [small, large] : [large, small];
      const li = tree.feature.length,
        ri = li + 1;
      tree.feature[leaf.node] = split.feature;
      tree.threshold[leaf.node] = edges[split.feature][split.bin];
      tree.left[leaf.node] = li;
      tree.right[leaf.node] = ri;
      for (let t = 0; t < 2; t++) {
        tree.feature.push(-1);
        tree.threshold.push(0);
        tree.left.push(-1);
        tree.right.push(-1);
        tree.value.push(0);
      }
      const L: Leaf = { start: leaf.start, end: mid, g: gl, h: hl, hist: hl2, split: null, node: li };
      const R: Leaf = { start: mid, end: leaf.end, g: leaf.g - gl, h: leaf.h - hl, hist: hr2, split: null, node: ri };
      L.split = bestSplit(L.hist, L.g, L.h, L.end - L.start);
      R.split = bestSplit(R.hist, R.g, R.h, R.end - R.start);
      leaves.push(L, R);
    }
    for (const leaf of leaves) {
      const value = (-lr * leaf.g) / (leaf.h + l2 + 1e-15);
      tree.value[leaf.node] = value;
      for (let k = leaf.start; k < leaf.end; k++) raw[order[k]] += value;
      pool.push(leaf.hist);
    }
    trees.push(tree);
  }
  return { baseline, trees };
}

/**
 * Every tree of a fit in flat typed arrays, children of a node side by side (right = left + 1),
 * so that scoring is one tight loop: a node is a leaf when its feature is −1, and then its
 * threshold slot holds the leaf value.
 */
interface FlatTrees {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
}

const flatCache = new WeakMap<TreesFit, FlatTrees>();

function flatten(fit: TreesFit): FlatTrees {
  const cached = flatCache.get(fit);
  if (cached) return cached;
  let total = 0;
  for (const t of fit.trees) total += t.feature.length;
  const roots = new Int32Array(fit.trees.length),
    feature = new Int32Array(total),
    threshold = new Float64Array(total),
    left = new Int32Array(total);
  let next = 0;
  fit.trees.forEach((t, k) => {
    roots[k] = next;
    // Breadth first: each internal node takes the next two slots for its children.
    const queue = [0],
      slot = [next++];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q],
        at = slot[q];
      if (t.feature[node] < 0) {
        feature[at] = -1;
        threshold[at] = t.value[node];
        continue;
      }
      feature[at] = t.feature[node];
      threshold[at] = t.threshold[node];
      left[at] = next;
      queue.push(t.left[node], t.right[node]);
      slot.push(next, next + 1);
      next += 2;
    }
  });
  const flat = { roots, feature, threshold, left };
  flatCache.set(fit, flat);
  return flat;
}

/** Probabilities of the positive class for the rows `rows` of `x` (n × d, raw values). */
export function predictTrees(fit: TreesFit, x: Float64Array, d: number, rows: Int32Array): Float64Array {
  const { roots, feature, threshold, left } = flatten(fit);
  const T = roots.length,
    baseline = fit.baseline;
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const p = rows[r] * d;
    let t = baseline;
    for (let k = 0; k < T; k++) {
      let node = roots[k],
        f = feature[node];
      // A missing value (NaN > threshold is false) goes left.
      while (f >= 0) {
        node = left[node] + (x[p + f] > threshold[node] ? 1 : 0);
        f = feature[node];
      }
      t += threshold[node];
    }
    out[r] = 1 / (1 + Math.exp(-t));
  }
  return out;
}
