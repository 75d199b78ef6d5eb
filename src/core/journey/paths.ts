/**
 * Per-user journey paths, columnar: rows are grouped by user with a counting sort (typed arrays),
 * each user's rows sorted by time (ties: earlier funnel stage first, then row order), repeats
 * optionally collapsed; then transitions, funnel reach and step-by-step flows are counted. The
 * step-by-step flows (for the Sankey) always merge repeats and show at most MAX_STEPS columns:
 * a longer path goes from its step MAX_STEPS − 1 straight to where it ends.
 */
import { JOURNEY_STAGES } from './stages';

export const K = JOURNEY_STAGES.length; // 6 stages (none excluded)
export const FUNNEL_LEN = 5; // awareness … advocacy
/** Columns of the Sankey: the first MAX_STEPS − 1 steps, then where the path ends. */
export const MAX_STEPS = 4;

export interface PathInput {
  /** Dense user id per row; -1 = missing. */
  user: Int32Array;
  users: number;
  /** Milliseconds per row; NaN = missing. */
  time: Float64Array;
  /** Index into JOURNEY_STAGES per row; -1 = none/unknown (ignored). */
  stage: Int8Array;
  collapse: boolean;
}

export interface PathStats {
  /** Users with at least one staged row. */
  totalUsers: number;
  /** Transition counts and distinct users per (from × K + to). */
  transitions: Float64Array;
  transitionUsers: Float64Array;
  /** Users whose furthest funnel stage is at or after each funnel stage (length 5). */
  reached: Float64Array;
  /** Users who had each stage at least once (length 6). */
  seen: Float64Array;
  /** Users per (step, from, to) for the first MAX_STEPS steps (repeats always merged; the last column is where longer paths end): step × K × K. */
  flows: Float64Array;
  /** Users per (step, stage): where paths are at each step (MAX_STEPS × K), same rules. */
  at: Float64Array;
  /** Users whose path (repeats merged) has more than MAX_STEPS steps: their last column is where they end. */
  longer: number;
}

/** Row indices grouped by user (counting sort, stable), and the start of each user's group. */
export function groupByUser(user: Int32Array, users: number, keep: Uint8Array): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(users + 1);
  for (let i = 0; i < user.length; i++) if (keep[i]) start[user[i] + 1]++;
  for (let u = 0; u < users; u++) start[u + 1] += start[u];
  const order = new Int32Array(start[users]);
  const fill = start.slice(0, users);
  for (let i = 0; i < user.length; i++) if (keep[i]) order[fill[user[i]]++] = i;
  return { order, start };
}

export async function computePaths(input: PathInput, progress: (f: number) => Promise<void>): Promise<PathStats> {
  const { user, users, time, stage, collapse } = input;
  const n = user.length;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) keep[i] = user[i] >= 0 && stage[i] >= 0 && time[i] === time[i] ? 1 : 0;
  const { order, start } = groupByUser(user, users, keep);
  const byTime = (a: number, b: number) => time[a] - time[b] || stage[a] - stage[b] || a - b;

  const transitions = new Float64Array(K * K),
    transitionUsers = new Float64Array(K * K);
  const lastUser = new Int32Array(K * K).fill(-1);
  const reached = new Float64Array(FUNNEL_LEN),
    seen = new Float64Array(K);
  const flows = new Float64Array(MAX_STEPS * K * K),
    at = new Float64Array(MAX_STEPS * K);
  let totalUsers = 0,
    longer = 0;
  const head = new Int8Array(MAX_STEPS - 1);
  for (let u = 0; u < users; u++) {
    if ((u & 4095) === 0) await progress(u / Math.max(1, users));
    const a = start[u],
      b = start[u + 1];
    if (a === b) continue;
    totalUsers++;
    const rows = order.subarray(a, b);
    if (rows.length > 1) rows.sort(byTime);
    let prev = -1,
      furthest = -1,
      mask = 0,
      steps = 0,
      last = -1;
    for (let k = 0; k < rows.length; k++) {
      const s = stage[rows[k]];
      if (s !== last) {
        if (steps < MAX_STEPS - 1) head[steps] = s;
        steps++;
        last = s;
      } // the Sankey's path: repeats merged
      if (collapse && s === prev) continue;
      mask |= 1 << s;
      if (s < FUNNEL_LEN && s > furthest) furthest = s;
      if (prev >= 0) {
        const t = prev * K + s;
        transitions[t]++;
        if (lastUser[t] !== u) {
          lastUser[t] = u;
          transitionUsers[t]++;
        }
      }
      prev = s;
    }
    const columns = Math.min(steps, MAX_STEPS);
    if (steps > MAX_STEPS) longer++;
    const col = (i: number) => (i < MAX_STEPS - 1 ? head[i] : last);
    for (let i = 0; i < columns; i++) {
      at[i * K + col(i)]++;
      if (i > 0) flows[(i - 1) * K * K + col(i - 1) * K + col(i)]++;
    }
    for (let s = 0; s <= furthest; s++) reached[s]++;
    for (let s = 0; s < K; s++) if (mask & (1 << s)) seen[s]++;
  }
  return { totalUsers, transitions, transitionUsers, reached, seen, flows, at, longer };
}
