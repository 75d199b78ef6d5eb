/**
 * The interactions of the sample audience, built column by column (typed arrays and one array of
 * texts, no row objects), then ordered by time. Behaviour comes from each user's latent persona.
 */
import { Int32, Table, makeData, makeVector } from 'apache-arrow';
import { createRandom, seedFrom } from '../contract/random';
import { compileBank, composeText, type CompiledBank } from './compose';
import { replyStructure } from './replies';
import {
  BANKS,
  BANK_SENTIMENT,
  CHANNELS,
  PERSONAS,
  REACTIONS,
  TYPES,
  aliasTable,
  cumulative,
  sampleAlias,
  sampleCum,
  searchPrefix,
} from './personas';
import { DEAL_TOPIC, END_SEC, WINDOW_DAYS, dayString, idWidth, type Posts, type Users } from './population';
import { idStrings, utf8FromCodes, utf8FromStrings, utf8Fixed, writeDigits } from './utf8';
import { COMMENTS, SHARES } from './vocab';

const COMMENT_BANKS: CompiledBank[] = BANKS.map((b) => compileBank(COMMENTS[b]));
const SHARE_BANKS = { awareness: compileBank(SHARES.awareness), advocacy: compileBank(SHARES.advocacy) };
const TYPE_CUMS = PERSONAS.map((p) => cumulative(p.types));
const REACTION_CUMS = PERSONAS.map((p) => cumulative(p.reactions));
const HOUR_ALIAS = PERSONAS.map((p) => aliasTable(p.hours));
const ADVOCATE = PERSONAS.findIndex((p) => p.id === 'loyal advocate');
const NULL8 = 255;

/** Prefix sums with a leading 0. */
function prefix(weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length + 1);
  for (let i = 0; i < weights.length; i++) out[i + 1] = out[i] + weights[i];
  return out;
}

/** First index whose value is >= x in an ascending array. */
function lowerBound(values: Int32Array, x: number): number {
  let a = 0,
    b = values.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (values[m] < x) a = m + 1;
    else b = m;
  }
  return a;
}

export interface GenerateOptions {
  /** Called every ~50k rows with the fraction done; rejects to cancel. */
  progress?: (fraction: number) => Promise<void>;
}

export async function generateInteractions(
  size: number,
  seed: number,
  users: Users,
  posts: Posts,
  options: GenerateOptions = {},
): Promise<Table> {
  const n = size;
  const rng = createRandom(seedFrom(seed, 'interactions'));
  const userAlias = aliasTable(users.activity);
  const postPrefix = prefix(posts.popularity);
  const dealPrefix = prefix(posts.popularity.map((w, i) => w * (DEAL_TOPIC[posts.topic[i]] ? 4 : 0.5)));
  // Each user's posts: those published in their active period.
  const lo = new Int32Array(users.n),
    hi = new Int32Array(users.n);
  for (let u = 0; u < users.n; u++) {
    let a = lowerBound(posts.published, users.from[u]);
    let b = lowerBound(posts.published, users.to[u] + 1);
    if (a >= posts.n) a = posts.n - 1;
    if (b <= a) b = a + 1;
    lo[u] = a;
    hi[u] = b;
  }

  const userCode = new Int32Array(n),
    postCode = new Int32Array(n),
    sec = new Int32Array(n);
  const type = new Uint8Array(n),
    reaction = new Uint8Array(n).fill(NULL8),
    lang = new Uint8Array(n).fill(NULL8),
    channel = new Uint8Array(n);
  const text: (string | null)[] = new Array<string | null>(n).fill(null);
  const weights = new Float64Array(BANKS.length);
  const lastPost = new Int32Array(users.n).fill(-1);
  const CHUNK = 50_000;

  for (let start = 0; start < n; start += CHUNK) {
    if (options.progress) await options.progress((0.85 * start) / n);
    const stop = Math.min(n, start + CHUNK);
    for (let i = start; i < stop; i++) {
      const u = sampleAlias(userAlias, rng());
      const pi = users.persona[u];
      const persona = PERSONAS[pi];
      const pf = rng() < persona.deals ? dealPrefix : postPrefix;
      const a = lo[u],
        b = hi[u];
      // Often back on the post they just engaged with (react, then comment or share).
      const post = lastPost[u] >= 0 && rng() < 0.3 ? lastPost[u] : searchPrefix(pf, pf[a] + rng() * (pf[b] - pf[a]), a, b);
      lastPost[u] = post;
      // When: a few days at most after the post, at an hour the persona likes.
      const published = posts.published[post];
      const r = rng();
      const delay = r < 0.55 ? 0 : r < 0.8 ? 1 : r < 0.9 ? 2 : 3 + Math.floor(-Math.log(1 - rng()) * 4);
      let s = (Math.floor(published / 86400) + delay) * 86400 + sampleAlias(HOUR_ALIAS[pi], rng()) * 3600 + Math.floor(rng() * 3600);
      if (s < published) s = rng() < 0.6 ? s + 86400 : published + 60 + Math.floor(rng() * 5400);
      if (s > END_SEC) s = END_SEC - Math.floor(rng() * 6 * 3600);
      const t = sampleCum(TYPE_CUMS[pi], rng());
      userCode[i] = u;
      postCode[i] = post;
      sec[i] = s;
      type[i] = t;
      channel[i] = rng() < 0.85 ? users.channel[u] : 0;
      let language = users.lang[u];
      if (rng() < (language ? 0.03 : 0.07)) language = 1 - language;
      if (t === 1) {
        reaction[i] = sampleCum(REACTION_CUMS[pi], rng());
      } else if (t === 0) {
        // The journey cue moves from the persona's early to late mix over the user's active period.
        const span = Math.max(1, users.to[u] - users.from[u]);
        const f = Math.min(1, Math.max(0, (s - users.from[u]) / span));
        let total = 0;
        for (let k = 0; k < weights.length; k++) {
          weights[k] = persona.early[k] * (1 - f) + persona.late[k] * f;
          total += weights[k];
        }
        let x = rng() * total,
          bank = 0;
        while (bank < weights.length - 1 && x >= weights[bank]) {
          x -= weights[bank];
          bank++;
        }
        text[i] = composeText(
          rng,
          COMMENT_BANKS[bank],
          language as 0 | 1,
          BANK_SENTIMENT[bank],
          users.style[u],
          rng() < 0.75 ? posts.product[post] : -1,
        );
        lang[i] = language;
      } else if (rng() < persona.shareText) {
        const advocacy = pi === ADVOCATE;
        text[i] = composeText(
          rng,
          advocacy ? SHARE_BANKS.advocacy : SHARE_BANKS.awareness,
          language as 0 | 1,
          'pos',
          users.style[u],
          rng() < 0.75 ? posts.product[post] : -1,
        );
        lang[i] = language;
      }
    }
  }
  if (options.progress) await options.progress(0.85);

  // Order rows by time (ties by generation order), as platform exports are.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = sec[i] * 2097152 + i;
  keys.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = keys[i] % 2097152;
  const permute = <A extends Int32Array | Uint8Array>(values: A): A => {
    const out = new (values.constructor as new (n: number) => A)(n);
    for (let i = 0; i < n; i++) out[i] = values[order[i]];
    return out;
  };
  const textSorted = new Array<string | null>(n);
  for (let i = 0; i < n; i++) textSorted[i] = text[order[i]];
  if (options.progress) await options.progress(0.9);

  // Timestamps as fixed-width ASCII 'YYYY-MM-DDTHH:MM:SS', local hour beside them.
  const dayBytes = new Uint8Array(WINDOW_DAYS * 10);
  for (let d = 0; d < WINDOW_DAYS; d++) for (let k = 0; k < 10; k++) dayBytes[d * 10 + k] = dayString(d).charCodeAt(k);
  const ts = new Uint8Array(n * 19);
  const hour = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = sec[order[i]];
    const d = Math.floor(s / 86400),
      r = s - d * 86400;
    const h = Math.floor(r / 3600),
      m = Math.floor((r % 3600) / 60),
      x = r % 60;
    const o = i * 19;
    for (let k = 0; k < 10; k++) ts[o + k] = dayBytes[d * 10 + k];
    ts[o + 10] = 84; // T
    writeDigits(ts, o + 11, h, 2);
    ts[o + 13] = 58;
    writeDigits(ts, o + 14, m, 2);
    ts[o + 16] = 58;
    writeDigits(ts, o + 17, x, 2);
    hour[i] = h;
  }
  const idW = idWidth(n, 7);
  const ids = new Uint8Array(n * (idW + 1));
  for (let i = 0; i < n; i++) {
    ids[i * (idW + 1)] = 105;
    writeDigits(ids, i * (idW + 1) + 1, i + 1, idW);
  }

  // Replies and tags come last, from their own random stream: the columns above do not move.
  const userSorted = permute(userCode),
    typeSorted = permute(type);
  const userIds = idStrings('u', users.n, users.width);
  const replies = replyStructure(
    seed,
    userSorted,
    permute(postCode),
    (i) => typeSorted[i] === 0,
    (i) => `i${String(i + 1).padStart(idW, '0')}`,
    userIds,
    textSorted,
  );

  const table = new Table({
    interaction_id: makeVector(utf8Fixed(ids, idW + 1, n)),
    user_id: makeVector(utf8FromCodes(userSorted, userIds)),
    post_id: makeVector(utf8FromCodes(permute(postCode), idStrings('p', posts.n, posts.width))),
    type: makeVector(utf8FromCodes(typeSorted, TYPES)),
    reaction: makeVector(utf8FromCodes(permute(reaction), REACTIONS)),
    timestamp: makeVector(utf8Fixed(ts, 19, n)),
    hour: makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: hour })),
    text: makeVector(utf8FromStrings(textSorted)),
    language: makeVector(utf8FromCodes(permute(lang), ['vi', 'en'])),
    channel: makeVector(utf8FromCodes(permute(channel), CHANNELS)),
    reply_to: makeVector(utf8FromStrings(replies.replyTo)),
    reply_to_user: makeVector(utf8FromStrings(replies.replyToUser)),
  });
  if (options.progress) await options.progress(1);
  return table;
}
