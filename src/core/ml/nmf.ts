/**
 * Non-negative matrix factorisation X ≈ W·H of a sparse non-negative matrix (rows = documents,
 * columns = terms), Frobenius loss, the way scikit-learn's `NMF(solver="cd")` does it:
 *
 * - init `nndsvda` (Boutsidis & Gallopoulos 2008): the top-k singular triplets of X, from a seeded
 *   randomised SVD (Halko et al., as `sklearn.utils.extmath.randomized_svd`: 10 extra columns,
 *   7 power iterations when k < 0.1·min(n, V), else 4), split into their positive and negative
 *   parts; zeros filled with the mean of X (`nndsvd`: left at 0). `random`: |normal| · sqrt(mean(X) / k), seeded.
 * - optional L1 penalties on W and H (scikit-learn's l1_reg_W / l1_reg_H), 0 by default.
 * - coordinate descent (Hsieh & Dhillon 2011), W then H each round, components in order (no
 *   shuffle); stop when the projected-gradient violation falls below `tol` times the first round's.
 *
 * Everything is typed arrays: W is n × k row-major, H is kept transposed (V × k row-major), so
 * X·Hᵀ and Xᵀ·W are both one pass over the CSR rows of X (no transpose of X is built).
 */
import { HelperLostError, transferring, type Helpers, type HelperPort, type KernelSet } from '../contract/helpers';
import { createRandom, type Random } from '../contract/random';
import { compileLoop } from './codegen';
import { jacobiEigen, RELATIVE_STOP } from './eigen';

/** Sparse rows (CSR): row r holds `values[rowPtr[r] .. rowPtr[r + 1])` at columns `indices[…]`. */
export interface SparseRows {
  rowPtr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Number of columns. */
  cols: number;
}

export interface NmfOptions {
  k: number;
  seed: number;
  init?: 'nndsvda' | 'nndsvd' | 'random';
  /** L1 penalty on W and on H (scikit-learn's l1_reg_W / l1_reg_H: subtracted from every gradient), 0 by default. */
  l1W?: number;
  l1H?: number;
  /** Most rounds of coordinate descent (scikit-learn's default 200). */
  maxIter?: number;
  /** Relative violation at which to stop (scikit-learn's default 1e-4). */
  tol?: number;
  /** Use the plain loops even where generated ones can run (they give the same numbers; for tests). */
  plain?: boolean;
  /** Called after every round with the round number; may throw to cancel. */
  onRound?: (round: number, maxIter: number) => Promise<void> | void;
}

export interface NmfResult {
  /** n × k, row-major: each document's weight on each topic. */
  W: Float64Array;
  /** V × k, row-major: each term's weight in each topic (Hᵀ). */
  Ht: Float64Array;
  k: number;
  /** ‖X − WH‖ (Frobenius), as scikit-learn's `reconstruction_err_`. */
  error: number;
  rounds: number;
  converged: boolean;
}

const rowsOf = (X: SparseRows) => X.rowPtr.length - 1;

/** Y (n × l) = X · M, M being V × l row-major. */
function timesDense(X: SparseRows, M: Float64Array, l: number, Y: Float64Array): void {
  const n = rowsOf(X);
  Y.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let p = X.rowPtr[i]; p < X.rowPtr[i + 1]; p++) {
      const x = X.values[p],
        c = X.indices[p] * l;
      for (let j = 0; j < l; j++) Y[o + j] += x * M[c + j];
    }
  }
}

/** Z (V × l) = Xᵀ · Y, Y being n × l row-major. */
function transposeTimesDense(X: SparseRows, Y: Float64Array, l: number, Z: Float64Array): void {
  const n = rowsOf(X);
  Z.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let p = X.rowPtr[i]; p < X.rowPtr[i + 1]; p++) {
      const x = X.values[p],
        c = X.indices[p] * l;
      for (let j = 0; j < l; j++) Z[c + j] += x * Y[o + j];
    }
  }
}

/** Orthonormalises the l columns of an m × l row-major matrix in place (modified Gram–Schmidt, twice). */
function gramSchmidt(A: Float64Array, m: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < l; j++) {
      for (let q = 0; q < j; q++) {
        let dot = 0;
        for (let r = 0; r < m; r++) dot += A[r * l + j] * A[r * l + q];
        for (let r = 0; r < m; r++) A[r * l + j] -= dot * A[r * l + q];
      }
      let norm = 0;
      for (let r = 0; r < m; r++) norm += A[r * l + j] * A[r * l + j];
      norm = Math.sqrt(norm);
      const s = norm > 1e-300 ? 1 / norm : 0;
      for (let r = 0; r < m; r++) A[r * l + j] *= s;
    }
  }
}

/**
 * Orthonormalises the l columns of an m × l row-major matrix in place: Cholesky QR twice (row by
 * row, so the memory is read in order), or Gram–Schmidt when the columns are (nearly) dependent.
 */
function orthonormalize(A: Float64Array, m: number, l: number): void {
  const G = new Float64Array(l * l),
    y = new Float64Array(l);
  for (let pass = 0; pass < 2; pass++) {
    gram(A, m, l, G);
    // G = RᵀR, R upper triangular, in place in the upper triangle.
    let top = 0;
    for (let j = 0; j < l; j++) top = Math.max(top, G[j * l + j]);
    for (let j = 0; j < l; j++) {
      let d = G[j * l + j];
      for (let i = 0; i < j; i++) d -= G[i * l + j] * G[i * l + j];
      if (!(d > 1e-10 * top)) {
        gramSchmidt(A, m, l);
        return;
      }
      const rjj = Math.sqrt(d);
      G[j * l + j] = rjj;
      for (let c = j + 1; c < l; c++) {
        let v = G[j * l + c];
        for (let i = 0; i < j; i++) v -= G[i * l + j] * G[i * l + c];
        G[j * l + c] = v / rjj;
      }
    }
    // Each row x becomes x R⁻¹.
    for (let r = 0; r < m; r++) {
      const o = r * l;
      for (let j = 0; j < l; j++) {
        let v = A[o + j];
        for (let i = 0; i < j; i++) v -= y[i] * G[i * l + j];
        y[j] = v / G[j * l + j];
      }
      for (let j = 0; j < l; j++) A[o + j] = y[j];
    }
  }
}

/** A standard normal number (Box–Muller). */
function normal(rng: Random): number {
  let u = rng();
  while (u <= 1e-300) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * The top k singular triplets of X by a seeded randomised SVD: U (n × k), S (k), V (V × k), all
 * row-major, largest first.
 */
export function randomizedSvd(X: SparseRows, k: number, seed: number): { U: Float64Array; S: Float64Array; V: Float64Array } {
  const n = rowsOf(X),
    m = X.cols;
  const l = Math.min(k + 10, n, m);
  const iterations = k < 0.1 * Math.min(n, m) ? 7 : 4;
  const rng = createRandom(seed);
  const omega = new Float64Array(m * l);
  for (let i = 0; i < omega.length; i++) omega[i] = normal(rng);
  const Y = new Float64Array(n * l),
    Z = new Float64Array(m * l);
  const fast = kernelsFor(l);
  const times = (M: Float64Array, out: Float64Array) =>
    fast ? fast.times(X.rowPtr, X.indices, X.values, M, out) : timesDense(X, M, l, out);
  const transposeTimes = (M: Float64Array, out: Float64Array) =>
    fast ? fast.transposeTimes(X.rowPtr, X.indices, X.values, M, out) : transposeTimesDense(X, M, l, out);
  times(omega, Y);
  orthonormalize(Y, n, l);
  for (let it = 0; it < iterations; it++) {
    transposeTimes(Y, Z);
    orthonormalize(Z, m, l);
    times(Z, Y);
    orthonormalize(Y, n, l);
  }
  // B = Qᵀ X (l × V) is Zᵀ with Z = Xᵀ Q; B Bᵀ = Zᵀ Z.
  transposeTimes(Y, Z);
  const G = new Float64Array(l * l);
  for (let r = 0; r < m; r++)
    for (let a = 0; a < l; a++) {
      const za = Z[r * l + a];
      if (za === 0) continue;
      for (let b = a; b < l; b++) G[a * l + b] += za * Z[r * l + b];
    }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) G[a * l + b] = G[b * l + a];
  const { values, vectors } = jacobiEigen(G, l, RELATIVE_STOP);
  const order = Array.from({ length: l }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  const kk = Math.min(k, l);
  const U = new Float64Array(n * k),
    S = new Float64Array(k),
    V = new Float64Array(m * k);
  for (let j = 0; j < kk; j++) {
    const e = order[j];
    const s = Math.sqrt(Math.max(values[e], 0));
    S[j] = s;
    // U_j = Q · u_e;  V_j = Z · u_e / s.
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let a = 0; a < l; a++) sum += Y[i * l + a] * vectors[a * l + e];
      U[i * k + j] = sum;
    }
    if (s > 0)
      for (let r = 0; r < m; r++) {
        let sum = 0;
        for (let a = 0; a < l; a++) sum += Z[r * l + a] * vectors[a * l + e];
        V[r * k + j] = sum / s;
      }
  }
  return { U, S, V };
}

/** The mean of every entry of X, zeros included. */
function meanOf(X: SparseRows): number {
  let sum = 0;
  for (let p = 0; p < X.values.length; p++) sum += X.values[p];
  return sum / (rowsOf(X) * X.cols);
}

/** Starting W (n × k) and Hᵀ (V × k). */
export function initialize(
  X: SparseRows,
  k: number,
  seed: number,
  init: 'nndsvda' | 'nndsvd' | 'random',
): { W: Float64Array; Ht: Float64Array } {
  const n = rowsOf(X),
    m = X.cols;
  const avg = meanOf(X);
  const W = new Float64Array(n * k),
    Ht = new Float64Array(m * k);
  if (init === 'random') {
    const rng = createRandom(seed);
    const scale = Math.sqrt(avg / k);
    for (let i = 0; i < Ht.length; i++) Ht[i] = scale * Math.abs(normal(rng));
    for (let i = 0; i < W.length; i++) W[i] = scale * Math.abs(normal(rng));
    return { W, Ht };
  }
  const { U, S, V } = randomizedSvd(X, k, seed);
  const s0 = Math.sqrt(S[0]);
  for (let i = 0; i < n; i++) W[i * k] = s0 * Math.abs(U[i * k]);
  for (let r = 0; r < m; r++) Ht[r * k] = s0 * Math.abs(V[r * k]);
  for (let j = 1; j < k; j++) {
    let xp = 0,
      xn = 0,
      yp = 0,
      yn = 0;
    for (let i = 0; i < n; i++) {
      const x = U[i * k + j];
      if (x > 0) xp += x * x;
      else xn += x * x;
    }
    for (let r = 0; r < m; r++) {
      const y = V[r * k + j];
      if (y > 0) yp += y * y;
      else yn += y * y;
    }
    xp = Math.sqrt(xp);
    xn = Math.sqrt(xn);
    yp = Math.sqrt(yp);
    yn = Math.sqrt(yn);
    const mp = xp * yp,
      mn = xn * yn;
    const positive = mp > mn;
    const sigma = positive ? mp : mn;
    const lbd = Math.sqrt(S[j] * sigma);
    const ux = positive ? xp : xn,
      vy = positive ? yp : yn;
    if (ux > 0)
      for (let i = 0; i < n; i++) {
        const x = U[i * k + j];
        W[i * k + j] = positive ? (x > 0 ? (lbd * x) / ux : 0) : x < 0 ? (-lbd * x) / ux : 0;
      }
    if (vy > 0)
      for (let r = 0; r < m; r++) {
        const y = V[r * k + j];
        Ht[r * k + j] = positive ? (y > 0 ? (lbd * y) / vy : 0) : y < 0 ? (-lbd * y) / vy : 0;
      }
  }
  const eps = 1e-6,
    fill = init === 'nndsvd' ? 0 : avg;
  for (let i = 0; i < W.length; i++) if (W[i] < eps) W[i] = fill;
  for (let i = 0; i < Ht.length; i++) if (Ht[i] < eps) Ht[i] = fill;
  return { W, Ht };
}

/** Gram matrix AᵀA (k × k) of a rows × k row-major matrix. */
function gram(A: Float64Array, rows: number, k: number, G: Float64Array): void {
  G.fill(0);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    for (let a = 0; a < k; a++) {
      const x = A[o + a];
      if (x === 0) continue;
      for (let b = a; b < k; b++) G[a * k + b] += x * A[o + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) G[a * k + b] = G[b * k + a];
}

/**
 * One coordinate-descent sweep over the rows × k factor A, given G = BᵀB and P = X·B (or Xᵀ·B):
 * each entry moves to max(0, a − grad / G[t, t]). Rows are independent (an entry's gradient reads
 * only its own row), so going row by row gives what scikit-learn's component-by-component order
 * gives. Returns the projected-gradient violation.
 */
function sweep(A: Float64Array, rows: number, k: number, G: Float64Array, P: Float64Array): number {
  let violation = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    for (let t = 0; t < k; t++) {
      const gt = t * k;
      let grad = -P[o + t];
      for (let r = 0; r < k; r++) grad += G[gt + r] * A[o + r];
      const a = A[o + t];
      violation += a === 0 ? (grad < 0 ? -grad : 0) : grad < 0 ? -grad : grad;
      const hess = G[gt + t];
      if (hess !== 0) {
        const v = a - grad / hess;
        A[o + t] = v > 0 ? v : 0;
      }
    }
  }
  return violation;
}

type SweepFn = typeof sweep;
type ProductFn = (rowPtr: Int32Array, indices: Int32Array, values: Float64Array, M: Float64Array, Y: Float64Array) => void;

/** The three loops of a round, generated for one k (constant offsets, row values in locals), or null. */
interface Kernels {
  sweep: SweepFn;
  times: ProductFn;
  transposeTimes: ProductFn;
}

const kernelCache = new Map<number, Kernels | null>();

/** The generated loops for k (up to 40 columns), computing the same numbers as the plain ones. */
export function kernelsFor(k: number): Kernels | null {
  if (k > 40) return null;
  if (kernelCache.has(k)) return kernelCache.get(k)!;
  const r = Array.from({ length: k }, (_, j) => j);
  const sweepBody = `
    let violation = 0;
    for (let i = 0; i < rows; i++) {
      const o = i * ${k};
      ${r.map((j) => `let a${j} = A[o + ${j}];`).join(' ')}
      let grad = 0, v = 0, hess = 0;
      ${r
        .map(
          (t) => `
      grad = -P[o + ${t}]${r.map((j) => ` + G[${t * k + j}] * a${j}`).join('')};
      violation += a${t} === 0 ? (grad < 0 ? -grad : 0) : grad < 0 ? -grad : grad;
      hess = G[${t * k + t}];
      if (hess !== 0) { v = a${t} - grad / hess; a${t} = v > 0 ? v : 0; A[o + ${t}] = a${t}; }`,
        )
        .join('')}
    }
    return violation;`;
  const timesBody = `
    const n = rowPtr.length - 1;
    for (let i = 0; i < n; i++) {
      ${r.map((j) => `let y${j} = 0;`).join(' ')}
      const end = rowPtr[i + 1];
      for (let p = rowPtr[i]; p < end; p++) {
        const x = values[p], c = indices[p] * ${k};
        ${r.map((j) => `y${j} += x * M[c + ${j}];`).join(' ')}
      }
      const o = i * ${k};
      ${r.map((j) => `Y[o + ${j}] = y${j};`).join(' ')}
    }`;
  const transposeBody = `
    const n = rowPtr.length - 1;
    M.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * ${k};
      ${r.map((j) => `const y${j} = Y[o + ${j}];`).join(' ')}
      const end = rowPtr[i + 1];
      for (let p = rowPtr[i]; p < end; p++) {
        const x = values[p], c = indices[p] * ${k};
        ${r.map((j) => `M[c + ${j}] += x * y${j};`).join(' ')}
      }
    }`;
  let kernels: Kernels | null = null;
  const sw = compileLoop<SweepFn>(['A', 'rows', 'k', 'G', 'P'], sweepBody);
  const tm = compileLoop<ProductFn>(['rowPtr', 'indices', 'values', 'M', 'Y'], timesBody);
  const tt = compileLoop<ProductFn>(['rowPtr', 'indices', 'values', 'Y', 'M'], transposeBody);
  if (sw && tm && tt) kernels = { sweep: sw, times: tm, transposeTimes: tt };
  kernelCache.set(k, kernels);
  return kernels;
}

/** ‖X − W·H‖ from ‖X‖², W, Hᵀ and X·Hᵀ (no dense product is formed). */
function frobeniusError(X: SparseRows, W: Float64Array, Ht: Float64Array, k: number): number {
  const n = rowsOf(X);
  let xx = 0;
  for (let p = 0; p < X.values.length; p++) xx += X.values[p] * X.values[p];
  let cross = 0;
  for (let i = 0; i < n; i++) {
    for (let p = X.rowPtr[i]; p < X.rowPtr[i + 1]; p++) {
      const c = X.indices[p] * k;
      let wh = 0;
      for (let t = 0; t < k; t++) wh += W[i * k + t] * Ht[c + t];
      cross += X.values[p] * wh;
    }
  }
  const GW = new Float64Array(k * k),
    GH = new Float64Array(k * k);
  gram(W, n, k, GW);
  gram(Ht, X.cols, k, GH);
  let quad = 0;
  for (let a = 0; a < k * k; a++) quad += GW[a] * GH[a];
  return Math.sqrt(Math.max(xx - 2 * cross + quad, 0));
}

/** Fits X ≈ W·H from the given start (or a fresh init). */
export async function nmf(X: SparseRows, options: NmfOptions, start?: { W: Float64Array; Ht: Float64Array }): Promise<NmfResult> {
  const { k, seed } = options;
  const maxIter = options.maxIter ?? 200,
    tol = options.tol ?? 1e-4;
  const l1W = options.l1W ?? 0,
    l1H = options.l1H ?? 0;
  const n = rowsOf(X),
    m = X.cols;
  const { W, Ht } = start ?? initialize(X, k, seed, options.init ?? 'nndsvda');
  const G = new Float64Array(k * k);
  const XH = new Float64Array(n * k),
    XtW = new Float64Array(m * k);
  let first = 0,
    rounds = 0,
    converged = false;
  const fast = options.plain ? null : kernelsFor(k);
  for (let round = 1; round <= maxIter; round++) {
    rounds = round;
    gram(Ht, m, k, G);
    if (fast) fast.times(X.rowPtr, X.indices, X.values, Ht, XH);
    else timesDense(X, Ht, k, XH);
    if (l1W) for (let i = 0; i < XH.length; i++) XH[i] -= l1W;
    let violation = fast ? fast.sweep(W, n, k, G, XH) : sweep(W, n, k, G, XH);
    gram(W, n, k, G);
    if (fast) fast.transposeTimes(X.rowPtr, X.indices, X.values, W, XtW);
    else transposeTimesDense(X, W, k, XtW);
    if (l1H) for (let i = 0; i < XtW.length; i++) XtW[i] -= l1H;
    violation += fast ? fast.sweep(Ht, m, k, G, XtW) : sweep(Ht, m, k, G, XtW);
    if (round === 1) first = violation;
    if (options.onRound) await options.onRound(round, maxIter);
    if (first === 0 || violation / first <= tol) {
      converged = true;
      break;
    }
  }
  return { W, Ht, k, error: frobeniusError(X, W, Ht, k), rounds, converged };
}

/** Non-zeros × k from which fitting starts on helper threads pays for copying X to them. */
export const NMF_PARALLEL_ABOVE = 200_000;

let nmfRuns = 0;

/** X held by this helper, by the id of the fit that sent it. */
const heldX = new Map<string, SparseRows>();

/** The helper side of `nmfBestOf`: X is sent once per helper, then whole starts are fitted there. */
export const NMF_KERNELS: KernelSet = {
  kernels: {
    'nmf.open': (p: { id: string } & SparseRows) => {
      heldX.set(p.id, { rowPtr: p.rowPtr, indices: p.indices, values: p.values, cols: p.cols });
      return true;
    },
    'nmf.fit': async (p: { id: string; options: NmfOptions }) => {
      const X = heldX.get(p.id);
      if (!X) throw new Error(`This helper holds no matrix for topic fit "${p.id}".`);
      const fit = await nmf(X, p.options);
      return transferring(fit, [fit.W.buffer, fit.Ht.buffer]);
    },
    'nmf.close': (p: { id: string }) => heldX.delete(p.id),
  },
  stats: () => ({ nmfFitsHeld: heldX.size }),
};

/** One start of a fit: how W and H begin (`nndsvda`, `nndsvd` or `random`) and its seed. */
export interface NmfStart {
  init: 'nndsvda' | 'nndsvd' | 'random';
  seed: number;
}

/**
 * Fits X from each start and keeps, among the fits whose error is within `errorSlack` (relative)
 * of the lowest, the one of the highest `score` (the earliest of equal scores). Coordinate descent
 * reaches a local optimum that depends on the start; which of the equally good ones reads best is
 * for the caller to say (the topics use the NPMI coherence of their top terms). `onRound` gets the
 * start's index as well.
 */
export async function nmfBestOf(
  X: SparseRows,
  k: number,
  starts: readonly NmfStart[],
  options: Omit<NmfOptions, 'k' | 'seed' | 'init' | 'onRound'> & {
    errorSlack?: number;
    /** Helper threads to fit starts on (the results are the same with or without). */
    helpers?: Helpers;
    /** Non-zeros × k from which to use them (NMF_PARALLEL_ABOVE). */
    shareAbove?: number;
  },
  score: (fit: NmfResult) => number,
  onRound?: (start: number, round: number, maxIter: number) => Promise<void> | void,
): Promise<{ fit: NmfResult; scores: number[]; errors: number[]; chosen: number }> {
  if (starts.length === 0) throw new Error('nmfBestOf needs at least one start.');
  const { errorSlack = 0.005, helpers, shareAbove = NMF_PARALLEL_ABOVE, ...rest } = options;
  const fits: NmfResult[] = new Array(starts.length);
  const fitHere = (i: number) =>
    nmf(X, {
      ...rest,
      k,
      seed: starts[i].seed,
      init: starts[i].init,
      onRound: onRound ? (r, max) => onRound(i, r, max) : undefined,
    });
  const useHelpers = !!helpers && helpers.size > 0 && starts.length > 1 && X.values.length * k >= shareAbove;
  const lease = useHelpers ? await helpers!.acquire(starts.length - 1) : null;
  let next = 0;
  const take = () => (next < starts.length ? next++ : -1);
  const id = `nmf-${++nmfRuns}-${Math.random().toString(36).slice(2)}`;
  try {
    // Each start's fit depends only on X and the start, so the fits (and the one kept) are the same whatever runs where.
    const remote = async (port: HelperPort) => {
      const rowPtr = X.rowPtr.slice(),
        indices = X.indices.slice(),
        values = X.values.slice();
      await port.call('nmf.open', { id, rowPtr, indices, values, cols: X.cols }, [rowPtr.buffer, indices.buffer, values.buffer]);
      try {
        for (let i = take(); i >= 0; i = take()) {
          try {
            const r = await port.call<NmfResult>('nmf.fit', { id, options: { ...rest, k, seed: starts[i].seed, init: starts[i].init } });
            fits[i] = r;
            if (onRound) await onRound(i, r.rounds, r.rounds);
          } catch (error) {
            if (!(error instanceof HelperLostError)) throw error;
            fits[i] = await fitHere(i); // the same fit, here
            return;
          }
        }
      } finally {
        await port.call('nmf.close', { id }).catch(() => undefined);
      }
    };
    const local = async () => {
      if (lease) await new Promise((r) => setTimeout(r, 0));
      for (let i = take(); i >= 0; i = take()) {
        fits[i] = await fitHere(i);
        // A fit here runs without yielding: let the helpers' answers in, so they take the next starts.
        if (lease) await new Promise((r) => setTimeout(r, 0));
      }
    };
    await Promise.all([...(lease?.ports ?? []).map(remote), local()]);
  } finally {
    lease?.release();
  }
  const errors = fits.map((f) => f.error);
  const floor = Math.min(...errors) * (1 + errorSlack);
  const scores = fits.map((f) => (f.error <= floor ? score(f) : -Infinity));
  let chosen = 0;
  for (let i = 1; i < fits.length; i++) if (scores[i] > scores[chosen]) chosen = i;
  return { fit: fits[chosen], scores, errors, chosen };
}
