/**
 * Latent personas of the sample audience. They are never written to the output: they only drive
 * behaviour (how much, when, what kind of interaction, what people write), so that clustering
 * the features finds real structure.
 */

/** Comment banks in `COMMENTS`, in the order of the stage weights below. */
export const BANKS = ['awareness', 'price', 'logistics', 'purchase', 'good', 'bad', 'advocacy', 'churn', 'none'] as const;
export const BANK_SENTIMENT: ('pos' | 'neu' | 'neg')[] = ['pos', 'neu', 'neu', 'pos', 'pos', 'neg', 'pos', 'neg', 'neu'];

export const REACTIONS = ['like', 'love', 'haha', 'wow', 'sad', 'angry'];
export const TYPES = ['comment', 'reaction', 'share'];
export const CHANNELS = ['facebook', 'instagram', 'tiktok'];

export interface Persona {
  /** For documentation and tests only; never output. */
  id: string;
  /** Share of users. */
  weight: number;
  /** Relative number of interactions per user (a log-normal noise is added per user). */
  activity: number;
  /** Probabilities of comment, reaction, share. */
  types: [number, number, number];
  /** Weights of like, love, haha, wow, sad, angry. */
  reactions: number[];
  /** Weights of the 24 local hours. */
  hours: number[];
  /** Weights of the comment banks at the start and at the end of the user's active period. */
  early: number[];
  late: number[];
  /** Chance to follow the page. */
  follower: number;
  ages: [number, number];
  female: number;
  /** Weights over `INTERESTS`. */
  interests: number[];
  /** Chance to pick a deal post (promotion, livestream, giveaway) rather than any post. */
  deals: number;
  /** `recent`: joined lately; `churn`: stops interacting before the end. */
  window: 'full' | 'recent' | 'churn';
  /** Chances of the writing styles: teen code, no diacritics, emoji, elongation. */
  teen: number;
  unaccented: number;
  emoji: number;
  elongate: number;
  /** Chance that a share carries a short text. */
  shareText: number;
}

export const PERSONAS: Persona[] = [
  {
    id: 'night-owl bargain hunter',
    weight: 0.2,
    activity: 1.3,
    types: [0.55, 0.4, 0.05],
    reactions: [0.55, 0.2, 0.1, 0.1, 0.03, 0.02],
    hours: [8, 7, 5, 3, 1, 0.5, 0.3, 0.3, 0.5, 0.5, 0.5, 0.8, 1.5, 1, 0.8, 0.8, 1, 1, 1.5, 2, 3, 5, 8, 9],
    early: [0.12, 0.45, 0.1, 0.18, 0.04, 0.01, 0, 0, 0.1],
    late: [0.05, 0.4, 0.05, 0.3, 0.08, 0.02, 0.02, 0, 0.08],
    follower: 0.55,
    ages: [17, 27],
    female: 0.82,
    interests: [2, 3, 3, 1, 1, 7, 1, 0.5, 0.5, 2],
    deals: 0.7,
    window: 'full',
    teen: 0.7,
    unaccented: 0.3,
    emoji: 0.45,
    elongate: 0.35,
    shareText: 0.4,
  },
  {
    id: 'loyal advocate',
    weight: 0.13,
    activity: 2.2,
    types: [0.35, 0.35, 0.3],
    reactions: [0.3, 0.6, 0.04, 0.05, 0.005, 0.005],
    hours: [0.5, 0.2, 0.1, 0.1, 0.1, 0.2, 1, 2, 2, 1.5, 1.5, 2, 4, 3, 1.5, 1.5, 1.5, 2, 3, 5, 6, 6, 4, 1.5],
    early: [0.08, 0.05, 0.05, 0.15, 0.25, 0.01, 0.36, 0, 0.05],
    late: [0.04, 0.03, 0.03, 0.12, 0.2, 0.01, 0.52, 0, 0.05],
    follower: 0.96,
    ages: [24, 42],
    female: 0.9,
    interests: [6, 3, 2, 1.5, 2, 0.5, 2, 1, 1, 3],
    deals: 0.2,
    window: 'full',
    teen: 0.15,
    unaccented: 0.08,
    emoji: 0.65,
    elongate: 0.3,
    shareText: 0.55,
  },
  {
    id: 'silent reactor',
    weight: 0.35,
    activity: 0.9,
    types: [0.05, 0.92, 0.03],
    reactions: [0.7, 0.2, 0.04, 0.04, 0.01, 0.01],
    hours: [0.5, 0.3, 0.1, 0.1, 0.1, 0.5, 2, 4, 4, 3, 2, 2.5, 4, 3, 2, 2, 2, 2.5, 3, 4, 4, 4, 2.5, 1],
    early: [0.35, 0.1, 0.1, 0.05, 0.08, 0.02, 0.03, 0, 0.27],
    late: [0.35, 0.1, 0.1, 0.05, 0.08, 0.02, 0.03, 0, 0.27],
    follower: 0.8,
    ages: [18, 55],
    female: 0.75,
    interests: [2, 2, 3, 1, 1, 1, 3, 2, 2, 1],
    deals: 0.3,
    window: 'full',
    teen: 0.25,
    unaccented: 0.15,
    emoji: 0.3,
    elongate: 0.1,
    shareText: 0.2,
  },
  {
    id: 'complainer / churner',
    weight: 0.12,
    activity: 1.0,
    types: [0.6, 0.37, 0.03],
    reactions: [0.35, 0.05, 0.05, 0.05, 0.2, 0.3],
    hours: [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.8, 2, 4, 5, 5, 5, 4, 4, 5, 5, 4.5, 4, 3, 2.5, 2, 1.5, 0.8, 0.4],
    early: [0.04, 0.06, 0.08, 0.25, 0.08, 0.3, 0, 0.07, 0.12],
    late: [0, 0.02, 0.03, 0.03, 0.02, 0.3, 0, 0.55, 0.05],
    follower: 0.3,
    ages: [25, 48],
    female: 0.8,
    interests: [3, 2, 3, 1, 1, 2, 1, 1, 1, 1],
    deals: 0.3,
    window: 'churn',
    teen: 0.15,
    unaccented: 0.2,
    emoji: 0.25,
    elongate: 0.15,
    shareText: 0.2,
  },
  {
    id: 'new prospect',
    weight: 0.2,
    activity: 0.35,
    types: [0.45, 0.5, 0.05],
    reactions: [0.6, 0.2, 0.05, 0.13, 0.01, 0.01],
    hours: [1, 0.5, 0.2, 0.1, 0.1, 0.1, 0.5, 1, 1.5, 1.5, 1.5, 2, 3.5, 2.5, 1.5, 1.5, 1.5, 2, 3, 4, 5, 5.5, 4, 2],
    early: [0.5, 0.15, 0.2, 0.01, 0, 0, 0, 0, 0.14],
    late: [0.2, 0.25, 0.3, 0.15, 0, 0, 0, 0, 0.1],
    follower: 0.25,
    ages: [18, 35],
    female: 0.85,
    interests: [2, 2, 2, 1, 1, 1.5, 2, 1, 1, 2],
    deals: 0.4,
    window: 'recent',
    teen: 0.45,
    unaccented: 0.2,
    emoji: 0.4,
    elongate: 0.25,
    shareText: 0.3,
  },
];

/** Cumulative, normalised weights (last entry 1) for sampling with `sampleCum`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    out[i] = acc / total;
  }
  out[weights.length - 1] = 1;
  return out;
}

/** The index drawn by a uniform `u` from cumulative weights (linear scan; for short lists). */
export function sampleCum(cum: Float64Array, u: number): number {
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]) i++;
  return i;
}

/** Index k in [lo, hi) with prefix[k] <= x < prefix[k + 1], for prefix sums with a leading 0. */
export function searchPrefix(prefix: Float64Array, x: number, lo: number, hi: number): number {
  let a = lo,
    b = hi - 1;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (prefix[m] <= x) a = m;
    else b = m - 1;
  }
  return a;
}

/** Walker's alias table for O(1) draws from many weights. */
export interface Alias {
  prob: Float64Array;
  alias: Int32Array;
}

export function aliasTable(weights: ArrayLike<number>): Alias {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const prob = new Float64Array(n),
    alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n),
    large = new Int32Array(n);
  let ns = 0,
    nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / total;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns && nl) {
    const s = small[--ns],
      l = large[--nl];
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  while (nl) prob[large[--nl]] = 1;
  while (ns) prob[small[--ns]] = 1;
  return { prob, alias };
}

/** A draw from an alias table with one uniform number. */
export function sampleAlias(table: Alias, u: number): number {
  const x = u * table.prob.length;
  const i = Math.floor(x);
  return x - i < table.prob[i] ? i : table.alias[i];
}
