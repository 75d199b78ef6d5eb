/**
 * Facebook Graph API page-post exports (`/PAGE/posts?fields=id,message,created_time,shares,
 * comments{id,from,message,created_time,like_count,comments{…}},reactions{id,name,type}`) as
 * interaction rows:
 * - each comment and each reply → type `comment` by `from.id` on the post, at its `created_time`;
 * - each reaction → type `reaction` by its `id` (the person), `reaction` = its type in lower case
 *   (like, love, haha, wow, sad, angry, care…); the Graph API gives reactions no time, so they take
 *   the post's time (reported in a note);
 * - `sharedposts.data[]` (when present) → type `share` by `from.id`; a bare `shares.count` says
 *   nobody, so it only appears in the note;
 * - the posts themselves are not rows (the page wrote them); `like_count` of comments is dropped.
 * Accepted roots: `{"data": [posts…]}`, a list of posts, or one post; also a list of pages of
 * `{"data": […]}` as saved while following `paging.next`.
 */
import type { Text } from '../../contract/i18n';
import { type SocialRow, detectLanguage, isObject, readTime, shapeError, str } from './rows';

const EXPECTED: Text = {
  en: 'a Facebook Graph API export of page posts: {"data": [{"id": "…", "created_time": "…", "comments": {"data": [{"id", "from": {"id", "name"}, "message", "created_time"}]}, "reactions": {"data": [{"id", "name", "type"}]}, "shares": {"count"}}]}.',
  vi: 'tệp xuất Facebook Graph API của các bài đăng trên trang: {"data": [{"id": "…", "created_time": "…", "comments": {"data": [{"id", "from": {"id", "name"}, "message", "created_time"}]}, "reactions": {"data": [{"id", "name", "type"}]}, "shares": {"count"}}]}.',
};

export interface FacebookResult {
  rows: SocialRow[];
  notes: Text[];
}

function postsOf(root: unknown): unknown[] {
  if (Array.isArray(root))
    return root.flatMap((item) => (isObject(item) && Array.isArray(item.data) && !('id' in item) ? item.data : [item]));
  if (isObject(root) && Array.isArray(root.data)) return root.data;
  if (isObject(root) && ('comments' in root || 'reactions' in root)) return [root];
  if (isObject(root) && Array.isArray(root.posts)) return root.posts;
  if (isObject(root) && isObject(root.posts) && Array.isArray(root.posts.data)) return root.posts.data;
  throw shapeError(
    {
      en: 'This file is not a list of Facebook posts (no "data" list at the top).',
      vi: 'Tệp này không phải danh sách bài đăng Facebook (không có danh sách "data" ở đầu tệp).',
    },
    EXPECTED,
  );
}

const listOf = (edge: unknown): unknown[] | null =>
  isObject(edge) && Array.isArray(edge.data) ? edge.data : Array.isArray(edge) ? edge : null;

/** Maps a parsed Graph API export to interaction rows. */
export function facebookRows(root: unknown): FacebookResult {
  const posts = postsOf(root);
  const rows: SocialRow[] = [];
  let withEdges = 0,
    untimedReactions = 0,
    sharesCounted = 0,
    anonymous = 0;
  const comment = (c: unknown, postId: string, where: Text, parent?: { id: string; user: string | null }) => {
    if (!isObject(c)) return;
    const id = str(c.id);
    const created = c.created_time;
    if (!id || created === undefined) {
      throw shapeError(
        {
          en: `A comment ${where.en} has no ${id ? '"created_time"' : '"id"'}.`,
          vi: `Một bình luận ${where.vi} không có trường ${id ? '"created_time"' : '"id"'}.`,
        },
        {
          en: 'every comment to have "id", "created_time", "message" and "from": {"id", "name"}.',
          vi: 'mỗi bình luận phải có "id", "created_time", "message" và "from": {"id", "name"}.',
        },
      );
    }
    const user = isObject(c.from) ? str(c.from.id) : null;
    if (!user) anonymous++;
    const text = typeof c.message === 'string' && c.message.trim() ? c.message : null;
    rows.push({
      interaction_id: id,
      user_id: user,
      post_id: postId,
      type: 'comment',
      reaction: null,
      ...readTime(created),
      text,
      language: detectLanguage(text),
      channel: 'facebook',
      ...(parent ? { reply_to: parent.id, reply_to_user: parent.user } : {}),
    });
    for (const reply of listOf(c.comments) ?? []) comment(reply, postId, where, { id, user });
  };
  posts.forEach((post, p) => {
    const where: Text = { en: `on post ${p + 1}`, vi: `ở bài đăng thứ ${p + 1}` };
    if (!isObject(post) || !str(post.id)) {
      throw shapeError({ en: `Post ${p + 1} has no "id".`, vi: `Bài đăng thứ ${p + 1} không có trường "id".` }, EXPECTED);
    }
    const postId = str(post.id)!;
    const postTime = readTime(post.created_time);
    const comments = listOf(post.comments),
      reactions = listOf(post.reactions),
      shared = listOf(post.sharedposts);
    if (comments || reactions || shared) withEdges++;
    for (const c of comments ?? []) comment(c, postId, where);
    for (const r of reactions ?? []) {
      if (!isObject(r)) continue;
      const user = str(r.id);
      if (!user || typeof r.type !== 'string') {
        throw shapeError(
          {
            en: `A reaction ${where.en} has no ${user ? '"type"' : '"id"'}.`,
            vi: `Một lượt cảm xúc ${where.vi} không có trường ${user ? '"type"' : '"id"'}.`,
          },
          {
            en: 'every reaction to have "id" (the person) and "type" (LIKE, LOVE, HAHA, WOW, SAD, ANGRY).',
            vi: 'mỗi lượt cảm xúc phải có "id" (người bày tỏ) và "type" (LIKE, LOVE, HAHA, WOW, SAD, ANGRY).',
          },
        );
      }
      untimedReactions++;
      rows.push({
        interaction_id: null,
        user_id: user,
        post_id: postId,
        type: 'reaction',
        reaction: r.type.toLowerCase(),
        ...postTime,
        text: null,
        language: null,
        channel: 'facebook',
      });
    }
    for (const s of shared ?? []) {
      if (!isObject(s)) continue;
      const user = isObject(s.from) ? str(s.from.id) : null;
      const text = typeof s.message === 'string' && s.message.trim() ? s.message : null;
      const time = s.created_time !== undefined ? readTime(s.created_time) : postTime;
      rows.push({
        interaction_id: str(s.id),
        user_id: user,
        post_id: postId,
        type: 'share',
        reaction: null,
        ...time,
        text,
        language: detectLanguage(text),
        channel: 'facebook',
      });
    }
    if (!shared && isObject(post.shares) && typeof post.shares.count === 'number') sharesCounted += post.shares.count;
  });
  if (posts.length && !withEdges) {
    throw shapeError(
      {
        en: `None of the ${posts.length} posts has "comments" or "reactions".`,
        vi: `Không bài nào trong ${posts.length} bài đăng có "comments" hay "reactions".`,
      },
      {
        en: 'posts exported with fields=comments{id,from,message,created_time,comments},reactions{id,name,type},shares.',
        vi: 'các bài đăng được xuất với fields=comments{id,from,message,created_time,comments},reactions{id,name,type},shares.',
      },
    );
  }
  const notes: Text[] = [];
  if (untimedReactions) {
    notes.push({
      en: `${untimedReactions.toLocaleString('en-US')} reaction(s) have no time in the Graph API; they were given their post's time.`,
      vi: `${untimedReactions.toLocaleString('en-US')} lượt cảm xúc không có thời gian trong Graph API; đã lấy thời gian của bài đăng.`,
    });
  }
  if (sharesCounted) {
    notes.push({
      en: `${sharesCounted.toLocaleString('en-US')} share(s) are only counted in the export (who shared is not given), so they are not rows.`,
      vi: `${sharesCounted.toLocaleString('en-US')} lượt chia sẻ chỉ có số đếm trong tệp (không rõ ai chia sẻ) nên không thành dòng dữ liệu.`,
    });
  }
  if (anonymous) {
    notes.push({
      en: `${anonymous.toLocaleString('en-US')} comment(s) have no "from" (Facebook hides the author without page permissions); their user_id is empty.`,
      vi: `${anonymous.toLocaleString('en-US')} bình luận không có "from" (Facebook ẩn người viết khi thiếu quyền của trang); user_id của chúng để trống.`,
    });
  }
  return { rows, notes };
}
