/** The sample's reply structure: who answers whom, a few hubs, tags in texts; the other columns unchanged. */
import { createHash } from 'node:crypto';
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/ingest.sample';
import { runNode } from '../../helpers/run-node';

const sample = async (size: number, seed: number) => (await runNode(node, {}, { size, seed })).outputs.out as Table;
const col = (t: Table, name: string) => Array.from(t.getChild(name)!.toArray() as unknown[]);

describe('ingest.sample replies and tags', () => {
  it('leaves the earlier columns as they were (the tagged texts lose only their "@id " prefix)', async () => {
    // Hashes of the ten columns of the generator before replies were added (same sizes and seeds).
    const before: Record<string, string> = {
      '20000/7': '1b91860faaef72ba7d177de913ac73220836a329002c0dfcde4e12d190b3ad7f',
      '5000/42': '645fb1ecd81409b856564b365d549f037aaffbd7a0af586440012b08db6a84d1',
    };
    for (const [size, seed] of [
      [20000, 7],
      [5000, 42],
    ]) {
      const t = await sample(size, seed);
      const h = createHash('sha256');
      for (const c of ['interaction_id', 'user_id', 'post_id', 'type', 'reaction', 'timestamp', 'hour', 'text', 'language', 'channel'])
        h.update(JSON.stringify(col(t, c).map((v) => (typeof v === 'string' && c === 'text' ? v.replace(/^@u\d+ /, '') : v))));
      expect(h.digest('hex')).toBe(before[`${size}/${seed}`]);
    }
  });

  it('answers earlier comments on the same post, by someone else, and tags some of them', async () => {
    const t = await sample(20000, 7);
    const id = col(t, 'interaction_id') as string[],
      user = col(t, 'user_id') as string[],
      post = col(t, 'post_id') as string[],
      type = col(t, 'type') as string[],
      text = col(t, 'text') as (string | null)[];
    const replyTo = col(t, 'reply_to') as (string | null)[],
      replyToUser = col(t, 'reply_to_user') as (string | null)[];
    const row = new Map(id.map((x, i) => [x, i]));
    let replies = 0,
      tags = 0;
    const received = new Map<string, number>();
    replyTo.forEach((parent, i) => {
      if (parent === null) {
        expect(replyToUser[i]).toBeNull();
        return;
      }
      replies++;
      const p = row.get(parent)!;
      expect(p).toBeLessThan(i);
      expect(type[i]).toBe('comment');
      expect(type[p]).toBe('comment');
      expect(post[p]).toBe(post[i]);
      expect(user[p]).toBe(replyToUser[i]);
      expect(user[p]).not.toBe(user[i]);
      received.set(user[p], (received.get(user[p]) ?? 0) + 1);
      if (text[i]?.startsWith(`@${replyToUser[i]} `)) tags++;
    });
    const comments = type.filter((x) => x === 'comment').length;
    expect(replies / comments).toBeGreaterThan(0.25);
    expect(replies / comments).toBeLessThan(0.4);
    expect(tags / replies).toBeGreaterThan(0.2);
    // A few hubs draw many replies: the 10 most answered people get more than a third of them.
    const top = [...received.values()].sort((a, b) => b - a);
    expect(top.slice(0, 10).reduce((a, b) => a + b, 0) / replies).toBeGreaterThan(0.33);
    expect(top[0]).toBeGreaterThan(10 * top[50]);
  });
});
