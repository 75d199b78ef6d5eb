/**
 * Per-user journey paths, columnar: rows are grouped by user with a counting sort (typed arrays),
 * each user's rows sorted by time (ties: earlier funnel stage first, then row order), repeats
 * optionally collapsed; then transitions, funnel reach and step-by-step flows are counted.
 */
import { JOURNEY_STAGES } from './stages';

export const K = JOURNEY_STAGES.length; // 6 stages (none excluded)
export const FUNNEL_LEN = 5; // awareness … advocacy
export const MAX_STEPS = 6;

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
  /** Users per (step, from, to) for the first MAX_STEPS steps: step × K × K. */
  flows: Float64Array;
  /** Users per (step, stage): where paths are at each step (MAX_STEPS × K). */
  at: Float64Array;
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

  const transitions = new Float64Array(K * K), transitionUsers = new Float64Array(K * K);
  const lastUser = new Int32Array(K * K).fill(-1);
  const reached = new Float64Array(FUNNEL_LEN), seen = new Float64Array(K);
  const flows = new Float64Array(MAX_STEPS * K * K), at = new Float64Array(MAX_STEPS * K);
  let totalUsers = 0;
  for (let u = 0; u < users; u++) {
    if ((u & 4095) === 0) await progress(u / Math.max(1, users));
    const a = start[u], b = start[u + 1];
    if (a === b) continue;
    totalUsers++;
    const rows = order.subarray(a, b);
    if (rows.length > 1) rows.sort(byTime);
    let prev = -1, step = 0, furthest = -1, mask = 0;
    for (let k = 0; k < rows.length; k++) {
      const s = stage[rows[k]];
      if (collapse && s === prev) continue;
      mask |= 1 << s;
      if (s < FUNNEL_LEN && s > furthest) furthest = s;
      if (step < MAX_STEPS) at[step * K + s]++;
      if (prev >= 0) {
        const t = prev * K + s;
        transitions[t]++;
        if (lastUser[t] !== u) { lastUser[t] = u; transitionUsers[t]++; }
        if (step <= MAX_STEPS - 1) flows[(step - 1) * K * K + t]++;
      }
      prev = s;
      step++;
    }
    for (let s = 0; s <= furthest; s++) reached[s]++;
    for (let s = 0; s < K; s++) if (mask & (1 << s)) seen[s]++;
  }
  return { totalUsers, transitions, transitionUsers, reached, seen, flows, at };
}
