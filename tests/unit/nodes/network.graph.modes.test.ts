/** network.graph's replies and mentions modes, and the communities' top words. */
import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/network.graph';
import sample from '../../../nodes/ingest.sample';
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
