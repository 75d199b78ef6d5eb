/**
 * X (Twitter) account archives: `data/tweets.js` (`window.YTD.tweets.part0 = [{"tweet": {…}}, …]`)
 * as interaction rows, one per tweet:
 * - a reply (`in_reply_to_status_id_str` set) → type `comment` on the tweet it answers (post_id);
 * - a retweet (`full_text` starting "RT @") → type `share`, post_id its own id;
 * - any other tweet → type `post`, post_id its own id;
 * user_id is the archive's account: `user_id_str` / `author_id` / `user.id_str` when the tweets
 * carry it, else "self" (an archive holds one account's tweets). `favorite_count` and
 * `retweet_count` say nobody, so they are not rows. The text has its HTML entities decoded;
 * language is the tweet's `lang` when it is vi or en, else detected.
 */
import { NodeError } from '../../contract/errors';
import type { Text } from '../../contract/i18n';
import { type SocialRow, detectLanguage, isObject, parseJson, shapeError, str, unescapeHtml } from './rows';

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** 'Wed Oct 10 20:19:24 +0000 2018' → UTC ms (ISO text is accepted too); NaN if unreadable. */
export function parseTwitterTime(text: unknown): number {
  if (typeof text !== 'string') return NaN;
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d) (\d{4})$/.exec(text.trim());
  if (!m) return Date.parse(text);
  const month = MONTHS[m[1]];
  if (month === undefined) return NaN;
  const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8])) * 60000;
  return Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset;
}

const EXPECTED: Text = {
  en: 'the file data/tweets.js of an X (Twitter) archive: window.YTD.tweets.part0 = [{"tweet": {"id_str", "created_at", "full_text", "in_reply_to_status_id_str", …}}].',
  vi: 'tệp data/tweets.js trong bản lưu trữ X (Twitter): window.YTD.tweets.part0 = [{"tweet": {"id_str", "created_at", "full_text", "in_reply_to_status_id_str", …}}].',
};

/** The JSON value of a tweets.js file (its `window.YTD.… =` prefix removed), or of plain JSON. */
export function parseTweetsJs(text: string): unknown {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*window\.YTD\.[\w.]+\s*=\s*/, '')
    .replace(/;\s*$/, '');
  if (!/^\s*[[{]/.test(body)) {
    throw new NodeError({
      en: `This file is not an X archive. Expected ${EXPECTED.en}`,
      vi: `Tệp này không phải bản lưu trữ X. Cần có ${EXPECTED.vi}`,
    });
  }
  return parseJson(body, 'X');
}

/** Maps a parsed tweets.js (or a list of tweets, or {"data": [...]}) to interaction rows. */
export function xRows(root: unknown): SocialRow[] {
  const items = Array.isArray(root) ? root : isObject(root) && Array.isArray(root.data) ? root.data : null;
  if (!items) throw shapeError({ en: 'The file does not hold a list of tweets.', vi: 'Tệp không chứa danh sách tweet.' }, EXPECTED);
  return items.map((item, i) => {
    const tweet = isObject(item) && isObject(item.tweet) ? item.tweet : item;
    const id = isObject(tweet) ? (str(tweet.id_str) ?? str(tweet.id)) : null;
    if (!isObject(tweet) || !id) {
      throw shapeError(
        { en: `Item ${i + 1} is not a tweet with an "id_str".`, vi: `Phần tử thứ ${i + 1} không phải tweet có trường "id_str".` },
        EXPECTED,
      );
    }
    const created = tweet.created_at;
    const time = parseTwitterTime(created);
    if (created === undefined || time !== time) {
      throw shapeError(
        {
          en: `Tweet ${id} has ${created === undefined ? 'no "created_at"' : `an unreadable "created_at" (${String(created)})`}.`,
          vi: `Tweet ${id} ${created === undefined ? 'không có trường "created_at"' : `có "created_at" không đọc được (${String(created)})`}.`,
        },
        { en: 'a time like "Wed Oct 10 20:19:24 +0000 2018".', vi: 'thời gian dạng "Wed Oct 10 20:19:24 +0000 2018".' },
      );
    }
    const raw = typeof tweet.full_text === 'string' ? tweet.full_text : typeof tweet.text === 'string' ? tweet.text : null;
    const text = raw && raw.trim() ? unescapeHtml(raw) : null;
    const replyTo = str(tweet.in_reply_to_status_id_str) ?? str(tweet.in_reply_to_status_id);
    const retweet = !!text && /^RT @\w+:/.test(text);
    const user = str(tweet.user_id_str) ?? str(tweet.author_id) ?? (isObject(tweet.user) ? str(tweet.user.id_str) : null) ?? 'self';
    const lang = tweet.lang === 'vi' || tweet.lang === 'en' ? tweet.lang : detectLanguage(text);
    return {
      interaction_id: id,
      user_id: user,
      post_id: replyTo ?? id,
      type: replyTo ? 'comment' : retweet ? 'share' : 'post',
      reaction: null,
      time,
      zoned: true,
      text,
      language: lang,
      channel: 'x',
      ...(replyTo ? { reply_to: replyTo, reply_to_user: str(tweet.in_reply_to_user_id_str) ?? str(tweet.in_reply_to_user_id) } : {}),
    };
  });
}
