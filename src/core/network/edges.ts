/**
 * Interaction edges from table columns: ids read as text, missing ends skipped, self-loops
 * dropped, duplicate (source, target) pairs summed into one weighted edge. Counts of each are kept
 * so the node can say what it did.
 */

export interface EdgeList {
  /** Person ids, in order of first appearance. */
  ids: string[];
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** First and last time seen per edge (text), when a time column was given. */
  first?: (string | null)[];
  last?: (string | null)[];
  /** Rows skipped because the source or the target was empty. */
  skipped: number;
  /** Rows whose source equals the target (dropped). */
  selfLoops: number;
  /** Rows merged into an edge already seen (their weights summed). */
  duplicates: number;
  /** Rows whose weight was missing, not a number or negative (counted as 1 / skipped). */
  badWeights: number;
}

const idOf = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'bigint') return String(v);
  const s = String(v).trim();
  return s === '' ? null : s;
};

const timeOf = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** Time order of two time texts: as numbers when both are numbers (9 before 10), else as text (ISO). */
const earlier = (a: string, b: string) => {
  const x = Number(a),
    y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x < y : a < b;
};

/**
 * Builds a weighted edge list. `weights` missing: every row counts 1. A missing or non-numeric
 * weight counts 1; a zero or negative one drops the row (counted in `badWeights`).
 */
export function buildEdges(
  sources: readonly unknown[],
  targets: readonly unknown[],
  weights?: ArrayLike<number>,
  times?: readonly unknown[],
): EdgeList {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const code = (s: string) => {
    let k = index.get(s);
    if (k === undefined) {
      k = ids.length;
      index.set(s, k);
      ids.push(s);
    }
    return k;
  };
  const pairs = new Map<number, number>();
  const src: number[] = [],
    dst: number[] = [],
    w: number[] = [];
  const first: (string | null)[] = [],
    last: (string | null)[] = [];
  let skipped = 0,
    selfLoops = 0,
    duplicates = 0,
    badWeights = 0;
  for (let i = 0; i < sources.length; i++) {
    const a = idOf(sources[i]),
      b = idOf(targets[i]);
    if (a === null || b === null) {
      skipped++;
      continue;
    }
    let weight = 1;
    if (weights) {
      const x = weights[i];
      if (!Number.isFinite(x)) badWeights++;
      else if (x <= 0) {
        badWeights++;
        continue;
      } else weight = x;
    }
    if (a === b) {
      code(a);
      selfLoops++;
      continue;
    }
    const s = code(a),
      t = code(b);
    // Pair key: exact for up to 2^26 people each side.
    const key = s * 67108864 + t;
    const e = pairs.get(key);
    const time = times ? timeOf(times[i]) : null;
    if (e === undefined) {
      pairs.set(key, src.length);
      src.push(s);
      dst.push(t);
      w.push(weight);
      if (times) {
        first.push(time);
        last.push(time);
      }
    } else {
      duplicates++;
      w[e] += weight;
      if (times && time !== null) {
        if (first[e] === null || earlier(time, first[e]!)) first[e] = time;
        if (last[e] === null || earlier(last[e]!, time)) last[e] = time;
      }
    }
  }
  return {
    ids,
    source: Int32Array.from(src),
    target: Int32Array.from(dst),
    weight: Float64Array.from(w),
    ...(times ? { first, last } : {}),
    skipped,
    selfLoops,
    duplicates,
    badWeights,
  };
}

export interface ThreadRows {
  user: readonly unknown[];
  post: readonly unknown[];
  type: readonly unknown[];
  time: readonly unknown[];
}

/**
 * Person-to-person edges from an interactions export that has no reply-to or author column (the
 * built-in sample: user_id, post_id, type, timestamp): on each post, in time order, a comment or
 * share links its author to the author of the latest earlier comment by someone else ("joins the
 * conversation of"). Reactions go to the post, not to a person, and give no edge.
 */
export function threadEdges(rows: ThreadRows): {
  sources: (string | null)[];
  targets: (string | null)[];
  times: (string | null)[];
  used: number;
} {
  const n = rows.user.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const t = rows.time.map(timeOf);
  // Times as numbers when the column holds numbers or dates (epoch ms, Arrow timestamps), else as
  // text (ISO text sorts in time order); empty times first, ties in row order.
  const numeric = rows.time.map((v) =>
    typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.getTime() : NaN,
  );
  const byNumber = numeric.some((x) => !Number.isNaN(x));
  order.sort((a, b) => {
    if (byNumber) {
      const x = Number.isNaN(numeric[a]) ? -Infinity : numeric[a],
        y = Number.isNaN(numeric[b]) ? -Infinity : numeric[b];
      return x < y ? -1 : x > y ? 1 : a - b;
    }
    const x = t[a] ?? '',
      y = t[b] ?? '';
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const lastCommenter = new Map<string, string>();
  const sources: (string | null)[] = [],
    targets: (string | null)[] = [],
    times: (string | null)[] = [];
  let used = 0;
  for (const i of order) {
    const user = idOf(rows.user[i]),
      post = idOf(rows.post[i]);
    const kind = String(rows.type[i] ?? '').toLowerCase();
    if (user === null || post === null) continue;
    if (kind !== 'comment' && kind !== 'share' && kind !== 'reply') continue;
    used++;
    const previous = lastCommenter.get(post);
    if (previous !== undefined && previous !== user) {
      sources.push(user);
      targets.push(previous);
      times.push(t[i]);
    }
    if (kind !== 'share') lastCommenter.set(post, user);
  }
  return { sources, targets, times, used };
}

/**
 * Reply edges from an export whose rows name the comment they answer (`reply_to` = an
 * `interaction_id`) but not its author: each reply links its author to the answered comment's.
 */
export function replyEdges(
  authors: readonly unknown[],
  ids: readonly unknown[],
  replyTo: readonly unknown[],
): { sources: unknown[]; targets: (unknown | null)[]; rows: number[]; used: number } {
  const authorOf = new Map<string, unknown>();
  ids.forEach((id, i) => {
    const k = idOf(id);
    if (k !== null) authorOf.set(k, authors[i]);
  });
  const sources: unknown[] = [],
    targets: (unknown | null)[] = [],
    rows: number[] = [];
  let used = 0;
  replyTo.forEach((parent, i) => {
    const k = idOf(parent);
    if (k === null) return;
    used++;
    sources.push(authors[i]);
    targets.push(authorOf.get(k) ?? null);
    rows.push(i);
  });
  return { sources, targets, rows, used };
}

/**
 * Mention edges: each @name of a row's text links the row's author to that person. Names are
 * matched to the authors' ids without regard to case ("@Linh_Tran" is the author "linh_tran");
 * a name no author has stays as written. A text naming the same person twice gives one link.
 */
export function mentionEdges(
  authors: readonly unknown[],
  mentions: readonly (readonly string[] | null)[],
): { sources: unknown[]; targets: string[]; rows: number[]; used: number } {
  const known = new Map<string, string>();
  for (const a of authors) {
    const k = idOf(a);
    if (k !== null && !known.has(k.toLowerCase())) known.set(k.toLowerCase(), k);
  }
  const sources: unknown[] = [],
    targets: string[] = [],
    rows: number[] = [];
  let used = 0;
  mentions.forEach((list, i) => {
    if (!list || !list.length) return;
    used++;
    for (const m of new Set(list.map((x) => x.toLowerCase()))) {
      sources.push(authors[i]);
      targets.push(known.get(m) ?? m);
      rows.push(i);
    }
  });
  return { sources, targets, rows, used };
}

/** Most earlier commenters one comment is linked to in the co-comment mode (the latest ones). */
export const CO_COMMENT_CAP = 100;

/**
 * Co-comment edges: on each post, a comment links its author to every other person who commented
 * on the same post in the `windowMs` before it (people who talk on the same post at the same
 * time), at most `CO_COMMENT_CAP` of the latest. A pair is linked once per post (the weight of a
 * link is then the number of posts they met on), from the later commenter to the earlier one, at
 * the later comment's time. Rows with no person, post or time, and reactions, give no edge.
 */
export function coCommentEdges(
  rows: { user: readonly unknown[]; post: readonly unknown[]; type?: readonly unknown[]; ms: ArrayLike<number> },
  windowMs: number,
): { sources: string[]; targets: string[]; times: number[]; used: number; capped: number } {
  const n = rows.user.length;
  const byPost = new Map<string, number[]>();
  let used = 0;
  for (let i = 0; i < n; i++) {
    const user = idOf(rows.user[i]),
      post = idOf(rows.post[i]);
    const t = rows.ms[i];
    if (user === null || post === null || !Number.isFinite(t)) continue;
    if (rows.type) {
      const kind = String(rows.type[i] ?? '').toLowerCase();
      if (kind !== 'comment' && kind !== 'reply' && kind !== '') continue;
    }
    used++;
    let list = byPost.get(post);
    if (!list) byPost.set(post, (list = []));
    list.push(i);
  }
  const sources: string[] = [],
    targets: string[] = [],
    times: number[] = [];
  let capped = 0;
  for (const list of byPost.values()) {
    list.sort((a, b) => rows.ms[a] - rows.ms[b] || a - b);
    const linked = new Set<string>();
    let from = 0;
    for (let j = 0; j < list.length; j++) {
      const i = list[j];
      const t = rows.ms[i];
      while (rows.ms[list[from]] < t - windowMs) from++;
      const user = idOf(rows.user[i])!;
      const seen = new Set<string>();
      for (let q = j - 1; q >= from; q--) {
        const other = idOf(rows.user[list[q]])!;
        if (other === user || seen.has(other)) continue;
        if (seen.size >= CO_COMMENT_CAP) {
          capped++;
          break;
        }
        seen.add(other);
        const key = user < other ? `${user}\u0000${other}` : `${other}\u0000${user}`;
        if (linked.has(key)) continue;
        linked.add(key);
        sources.push(user);
        targets.push(other);
        times.push(t);
      }
    }
  }
  return { sources, targets, times, used, capped };
}
