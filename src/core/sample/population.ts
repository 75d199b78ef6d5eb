/**
 * The users and posts of the sample audience, as columns plus the latent attributes that drive
 * the interactions. Everything follows from (size, seed) only: users ≈ size / 10 (at least 100),
 * posts ≈ size / 100 (at least 20), within a fixed window ending 2026-06-30 (never the clock).
 */
import { Bool, Int32, Table, makeData, makeVector, type Data } from 'apache-arrow';
import { createRandom, seedFrom, type Random } from '../contract/random';
import { STYLE_CAPITAL, STYLE_ELONGATE, STYLE_EMOJI, STYLE_TEEN, STYLE_UNACCENTED, compileBank, composeText, personName } from './compose';
import { PERSONAS, cumulative, sampleCum } from './personas';
import { idColumn, utf8FromCodes, utf8FromStrings } from './utf8';
import { CAPTIONS, CITIES, INTERESTS, PRODUCTS } from './vocab';

/** The window: 2026-01-01 00:00:00 to 2026-06-30 23:59:59, local wall-clock time. */
export const WINDOW_START_MS = Date.UTC(2026, 0, 1);
export const WINDOW_DAYS = 181;
export const END_SEC = WINDOW_DAYS * 86400 - 1;
const DAY_MS = 86400000;

export const userCount = (size: number) => Math.max(100, Math.round(size / 10));
export const postCount = (size: number) => Math.max(20, Math.round(size / 100));
export const idWidth = (count: number, min: number) => Math.max(min, String(count).length);

/** 'YYYY-MM-DD' of a day counted from the window start (may be negative). */
export const dayString = (day: number) => new Date(WINDOW_START_MS + day * DAY_MS).toISOString().slice(0, 10);
/** 'YYYY-MM-DDTHH:MM:SS' of seconds from the window start. */
export const secString = (sec: number) => new Date(WINDOW_START_MS + sec * 1000).toISOString().slice(0, 19);

/** A standard normal draw (Box–Muller). */
export function normal(rng: Random): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export interface Users {
  n: number;
  width: number;
  persona: Uint8Array;
  activity: Float64Array;
  /** 0 = vi, 1 = en. */
  lang: Uint8Array;
  style: Uint8Array;
  /** Main channel: index into CHANNELS. */
  channel: Uint8Array;
  /** Active period, in seconds from the window start. */
  from: Int32Array;
  to: Int32Array;
  name: string[];
  gender: Uint8Array;
  age: Int32Array;
  city: Uint8Array;
  interests: string[];
  follower: Uint8Array;
  /** Day the user started following / engaging with the page, from the window start. */
  joined: Int32Array;
  /** Outcomes to predict: 1 yes, 0 no, 255 not known (see `drawOutcomes`). */
  purchased: Uint8Array;
  churned: Uint8Array;
}

const GENDERS = ['female', 'male', 'other'];
const CITY_CUM = cumulative(CITIES.map((c) => c.weight));
const PERSONA_CUM = cumulative(PERSONAS.map((p) => p.weight));
const INTEREST_WEIGHTS = PERSONAS.map((p) => p.interests);

export function generateUsers(size: number, seed: number): Users {
  const n = userCount(size);
  const rng = createRandom(seedFrom(seed, 'users'));
  const u: Users = {
    n,
    width: idWidth(n, 5),
    persona: new Uint8Array(n),
    activity: new Float64Array(n),
    lang: new Uint8Array(n),
    style: new Uint8Array(n),
    channel: new Uint8Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
    name: new Array<string>(n),
    gender: new Uint8Array(n),
    age: new Int32Array(n),
    city: new Uint8Array(n),
    interests: new Array<string>(n),
    follower: new Uint8Array(n),
    joined: new Int32Array(n),
    purchased: new Uint8Array(n),
    churned: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const pi = sampleCum(PERSONA_CUM, rng());
    const p = PERSONAS[pi];
    u.persona[i] = pi;
    const g = rng();
    u.gender[i] = g < p.female ? 0 : g < p.female + (1 - p.female) * 0.9 ? 1 : 2;
    const age = Math.round(p.ages[0] + ((p.ages[1] - p.ages[0]) * (rng() + rng())) / 2);
    u.age[i] = age;
    const city = sampleCum(CITY_CUM, rng());
    u.city[i] = city;
    const intl = CITIES[city].intl;
    const en = rng() < (intl ? 0.7 : 0.24);
    u.lang[i] = en ? 1 : 0;
    const vietnameseName = !en || rng() < (intl ? 0.4 : 0.5);
    u.name[i] = personName(rng, u.gender[i] !== 1 && (u.gender[i] === 0 || rng() < 0.5), vietnameseName);
    // Interests: 1–3 distinct, in the catalogue's order.
    const k = 1 + Math.floor(rng() * 3);
    const w = INTEREST_WEIGHTS[pi];
    let chosen = 0;
    for (let j = 0; j < k; j++) {
      let total = 0;
      for (let q = 0; q < w.length; q++) if (!(chosen & (1 << q))) total += w[q];
      let x = rng() * total,
        q = 0;
      for (; q < w.length - 1; q++) {
        if (chosen & (1 << q)) continue;
        if (x < w[q]) break;
        x -= w[q];
      }
      chosen |= 1 << q;
    }
    u.interests[i] = INTERESTS.filter((_, j) => chosen & (1 << j)).join(';');
    u.follower[i] = rng() < p.follower ? 1 : 0;
    // Active period and joining day.
    let joined: number,
      from = 0,
      to = END_SEC;
    if (p.window === 'recent') {
      joined = WINDOW_DAYS - 1 - Math.floor(10 + rng() * 70);
      from = joined * 86400;
    } else if (rng() < 0.15) {
      joined = Math.floor(rng() * 150);
      from = joined * 86400;
    } else {
      joined = -1 - Math.floor(Math.pow(rng(), 1.6) * 2550);
    }
    if (p.window === 'churn') to = Math.max(from + 14 * 86400, Math.floor(from + (0.35 + 0.6 * rng()) * (END_SEC - from)));
    u.joined[i] = joined;
    u.from[i] = from;
    u.to[i] = Math.min(END_SEC, to);
    u.activity[i] = p.activity * Math.exp(0.8 * normal(rng));
    const young = age < 25;
    let style = 0;
    if (rng() < (young ? Math.min(0.9, p.teen + 0.2) : p.teen)) style |= STYLE_TEEN;
    if (rng() < p.unaccented) style |= STYLE_UNACCENTED;
    if (rng() < p.emoji) style |= STYLE_EMOJI;
    if (rng() < (young ? p.elongate + 0.1 : p.elongate)) style |= STYLE_ELONGATE;
    if (rng() < 0.25) style |= STYLE_CAPITAL;
    u.style[i] = style;
    const c = rng();
    u.channel[i] = c < (young ? 0.6 : 0.75) ? 0 : c < (young ? 0.8 : 0.92) ? 1 : 2;
  }
  drawOutcomes(u, seed);
  return u;
}

/** Log-odds of buying and of leaving per persona (in PERSONAS' order), before activity and following. */
const BUY_LOGIT = [-0.6, 0.8, -1.9, -1.3, -1.1];
const LEAVE_LOGIT = [-2.4, -3.2, -1.8, 1.3, -1.2];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Whether each user bought (`purchased`) and left the page (`churned`), drawn from their persona,
 * activity and following with noise, on a random stream of their own: the other columns keep
 * their values. A fifth of the purchases are not known yet (the users to predict).
 */
function drawOutcomes(u: Users, seed: number): void {
  const rng = createRandom(seedFrom(seed, 'outcomes'));
  for (let i = 0; i < u.n; i++) {
    const busy = Math.log(u.activity[i]);
    const buy = sigmoid(BUY_LOGIT[u.persona[i]] + 0.8 * busy + 0.7 * u.follower[i]);
    const leave = sigmoid(LEAVE_LOGIT[u.persona[i]] - 0.6 * busy - 0.5 * u.follower[i]);
    const bought = rng() < buy ? 1 : 0;
    u.purchased[i] = rng() < 0.2 ? 255 : bought;
    u.churned[i] = rng() < leave ? 1 : 0;
  }
}

/** A yes/no column from 1/0 codes, 255 = missing. */
function boolColumn(codes: Uint8Array): Data<Bool> {
  const n = codes.length;
  const values = new Uint8Array((n + 7) >> 3),
    valid = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    if (codes[i] === 255) nullCount++;
    else {
      valid[i >> 3] |= 1 << (i & 7);
      if (codes[i]) values[i >> 3] |= 1 << (i & 7);
    }
  }
  return makeData({ type: new Bool(), length: n, nullCount, data: values, ...(nullCount ? { nullBitmap: valid } : {}) }) as Data<Bool>;
}

/** The users table (no latent column). */
export function usersTable(u: Users): Table {
  const follower = new Uint8Array((u.n + 7) >> 3);
  for (let i = 0; i < u.n; i++) if (u.follower[i]) follower[i >> 3] |= 1 << (i & 7);
  const languages = ['vi', 'en'];
  return new Table({
    user_id: makeVector(idColumn('u', u.n, u.width)),
    name: makeVector(utf8FromStrings(u.name)),
    gender: makeVector(utf8FromCodes(u.gender, GENDERS)),
    age: makeVector(makeData({ type: new Int32(), length: u.n, nullCount: 0, data: u.age })),
    city: makeVector(
      utf8FromCodes(
        u.city,
        CITIES.map((c) => c.name),
      ),
    ),
    language: makeVector(utf8FromCodes(u.lang, languages)),
    interests: makeVector(utf8FromStrings(u.interests)),
    follower: makeVector(makeData({ type: new Bool(), length: u.n, nullCount: 0, data: follower }) as Data<Bool>),
    joined: makeVector(utf8FromStrings(Array.from(u.joined, dayString))),
    purchased: makeVector(boolColumn(u.purchased)),
    churned: makeVector(boolColumn(u.churned)),
  });
}

export const TOPICS = [
  'product launch',
  'promotion',
  'tutorial',
  'giveaway',
  'customer review',
  'behind the scenes',
  'livestream',
  'announcement',
];
const TOPIC_CUM = cumulative([0.16, 0.2, 0.14, 0.06, 0.12, 0.08, 0.12, 0.04]);
const TOPIC_BOOST = [1.3, 1.5, 1, 3, 1, 0.8, 2, 0.5];
/** Deal topics draw bargain hunters. */
export const DEAL_TOPIC = [false, true, false, true, false, false, true, false];
export const POST_TYPES = ['photo', 'video', 'live', 'link', 'status'];
/** Post type weights per topic. */
const TYPE_BY_TOPIC = [
  [0.6, 0.4, 0, 0, 0],
  [0.5, 0.2, 0, 0.3, 0],
  [0.3, 0.7, 0, 0, 0],
  [1, 0, 0, 0, 0],
  [0.7, 0.3, 0, 0, 0],
  [0.5, 0.5, 0, 0, 0],
  [0, 0, 1, 0, 0],
  [0, 0, 0, 0.4, 0.6],
].map(cumulative);
const POST_HOUR_CUM = cumulative([0, 0, 0, 0, 0, 0, 0, 0.5, 1, 2, 2, 4, 3, 1, 1, 1, 1.5, 1.5, 2, 4, 4, 2, 1, 0]);
const CAPTION_BANKS = TOPICS.map((t) => compileBank(CAPTIONS[t]));

export interface Posts {
  n: number;
  width: number;
  /** Seconds from the window start, ascending with the post index. */
  published: Int32Array;
  type: Uint8Array;
  topic: Uint8Array;
  product: Uint8Array;
  popularity: Float64Array;
  text: string[];
}

export function generatePosts(size: number, seed: number): Posts {
  const n = postCount(size);
  const rng = createRandom(seedFrom(seed, 'posts'));
  const published = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const day = Math.floor(rng() * (WINDOW_DAYS - 2));
    published[i] = day * 86400 + sampleCum(POST_HOUR_CUM, rng()) * 3600 + Math.floor(rng() * 12) * 300;
  }
  published.sort();
  const p: Posts = {
    n,
    width: idWidth(n, 4),
    published,
    type: new Uint8Array(n),
    topic: new Uint8Array(n),
    product: new Uint8Array(n),
    popularity: new Float64Array(n),
    text: new Array<string>(n),
  };
  for (let i = 0; i < n; i++) {
    const topic = sampleCum(TOPIC_CUM, rng());
    p.topic[i] = topic;
    p.type[i] = sampleCum(TYPE_BY_TOPIC[topic], rng());
    const product = Math.floor(rng() * PRODUCTS.length);
    p.product[i] = product;
    p.popularity[i] = TOPIC_BOOST[topic] * Math.exp(0.7 * normal(rng));
    const lang = rng() < 0.75 ? 0 : 1;
    p.text[i] = composeText(rng, CAPTION_BANKS[topic], lang, 'pos', 0, product);
  }
  return p;
}

export function postsTable(p: Posts): Table {
  return new Table({
    post_id: makeVector(idColumn('p', p.n, p.width)),
    published: makeVector(utf8FromStrings(Array.from(p.published, secString))),
    type: makeVector(utf8FromCodes(p.type, POST_TYPES)),
    topic: makeVector(utf8FromCodes(p.topic, TOPICS)),
    product: makeVector(
      utf8FromCodes(
        p.product,
        PRODUCTS.map((x) => x.vi),
      ),
    ),
    text: makeVector(utf8FromStrings(p.text)),
  });
}
