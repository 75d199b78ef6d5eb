import { z } from 'zod';
import { defineNode } from '../src/core/contract/node';
import { generateInteractions } from '../src/core/sample/interactions';
import { generatePosts, generateUsers, postCount, postsTable, userCount, usersTable } from '../src/core/sample/population';
import { seedParam, tableOut } from './kit';

/**
 * A built-in synthetic social audience of a Vietnamese cosmetics & fashion shop page: users,
 * posts and interactions (comments, reactions, shares), consistent with each other for the same
 * size and seed, and depending on nothing else.
 */
export default defineNode({
  type: 'ingest.sample',
  version: 2,
  category: 'ingest',
  title: { en: 'Sample audience', vi: 'Dữ liệu mẫu' },
  description: {
    en: 'A realistic, made-up audience of a cosmetics & fashion shop page: users, posts and their comments (some answering others, with who they answer), reactions and shares in Vietnamese and English. The same size and seed always give the same data.',
    vi: 'Một tập khán giả giả lập nhưng sát thực tế của một trang shop mỹ phẩm & thời trang: người dùng, bài đăng và các bình luận (có bình luận trả lời người khác, kèm người được trả lời), cảm xúc, lượt chia sẻ bằng tiếng Việt và tiếng Anh. Cùng kích thước và hạt giống thì luôn ra cùng dữ liệu.',
  },
  inputs: [],
  outputs: [tableOut()],
  params: z.object({
    dataset: z
      .enum(['interactions', 'users', 'posts'])
      .default('interactions')
      .meta({
        label: { en: 'Dataset', vi: 'Bảng dữ liệu' },
        help: {
          en: 'Which table to output. The three tables share the same users and posts.',
          vi: 'Bảng cần xuất. Ba bảng dùng chung người dùng và bài đăng.',
        },
        options: {
          interactions: { en: 'Interactions (comments, reactions, shares)', vi: 'Tương tác (bình luận, cảm xúc, chia sẻ)' },
          users: { en: 'Users', vi: 'Người dùng' },
          posts: { en: 'Posts', vi: 'Bài đăng' },
        },
      }),
    size: z
      .number()
      .int()
      .min(1000)
      .max(1_000_000)
      .default(20000)
      .meta({
        label: { en: 'Number of interactions', vi: 'Số lượt tương tác' },
        help: {
          en: 'There are about one user per 10 interactions and one post per 100.',
          vi: 'Cứ khoảng 10 lượt tương tác có một người dùng, 100 lượt có một bài đăng.',
        },
        widget: 'slider',
      }),
    seed: seedParam({ en: 'Change it to get another audience of the same kind.', vi: 'Đổi số này để có một tập khán giả khác cùng kiểu.' }),
  }),
  maxRows: ({ dataset, size }) => (dataset === 'users' ? userCount(size) : dataset === 'posts' ? postCount(size) : size),
  async run(_inputs, params, ctx) {
    const { dataset, size, seed } = params;
    await ctx.progress(
      0,
      dataset === 'interactions'
        ? { en: 'Generating users and posts…', vi: 'Đang tạo người dùng và bài đăng…' }
        : { en: `Generating ${dataset}…`, vi: `Đang tạo ${dataset}…` },
    );
    if (dataset === 'posts') return { out: postsTable(generatePosts(size, seed)) };
    const users = generateUsers(size, seed);
    if (dataset === 'users') return { out: usersTable(users) };
    const posts = generatePosts(size, seed);
    const out = await generateInteractions(size, seed, users, posts, {
      progress: (f) => ctx.progress(0.05 + 0.95 * f, { en: 'Generating interactions…', vi: 'Đang tạo các lượt tương tác…' }),
    });
    return { out };
  },
  scale: 'whole',
});
