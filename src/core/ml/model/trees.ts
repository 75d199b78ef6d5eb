/**
 * Gradient-boosted decision trees for a yes/no target on histogram-binned features, with the
 * defaults of scikit-learn's HistGradientBoostingClassifier: at most 255 bins per column (midpoints
 * of the distinct values, or of percentiles when there are more), learning rate 0.1, 100 trees,
 * at most 31 leaves grown best-first, at least 20 rows per leaf, no L2 penalty, no early stopping.
 * A missing value goes left at every split (it counts as smaller than every value).
 */

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

/** Bin codes (row-major n × d, Uint8) of the rows `rows` of `x`; a missing value gets bin 0. */
function binRows(x: Float64Array, d: number, edges: Float64Array[], rows: Int32Array): Uint8Array {
  const out = new Uint8Array(rows.length * d);
  for (let j = 0; j < d; j++) {
    const e = edges[j];
    for (let r = 0; r < rows.length; r++) {
      const v = x[rows[r] * d + j];
      if (v !== v) continue;
      let lo = 0,
        hi = e.length; // first edge ≥ v
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      out[r * d + j] = lo;
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
  const m = rows.length,
    B = 256;
  const edges: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const col = new Float64Array(m);
    for (let r = 0; r < m; r++) col[r] = x[rows[r] * d + j];
    edges.push(binEdges(col, maxBins));
  }
  const bins = binRows(x, d, edges, rows);
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
  const order = new Int32Array(m),
    scratch = new Int32Array(m);
  const trees: Tree[] = [];

  // hist layout per feature j, bin b: [g, h, count] at 3·(j·B + b)
  const histogram = (start: number, end: number) => {
    const hist = new Float64Array(d * B * 3);
    for (let k = start; k < end; k++) {
      const r = order[k],
        gr = grad[r],
        hr = hess[r],
        p = r * d;
      for (let j = 0; j < d; j++) {
        const o = 3 * (j * B + bins[p + j]);
        hist[o] += gr;
        hist[o + 1] += hr;
        hist[o + 2]++;
      }
    }
    return hist;
  };
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
    const rootHist = histogram(0, m);
    const leaves: Leaf[] = [{ start: 0, end: m, g: G, h: H, hist: rootHist, split: bestSplit(rootHist, G, H, m), node: 0 }];
    const done: Leaf[] = [];
    while (leaves.length + done.length < maxLeaves) {
      let bi = -1;
      for (let i = 0; i < leaves.length; i++) if (leaves[i].split && (bi < 0 || leaves[i].split!.gain > leaves[bi].split!.gain)) bi = i;
      if (bi < 0) break;
      const leaf = leaves.splice(bi, 1)[0],
        split = leaf.split!;
      // Partition the leaf's rows: bin ≤ split.bin to the left, keeping their order.
      let a = leaf.start,
        c = 0;
      for (let k = leaf.start; k < leaf.end; k++) {
        const r = order[k];
        if (bins[r * d + split.feature] <= split.bin) order[a++] = r;
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
      // The smaller child's histogram is built; the larger one's is the parent's minus it.
      const leftSmaller = mid - leaf.start <= leaf.end - mid;
      const small = leftSmaller ? histogram(leaf.start, mid) : histogram(mid, leaf.end);
      const large = new Float64Array(small.length);
      for (let i = 0; i < small.length; i++) large[i] = leaf.hist[i] - small[i];
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
    for (const leaf of [...leaves, ...done]) {
      const value = (-lr * leaf.g) / (leaf.h + l2 + 1e-15);
      tree.value[leaf.node] = value;
      for (let k = leaf.start; k < leaf.end; k++) raw[order[k]] += value;
    }
    trees.push(tree);
  }
  return { baseline, trees };
}

/** Probabilities of the positive class for the rows `rows` of `x` (n × d, raw values). */
export function predictTrees(fit: TreesFit, x: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const p = rows[r] * d;
    let t = fit.baseline;
    for (const tree of fit.trees) {
      let node = 0;
      while (tree.feature[node] >= 0) {
        const v = x[p + tree.feature[node]];
        node = v === v && v > tree.threshold[node] ? tree.right[node] : tree.left[node];
      }
      t += tree.value[node];
    }
    out[r] = 1 / (1 + Math.exp(-t));
  }
  return out;
}
