import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/ingest.social';
import sample from '../../../nodes/ingest.sample';
import aggregate from '../../../nodes/feature.aggregate';
import { getNode } from '../../../nodes/index';
import type { NodeError } from '../../../src/core/contract/errors';
import type { NodeDef } from '../../../src/core/contract/node';
import { parseParams } from '../../../src/core/contract/params';
import { parseTwitterTime } from '../../../src/core/io/social/x';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { xlsx } from '../../helpers/xlsx';

const def = node as unknown as NodeDef;
const types = (t: Table) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

async function social(platform: string, file: string | Uint8Array, extra: Record<string, unknown> = {}) {
  const r = await runNode(def, {}, { platform, path: 'export', ...extra }, { files: { export: file } });
  return { table: r.outputs.out as Table, warnings: r.warnings, notes: r.notes, progress: r.progress };
}
const failure = async (platform: string, file: string, extra: Record<string, unknown> = {}) =>
  (await social(platform, file, extra).then(
    () => null,
    (e: NodeError) => e,
  ))!;

/** A Graph API export: /PAGE/posts?fields=id,message,created_time,shares,comments{…},reactions{…} */
const FACEBOOK = JSON.stringify({
  data: [
    {
      id: '104857_2001',
      message: 'Son kem lì mới về 🌸 Cả nhà ghé shop nhé!',
      created_time: '2024-03-05T02:00:00+0000',
      shares: { count: 12 },
      comments: {
        data: [
          {
            id: '2001_501',
            from: { id: '7001', name: 'Nguyễn Thị Mai' },
            message: 'Giá bao nhiêu vậy shop? Màu đỏ còn không ạ',
            created_time: '2024-03-05T02:15:30+0000',
            like_count: 3,
            comments: {
              data: [
                {
                  id: '2001_502',
                  from: { id: '104857', name: 'Shop Hoa' },
                  message: 'Dạ 199k ạ, còn màu đỏ nha chị',
                  created_time: '2024-03-05T02:20:00+0000',
                },
              ],
            },
          },
          {
            id: '2001_503',
            from: { id: '7002', name: 'Linh Tran' },
            message: 'Love this shade, ordered two!',
            created_time: '2024-03-05T13:05:00+0000',
            like_count: 0,
          },
          { id: '2001_504', message: 'Giao hàng chậm quá &amp; hộp bị móp', created_time: '2024-03-06T01:00:00+0000' },
        ],
        paging: { cursors: { before: 'QVFIU', after: 'QVFIV' } },
      },
      reactions: {
        data: [
          { id: '7001', name: 'Nguyễn Thị Mai', type: 'LOVE' },
          { id: '7003', name: 'Phạm Quang', type: 'HAHA' },
          { id: '7002', name: 'Linh Tran', type: 'LIKE' },
        ],
      },
    },
    {
      id: '104857_2002',
      message: 'Flash sale 12h trưa nay',
      created_time: '2024-03-07T05:00:00+0000',
      reactions: { data: [{ id: '7004', name: 'Hoàng Yến', type: 'ANGRY' }] },
      sharedposts: {
        data: [
          {
            id: '7005_9',
            from: { id: '7005', name: 'Đỗ Minh' },
            message: 'Săn sale thôi mọi người',
            created_time: '2024-03-07T06:30:00+0000',
          },
        ],
      },
    },
  ],
  paging: { next: 'https://graph.facebook.com/v19.0/104857/posts?after=xyz' },
});

const tweetsJs = (tweets: object[]) =>
  `window.YTD.tweets.part0 = ${JSON.stringify(
    tweets.map((tweet) => ({ tweet })),
    null,
    2,
  )}`;
const X = tweetsJs([
  {
    id_str: '1050118621198921728',
    created_at: 'Wed Oct 10 20:19:24 +0000 2018',
    full_text: 'Bộ sưu tập thu đông đã lên kệ! Ghé cửa hàng nhé',
    in_reply_to_status_id_str: null,
    favorite_count: '25',
    retweet_count: '4',
    lang: 'vi',
    entities: { hashtags: [], user_mentions: [] },
  },
  {
    id_str: '1050118621198921729',
    created_at: 'Thu Oct 11 01:02:03 +0000 2018',
    full_text: '@linh_tran Thanks Linh, your order ships today &amp; arrives Friday',
    in_reply_to_status_id_str: '1050000000000000001',
    in_reply_to_user_id_str: '998877',
    favorite_count: '1',
    retweet_count: '0',
    lang: 'en',
    entities: { user_mentions: [{ screen_name: 'linh_tran', id_str: '998877' }] },
  },
  {
    id_str: '1050118621198921730',
    created_at: 'Fri Oct 12 09:00:00 +0000 2018',
    full_text: 'RT @vogue_vn: Xu hướng son 2018 là gì?',
    favorite_count: '0',
    retweet_count: '10',
    lang: 'und',
  },
]);

describe('ingest.social: Facebook Graph API export', () => {
  it('comments, replies, reactions and shared posts become interactions with the sample schema', async () => {
    const { table, warnings, notes } = await social('facebook', FACEBOOK);
    const sampleTable = (await runNode(sample as unknown as NodeDef, {}, { size: 1000 })).outputs.out as Table;
    expect(types(table)).toEqual(types(sampleTable));
    const got = rows(table);
    expect(got).toHaveLength(9);
    // Ordered by time; reactions take their post's time; times shown at UTC+7.
    expect(got.slice(0, 4)).toEqual([
      {
        interaction_id: 'i000001',
        user_id: '7001',
        post_id: '104857_2001',
        type: 'reaction',
        reaction: 'love',
        timestamp: '2024-03-05T09:00:00',
        hour: 9,
        text: null,
        language: null,
        channel: 'facebook',
        reply_to: null,
        reply_to_user: null,
      },
      {
        interaction_id: 'i000002',
        user_id: '7003',
        post_id: '104857_2001',
        type: 'reaction',
        reaction: 'haha',
        timestamp: '2024-03-05T09:00:00',
        hour: 9,
        text: null,
        language: null,
        channel: 'facebook',
        reply_to: null,
        reply_to_user: null,
      },
      {
        interaction_id: 'i000003',
        user_id: '7002',
        post_id: '104857_2001',
        type: 'reaction',
        reaction: 'like',
        timestamp: '2024-03-05T09:00:00',
        hour: 9,
        text: null,
        language: null,
        channel: 'facebook',
        reply_to: null,
        reply_to_user: null,
      },
      {
        interaction_id: '2001_501',
        user_id: '7001',
        post_id: '104857_2001',
        type: 'comment',
        reaction: null,
        timestamp: '2024-03-05T09:15:30',
        hour: 9,
        text: 'Giá bao nhiêu vậy shop? Màu đỏ còn không ạ',
        language: 'vi',
        channel: 'facebook',
        reply_to: null,
        reply_to_user: null,
      },
    ]);
    expect(got[4]).toMatchObject({
      interaction_id: '2001_502',
      user_id: '104857',
      type: 'comment',
      text: 'Dạ 199k ạ, còn màu đỏ nha chị',
      reply_to: '2001_501',
      reply_to_user: '7001',
    });
    expect(got[5]).toMatchObject({ user_id: '7002', timestamp: '2024-03-05T20:05:00', hour: 20, language: 'en' });
    expect(got[6]).toMatchObject({ user_id: null, text: 'Giao hàng chậm quá &amp; hộp bị móp', hour: 8 });
    expect(got[7]).toMatchObject({ user_id: '7004', post_id: '104857_2002', type: 'reaction', reaction: 'angry', hour: 12 });
    expect(got[8]).toMatchObject({
      interaction_id: '7005_9',
      user_id: '7005',
      type: 'share',
      text: 'Săn sale thôi mọi người',
      language: 'vi',
      hour: 13,
    });
    expect(warnings).toEqual([
      "4 reaction(s) have no time in the Graph API; they were given their post's time.",
      '12 share(s) are only counted in the export (who shared is not given), so they are not rows.',
      '1 comment(s) have no "from" (Facebook hides the author without page permissions); their user_id is empty.',
    ]);
    for (const n of notes) expect(n.vi).not.toBe(n.en);
    expectIpcRoundTrip(table);
  });

  it('another time zone moves timestamp and hour; a list of posts or pages of {"data"} is accepted', async () => {
    const posts = JSON.parse(FACEBOOK).data;
    const utc = rows((await social('facebook', JSON.stringify(posts), { utcOffset: 0 })).table);
    expect(utc[3]).toMatchObject({ timestamp: '2024-03-05T02:15:30', hour: 2 });
    const pages = rows((await social('facebook', JSON.stringify([{ data: [posts[0]] }, { data: [posts[1]] }]))).table);
    expect(pages).toHaveLength(9);
  });

  it('runs feature.aggregate like the sample does (the segmentation template works on it)', async () => {
    const { table } = await social('facebook', FACEBOOK);
    const r = await runNode(aggregate as unknown as NodeDef, { in: table }, {});
    const perUser = r.outputs.out as Table;
    expect(perUser.numRows).toBeGreaterThanOrEqual(6);
  });

  it('missing or renamed fields fail with a bilingual message naming what was expected', async () => {
    let e = await failure('facebook', JSON.stringify({ posts_list: [] }));
    expect(e.message).toMatch(
      /not a list of Facebook posts \(no "data" list at the top\)\. Expected a Facebook Graph API export of page posts: \{"data"/,
    );
    expect(e.vi).toMatch(/không phải danh sách bài đăng Facebook/);
    e = await failure('facebook', JSON.stringify({ data: [{ post_id: '1', comments: { data: [] } }] }));
    expect(e.message).toMatch(/Post 1 has no "id"/);
    e = await failure(
      'facebook',
      JSON.stringify({ data: [{ id: '1', comments: { data: [{ id: 'c1', from: { id: 'u' }, message: 'hi', time: '2024-01-01' }] } }] }),
    );
    expect(e.message).toMatch(/A comment on post 1 has no "created_time". Expected every comment to have "id", "created_time"/);
    expect(e.vi).toMatch(/Một bình luận ở bài đăng thứ 1 không có trường "created_time"/);
    e = await failure('facebook', JSON.stringify({ data: [{ id: '1', reactions: { data: [{ id: 'u', reaction: 'LIKE' }] } }] }));
    expect(e.message).toMatch(/A reaction on post 1 has no "type"/);
    e = await failure('facebook', JSON.stringify({ data: [{ id: '1', message: 'x' }] }));
    expect(e.message).toMatch(/None of the 1 posts has "comments" or "reactions". Expected posts exported with fields=comments/);
    e = await failure('facebook', '{"data": [');
    expect(e.message).toMatch(/The Facebook export is not valid JSON/);
  });
});

describe('ingest.social: X (Twitter) archive tweets.js', () => {
  it('one row per tweet: replies are comments on the tweet they answer, RT are shares, others posts', async () => {
    const { table } = await social('x', X);
    expect(rows(table)).toEqual([
      {
        interaction_id: '1050118621198921728',
        user_id: 'self',
        post_id: '1050118621198921728',
        type: 'post',
        reaction: null,
        timestamp: '2018-10-11T03:19:24',
        hour: 3,
        text: 'Bộ sưu tập thu đông đã lên kệ! Ghé cửa hàng nhé',
        language: 'vi',
        channel: 'x',
        reply_to: null,
        reply_to_user: null,
      },
      {
        interaction_id: '1050118621198921729',
        user_id: 'self',
        post_id: '1050000000000000001',
        type: 'comment',
        reaction: null,
        timestamp: '2018-10-11T08:02:03',
        hour: 8,
        text: '@linh_tran Thanks Linh, your order ships today & arrives Friday',
        language: 'en',
        channel: 'x',
        reply_to: '1050000000000000001',
        reply_to_user: '998877',
      },
      {
        interaction_id: '1050118621198921730',
        user_id: 'self',
        post_id: '1050118621198921730',
        type: 'share',
        reaction: null,
        timestamp: '2018-10-12T16:00:00',
        hour: 16,
        text: 'RT @vogue_vn: Xu hướng son 2018 là gì?',
        language: 'vi',
        channel: 'x',
        reply_to: null,
        reply_to_user: null,
      },
    ]);
    expectIpcRoundTrip(table);
  });

  it('reads tweet times with their offset; takes the author id when tweets carry one; plain JSON works too', async () => {
    expect(parseTwitterTime('Wed Oct 10 20:19:24 +0000 2018')).toBe(Date.UTC(2018, 9, 10, 20, 19, 24));
    expect(parseTwitterTime('Wed Oct 10 20:19:24 +0700 2018')).toBe(Date.UTC(2018, 9, 10, 13, 19, 24));
    const plain = JSON.stringify([{ id_str: '5', author_id: '42', created_at: 'Mon Jan 01 00:00:00 +0000 2024', text: 'hello there' }]);
    expect(rows((await social('x', plain)).table)[0]).toMatchObject({ user_id: '42', type: 'post', language: 'en' });
  });

  it('not an archive, a tweet without id_str or created_at: plain bilingual errors', async () => {
    expect((await failure('x', 'id,text\n1,hi\n')).message).toMatch(/not an X archive. Expected the file data\/tweets.js/);
    let e = await failure(
      'x',
      tweetsJs([{ id: 'abc', full_text: 'x', created_at: 'Wed Oct 10 20:19:24 +0000 2018' }, { full_text: 'no id' }]),
    );
    expect(e.message).toMatch(/Item 2 is not a tweet with an "id_str"/);
    expect(e.vi).toMatch(/Phần tử thứ 2/);
    e = await failure('x', tweetsJs([{ id_str: '9', full_text: 'x', date: '2018-10-10' }]));
    expect(e.message).toMatch(/Tweet 9 has no "created_at"\. Expected a time like "Wed Oct 10 20:19:24 \+0000 2018"/);
  });
});

describe('ingest.social: CSV with a column mapping', () => {
  const csv =
    'Người dùng,Bài,Loại,Thời gian,Nội dung,Cảm xúc\n' +
    'u1,p1,Reply,2024-05-01 20:15,"Sản phẩm tốt, giao nhanh",\n' +
    'u2,p1,like,2024-05-01T21:00:00Z,,LOVE\n' +
    'u1,p2,retweet,2024-05-02 08:00,Check this out,\n' +
    'u3,p2,,not a date,,haha\n';
  const mapping = { user_id: 'Người dùng', post_id: 'Bài', type: 'Loại', timestamp: 'Thời gian', text: 'Nội dung', reaction: 'Cảm xúc' };

  it('maps columns, normalises types, keeps wall-clock times and converts zoned ones', async () => {
    const { table, warnings } = await social('csv', csv, { mapping });
    expect(rows(table)).toEqual([
      {
        interaction_id: 'i000001',
        user_id: 'u1',
        post_id: 'p1',
        type: 'comment',
        reaction: null,
        timestamp: '2024-05-01T20:15:00',
        hour: 20,
        text: 'Sản phẩm tốt, giao nhanh',
        language: 'vi',
        channel: null,
        reply_to: null,
        reply_to_user: null,
      },
      {
        interaction_id: 'i000002',
        user_id: 'u2',
        post_id: 'p1',
        type: 'reaction',
        reaction: 'love',
        timestamp: '2024-05-02T04:00:00',
        hour: 4,
        text: null,
        language: null,
        channel: null,
        reply_to: null,
        reply_to_user: null,
      },
      {
        interaction_id: 'i000003',
        user_id: 'u1',
        post_id: 'p2',
        type: 'share',
        reaction: null,
        timestamp: '2024-05-02T08:00:00',
        hour: 8,
        text: 'Check this out',
        language: 'en',
        channel: null,
        reply_to: null,
        reply_to_user: null,
      },
      {
        interaction_id: 'i000004',
        user_id: 'u3',
        post_id: 'p2',
        type: 'reaction',
        reaction: 'haha',
        timestamp: null,
        hour: null,
        text: null,
        language: null,
        channel: null,
        reply_to: null,
        reply_to_user: null,
      },
    ]);
    expect(warnings).toEqual(['1 timestamp(s) could not be read as dates; their timestamp and hour are empty.']);
    expectIpcRoundTrip(table);
  });

  it('columns already named like the targets need no mapping; Excel files work too', async () => {
    const plain = 'user_id,timestamp,text\n7,2024-01-02 10:00,xin chào cả nhà\n';
    expect(rows((await social('csv', plain)).table)[0]).toMatchObject({ user_id: '7', type: 'comment', hour: 10, language: 'vi' });
    const book = xlsx({
      S: [
        ['user', 'when', 'text'],
        ['a', new Date(Date.UTC(2024, 0, 2, 10)), 'hi'],
      ],
    });
    const got = rows((await social('csv', book, { mapping: { user_id: 'user', timestamp: 'when' } })).table)[0];
    expect(got).toMatchObject({ user_id: 'a', timestamp: '2024-01-02T17:00:00', hour: 17, text: 'hi' });
  });

  it('a mapping to a missing column, an unknown target or no user_id fails naming the columns', async () => {
    let e = await failure('csv', csv, { mapping: { ...mapping, text: 'Comment' } });
    expect(e.message).toMatch(/takes text from the column "Comment", which is not in the file. The file has: Người dùng, Bài, Loại/);
    expect(e.vi).toMatch(/tệp không có cột này/);
    e = await failure('csv', csv, { mapping: { ...mapping, likes: 'Cảm xúc' } });
    expect(e.message).toMatch(/names "likes", which is not a column of the interactions table/);
    e = await failure('csv', csv, { mapping: { timestamp: 'Thời gian' } });
    expect(e.message).toMatch(/Say which column holds user_id: add user_id → a column to the mapping/);
  });
});

describe('ingest.social declaration', () => {
  it('is registered, declares its file, has bilingual labels without "title" in meta and a keyvalue mapping', async () => {
    expect(getNode('ingest.social')).toBe(def);
    expect(def.files?.({ path: 'a.json' } as never)).toEqual(['a.json']);
    const parsed = parseParams(def, {});
    expect(parsed.ok && parsed.params).toEqual({ platform: 'facebook', path: '', mapping: {}, utcOffset: 7 });
    const shape = def.params.shape as Record<string, { meta(): Record<string, unknown> }>;
    for (const key of Object.keys(shape)) {
      expect(shape[key].meta()).toHaveProperty('label.vi');
      expect(shape[key].meta()).not.toHaveProperty('title');
    }
    expect(shape.mapping.meta().widget).toBe('keyvalue');
    await expect(runNode(def, {}, {})).rejects.toThrow(/No file is chosen yet/);
  });
});
