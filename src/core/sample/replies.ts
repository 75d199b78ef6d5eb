/**
 * Who answers whom in the sample: some comments reply to an earlier comment on the same post
 * (`reply_to`, `reply_to_user`), and some replies tag the person they answer ("@u00042 …"), as
 * Facebook and TikTok do. A few hubs — the most active commenters — draw many of the replies, as
 * real pages have regulars everyone answers. Drawn from a random stream of its own, after the
 * other columns, so the rest of the sample is the same as without it (only the tagged texts gain
 * their "@id " prefix).
 */
import { createRandom, seedFrom } from '../contract/random';

/** Share of comments that answer an earlier comment on the same post (when there is one). */
const REPLY_SHARE = 0.35;
/** Share of replies that tag the person they answer. */
const TAG_SHARE = 0.3;
/** The hubs: this many of the most active commenters (at least 3). */
const HUB_SHARE = 0.005;
/** A hub's comment is this many times likelier to be answered than another earlier one. */
const HUB_PULL = 25;
/** Replies look back at most this many earlier comments of the post. */
const LOOK_BACK = 40;

export interface ReplyColumns {
  /** The interaction id of the answered comment, or null. */
  replyTo: (string | null)[];
  /** Its author, or null. */
  replyToUser: (string | null)[];
  /** Rows whose text gained an "@user " tag. */
  tagged: number;
}

/**
 * Rows in time order. `comment[i]` marks comments; `texts` is changed in place for the tagged
 * replies; `interactionId(i)` and `userIds[user[i]]` name rows and people.
 */
export function replyStructure(
  seed: number,
  user: Int32Array,
  post: Int32Array,
  comment: (i: number) => boolean,
  interactionId: (i: number) => string,
  userIds: readonly string[],
  texts: (string | null)[],
): ReplyColumns {
  const n = user.length;
  const rng = createRandom(seedFrom(seed, 'replies'));
  const comments = new Int32Array(userIds.length);
  for (let i = 0; i < n; i++) if (comment(i)) comments[user[i]]++;
  const hubCount = Math.max(3, Math.round(userIds.length * HUB_SHARE));
  const ranked = Array.from({ length: userIds.length }, (_, u) => u).sort((a, b) => comments[b] - comments[a] || a - b);
  const hub = new Uint8Array(userIds.length);
  for (const u of ranked.slice(0, hubCount)) if (comments[u] > 0) hub[u] = 1;

  const earlier = new Map<number, number[]>();
  const replyTo: (string | null)[] = new Array(n).fill(null),
    replyToUser: (string | null)[] = new Array(n).fill(null);
  let tagged = 0;
  const weights = new Float64Array(LOOK_BACK);
  for (let i = 0; i < n; i++) {
    if (!comment(i)) continue;
    let list = earlier.get(post[i]);
    if (!list) {
      list = [];
      earlier.set(post[i], list);
    }
    if (list.length && rng() < REPLY_SHARE) {
      // Answer one of the latest earlier comments by someone else; hubs pull most replies.
      const from = Math.max(0, list.length - LOOK_BACK);
      let total = 0;
      for (let j = from; j < list.length; j++) {
        const w = user[list[j]] === user[i] ? 0 : hub[user[list[j]]] ? HUB_PULL : 1;
        weights[j - from] = w;
        total += w;
      }
      if (total > 0) {
        let x = rng() * total,
          j = from;
        while (j < list.length - 1 && x >= weights[j - from]) {
          x -= weights[j - from];
          j++;
        }
        const parent = list[j];
        replyTo[i] = interactionId(parent);
        replyToUser[i] = userIds[user[parent]];
        if (texts[i] !== null && rng() < TAG_SHARE) {
          texts[i] = `@${userIds[user[parent]]} ${texts[i]}`;
          tagged++;
        }
      }
    }
    list.push(i);
  }
  return { replyTo, replyToUser, tagged };
}
