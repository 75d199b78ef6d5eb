/** network.graph's replies, mentions and co-comment modes (also fed by a mapped CSV through ingest.social), and the communities' top words. */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/network.graph';
import sample from '../../../nodes/ingest.sample';
import social from '../../../nodes/ingest.social';
import { runNode } from '../../helpers/run-node';

const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
const edgeSet = (t: Table) =>
  rowsOf(t)
    .map((e) => `${e.source}>${e.target}:${e.weight}`)
    .sort();

/** i2 and i3 answer i1 (by a); i4 answers i2 (by b); i5 is not a reply. Texts name people with @. */
const thread = () =>
  tableFromArrays({
    interaction_id: ['i1', 'i2', 'i3', 'i4', 'i5'],
    user_id: ['a', 'b', 'c', 'a', 'd'],
    reply_to: [null, 'i1', 'i1', 'i2', null],
    text: ['battery drains fast', '@A same here, battery dies', 'battery @b @B', 'thanks @c and @nobody', 'love the camera camera'],
    timestamp: ['2025-01-01T10:00:00', '2025-01-01T11:00:00', '2025-01-01T12:00:00', '2025-01-02T09:00:00', '2025-01-03T09:00:00'],
  });

describe('network.graph modes', () => {
  it('replies: links each reply to the author of the answered comment (from reply_to and interaction_id)', async () => {
    const { outputs, warnings } = await runNode(node, { in: thread() }, { mode: 'replies', time: 'timestamp' });
    expect(edgeSet(outputs.edges as Table)).toEqual(['b>a:1', 'c>a:1', 'a>b:1'].sort());
    expect(warnings.join(' ')).toMatch(/Links from replies: 3 replies/);
    const edges = rowsOf(outputs.edges as Table);
    expect(edges.find((e) => e.source === 'a')).toMatchObject({ first_time: '2025-01-02T09:00:00' });
  });

  it('replies: reads reply_to_user directly when the table has it', async () => {
    const t = tableFromArrays({ user_id: ['x', 'y', 'z', 'y'], reply_to_user: [null, 'x', 'x', 'z'] });
    const { outputs } = await runNode(node, { in: t }, { mode: 'replies' });
    expect(edgeSet(outputs.edges as Table)).toEqual(['y>x:1', 'z>x:1', 'y>z:1'].sort());
  });

  it('mentions: links authors to the people their texts @name, ignoring case; unknown names stay as written', async () => {
    const { outputs, warnings } = await runNode(node, { in: thread() }, { mode: 'mentions' });
    expect(edgeSet(outputs.edges as Table)).toEqual(['b>a:1', 'c>b:1', 'a>c:1', 'a>nobody:1'].sort());
    expect(warnings.join(' ')).toMatch(/4 mentions of another person in 3 texts/);
  });

  it('mentions: also reads the names of a mentions column', async () => {
    const t = tableFromArrays({ user_id: ['a', 'b', 'c'], text: ['hi @b', 'no names here', null], mentions: ['c', 'a c', 'A'] });
    const { outputs, warnings } = await runNode(node, { in: t }, { mode: 'mentions' });
    expect(edgeSet(outputs.edges as Table)).toEqual(['a>b:1', 'a>c:1', 'b>a:1', 'b>c:1', 'c>a:1'].sort());
    expect(warnings.join(' ')).toMatch(/5 mentions of another person in 3 texts/);
  });

  it('co-comments: links people who comment on the same post within the window, once per post, later to earlier', async () => {
    const t = tableFromArrays({
      user_id: ['a', 'b', 'c', 'a', 'd', 'b', 'a', 'e'],
      post_id: ['p1', 'p1', 'p1', 'p1', 'p1', 'p2', 'p2', 'p2'],
      type: ['comment', 'comment', 'comment', 'comment', 'comment', 'comment', 'comment', 'reaction'],
      timestamp: [
        '2025-01-01T10:00:00',
        '2025-01-01T11:00:00',
        '2025-01-01T12:30:00',
        '2025-01-01T13:00:00',
        '2025-01-03T09:00:00', // two days later: alone in its window
        '2025-01-02T08:00:00',
        '2025-01-02T08:10:00',
        '2025-01-02T08:20:00', // a reaction: no link
      ],
    });
    // 2-hour window: on p1, b–a (11:00), c–b (12:30; a at 10:00 is 2.5 h before), a–c at 13:00 (a–b already linked); d alone. On p2, a–b again.
    const { outputs, warnings } = await runNode(node, { in: t }, { mode: 'cocomment', window: 2 });
    expect(edgeSet(outputs.edges as Table)).toEqual(['b>a:1', 'c>b:1', 'a>c:1', 'a>b:1'].sort());
    expect(warnings.join(' ')).toMatch(/4 pairs of people who commented on the same post within 2 hours \(from 7 comments/);
    const edges = rowsOf(outputs.edges as Table);
    expect(edges.find((e) => e.source === 'a' && e.target === 'c')).toMatchObject({ first_time: '2025-01-01T13:00:00' });
    // A wider window links more: a day links c–a on p1 at 12:30 as well (the pair is then linked once).
    const day = await runNode(node, { in: t }, { mode: 'cocomment', window: 24 });
    expect(edgeSet(day.outputs.edges as Table)).toEqual(['b>a:1', 'c>a:1', 'c>b:1', 'a>b:1'].sort());
    await expect(
      runNode(node, { in: tableFromArrays({ user_id: ['a'], timestamp: ['2025-01-01'] }) }, { mode: 'cocomment' }),
    ).rejects.toThrow(/co-comments mode needs the columns "post_id"/);
  });

  it("a user's CSV export with reply and mention columns, mapped in ingest.social, feeds the replies and mentions modes", async () => {
    const csv =
      'Comment ID,Author,Post,Time,Message,In reply to,Reply to author,Tagged\n' +
      'c1,mai,p1,2025-03-01 09:00,Giá bao nhiêu vậy shop?,,,\n' +
      'c2,shop,p1,2025-03-01 09:05,Dạ 199k ạ,c1,mai,\n' +
      'c3,linh,p1,2025-03-01 09:30,Mình cũng muốn hỏi,c1,,"@mai, @an"\n' +
      'c4,an,p1,2025-03-01 10:00,ok,,shop,@linh\n';
    const mapping = {
      interaction_id: 'Comment ID',
      user_id: 'Author',
      post_id: 'Post',
      timestamp: 'Time',
      text: 'Message',
      reply_to: 'In reply to',
      reply_to_user: 'Reply to author',
      mentions: 'Tagged',
    };
    const read = await runNode(social, {}, { platform: 'csv', path: 'export', mapping }, { files: { export: csv } });
    const table = read.outputs.out as Table;
    expect(rowsOf(table).map((r) => [r.interaction_id, r.reply_to, r.reply_to_user, r.mentions])).toEqual([
      ['c1', null, null, null],
      ['c2', 'c1', 'mai', null],
      ['c3', 'c1', null, 'mai an'],
      ['c4', null, 'shop', 'linh'],
    ]);
    // reply_to_user as given; c3 names no author there, so reply_to finds it (c1 is mai's).
    const replies = await runNode(node, { in: table }, { mode: 'replies' });
    expect(edgeSet(replies.outputs.edges as Table)).toEqual(['shop>mai:1', 'linh>mai:1', 'an>shop:1'].sort());
    // Without reply_to_user, reply_to and interaction_id find the author: c2 and c3 answer c1 by mai.
    const byId = await runNode(
      social,
      {},
      { platform: 'csv', path: 'export', mapping: { ...mapping, reply_to_user: '' } },
      { files: { export: csv } },
    );
    const viaIds = await runNode(node, { in: byId.outputs.out as Table }, { mode: 'replies' });
    expect(edgeSet(viaIds.outputs.edges as Table)).toEqual(['shop>mai:1', 'linh>mai:1'].sort());
    const mentions = await runNode(node, { in: table }, { mode: 'mentions' });
    expect(edgeSet(mentions.outputs.edges as Table)).toEqual(['linh>mai:1', 'linh>an:1', 'an>linh:1'].sort());
  });

  it('says which columns a mode needs', async () => {
    await expect(runNode(node, { in: tableFromArrays({ user_id: ['a'] }) }, { mode: 'replies' })).rejects.toThrow(
      /replies mode needs the columns "reply_to_user"/,
    );
    await expect(runNode(node, { in: tableFromArrays({ user_id: ['a'] }) }, { mode: 'mentions' })).rejects.toThrow(
      /mentions mode needs the columns "text"/,
    );
  });

  it('gives each community its top words when a text column is chosen', async () => {
    const t = tableFromArrays({
      from: ['a', 'b', 'a', 'c', 'x', 'y', 'x', 'z', 'a', 'x'],
      to: ['b', 'a', 'c', 'a', 'y', 'x', 'z', 'x', 'b', 'y'],
      text: [
        'battery',
        'battery drains',
        'battery',
        'charger battery',
        'camera lens',
        'camera',
        'lens camera',
        'camera',
        'charger',
        'lens',
      ],
    });
    const { outputs } = await runNode(node, { in: t }, { source: 'from', target: 'to', text: 'text' });
    const communities = rowsOf(outputs.communities as Table);
    expect(communities).toHaveLength(2);
    const terms = communities.map((c) => String(c.top_terms).split(', ')[0]).sort();
    expect(terms).toEqual(['battery', 'camera']);
  });

  it('works on the sample: replies and mentions find its hubs', async () => {
    const interactions = (await runNode(sample, {}, { size: 20000, seed: 11 })).outputs.out as Table;
    const replies = await runNode(node, { in: interactions }, { mode: 'replies' });
    const mentions = await runNode(node, { in: interactions }, { mode: 'mentions' });
    const answered = new Map<string, number>();
    for (const u of interactions.getChild('reply_to_user')!.toArray() as (string | null)[])
      if (u) answered.set(u, (answered.get(u) ?? 0) + 1);
    const hub = [...answered.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const top = (t: Table) =>
      rowsOf(t)
        .sort((a, b) => (b.pagerank as number) - (a.pagerank as number))
        .slice(0, 10)
        .map((r) => r.id);
    expect(top(replies.outputs.nodes as Table)).toContain(hub);
    expect(top(mentions.outputs.nodes as Table)).toContain(hub);
    expect((mentions.outputs.edges as Table).numRows).toBeGreaterThan(100);
  }, 60_000);
});
