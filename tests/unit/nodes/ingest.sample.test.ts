import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/ingest.sample';
import { expectIpcRoundTrip, expectTablesEqual } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const def = node;
const sample = async (params: Record<string, unknown> = {}) => (await runNode(def, {}, params)).outputs.out as Table;
const column = (t: Table, name: string) => Array.from(t.getChild(name)!) as unknown[];
const strings = (t: Table, name: string) => column(t, name).filter((v): v is string => typeof v === 'string');
const share = (values: unknown[], pred: (v: unknown) => boolean) => values.filter(pred).length / values.length;

describe('ingest.sample', () => {
  it('has the documented columns, sizes and types', async () => {
    const [interactions, users, posts] = await Promise.all([
      sample({ size: 5000 }),
      sample({ dataset: 'users', size: 5000 }),
      sample({ dataset: 'posts', size: 5000 }),
    ]);
    expect(interactions.numRows).toBe(5000);
    expect(users.numRows).toBe(500);
    expect(posts.numRows).toBe(50);
    expect(interactions.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'interaction_id:Utf8',
      'user_id:Utf8',
      'post_id:Utf8',
      'type:Utf8',
      'reaction:Utf8',
      'timestamp:Utf8',
      'hour:Int32',
      'text:Utf8',
      'language:Utf8',
      'channel:Utf8',
      'reply_to:Utf8',
      'reply_to_user:Utf8',
    ]);
    expect(users.schema.fields.map((f) => f.name)).toEqual([
      'user_id',
      'name',
      'gender',
      'age',
      'city',
      'language',
      'interests',
      'follower',
      'joined',
      'purchased',
      'churned',
    ]);
    expect(posts.schema.fields.map((f) => f.name)).toEqual(['post_id', 'published', 'type', 'topic', 'product', 'text']);
    expect(users.getChild('follower')!.type.toString()).toBe('Bool');
    // Small sizes keep at least 100 users and 20 posts.
    expect((await sample({ dataset: 'users', size: 1000 })).numRows).toBe(100);
    expect((await sample({ dataset: 'posts', size: 1000 })).numRows).toBe(20);
    expect(column(users, 'user_id')[0]).toBe('u00001');
    expect(column(posts, 'post_id')[0]).toBe('p0001');
  });

  it('refuses sizes out of range', async () => {
    await expect(sample({ size: 10 })).rejects.toThrow(/at least 1000/);
    await expect(sample({ size: 2_000_000 })).rejects.toThrow(/at most 1000000/);
  });

  it('is deterministic: same seed, same tables; another seed, other tables', async () => {
    for (const dataset of ['interactions', 'users', 'posts']) {
      const a = await sample({ dataset, size: 3000, seed: 7 });
      const b = await sample({ dataset, size: 3000, seed: 7 });
      const c = await sample({ dataset, size: 3000, seed: 8 });
      expectTablesEqual(a, b);
      const col = dataset === 'users' ? 'name' : 'text';
      expect(column(a, col)).not.toEqual(column(c, col));
    }
  });

  it('keeps the three tables consistent', async () => {
    const [interactions, users, posts] = await Promise.all([sample(), sample({ dataset: 'users' }), sample({ dataset: 'posts' })]);
    const userIds = new Set(column(users, 'user_id'));
    const postIds = new Set(column(posts, 'post_id'));
    expect(userIds.size).toBe(2000);
    expect(postIds.size).toBe(200);
    expect(column(interactions, 'user_id').every((u) => userIds.has(u))).toBe(true);
    expect(column(interactions, 'post_id').every((p) => postIds.has(p))).toBe(true);
    // No interaction before its post was published, nor before the user joined, nor after the reference date.
    const published = new Map(column(posts, 'post_id').map((p, i) => [p, column(posts, 'published')[i] as string]));
    const joined = new Map(column(users, 'user_id').map((u, i) => [u, column(users, 'joined')[i] as string]));
    const ts = strings(interactions, 'timestamp');
    const ipost = column(interactions, 'post_id'),
      iuser = column(interactions, 'user_id'),
      hours = column(interactions, 'hour');
    for (let i = 0; i < ts.length; i++) {
      expect(ts[i] >= published.get(ipost[i])!).toBe(true);
      expect(ts[i].slice(0, 10) >= joined.get(iuser[i])!).toBe(true);
      expect(Number(ts[i].slice(11, 13))).toBe(hours[i]);
    }
    expect(ts.every((t) => /^2026-0[1-6]-\d\dT\d\d:\d\d:\d\d$/.test(t))).toBe(true);
    // Sorted by time, ids in that order.
    expect([...ts].sort()).toEqual(ts);
    expect(column(interactions, 'interaction_id')[0]).toBe('i0000001');
  });

  it('looks like a real bilingual audience', async () => {
    const [t, users] = await Promise.all([sample(), sample({ dataset: 'users' })]);
    const types = column(t, 'type');
    for (const type of ['comment', 'reaction', 'share']) expect(share(types, (v) => v === type)).toBeGreaterThan(0.03);
    // Reactions have a reaction and no text; comments have text and a language.
    const reaction = column(t, 'reaction'),
      text = column(t, 'text'),
      language = column(t, 'language');
    types.forEach((type, i) => {
      if (type === 'reaction') {
        expect(reaction[i]).toMatch(/^(like|love|haha|wow|sad|angry)$/);
        expect(text[i]).toBeNull();
      } else expect(reaction[i]).toBeNull();
      if (type === 'comment') {
        expect(typeof text[i]).toBe('string');
        expect(language[i]).toMatch(/^(vi|en)$/);
      }
      if (text[i] === null) expect(language[i]).toBeNull();
    });
    const comments = strings(t, 'text');
    const langs = strings(t, 'language');
    expect(share(langs, (l) => l === 'vi')).toBeGreaterThan(0.55);
    expect(share(langs, (l) => l === 'en')).toBeGreaterThan(0.15);
    expect(new Set(comments).size).toBeGreaterThan(2000);
    expect(comments.some((c) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(c))).toBe(true);
    // Journey cues in both languages, and teen code / unaccented spellings.
    for (const cue of [
      /chốt đơn/i,
      /refund/i,
      /ship/i,
      /how much/i,
      /không mua nữa|không bao giờ mua lại/i,
      /recommend/i,
      /\b(dc|ko|k|bn)\b/,
    ]) {
      expect(
        comments.some((c) => cue.test(c)),
        String(cue),
      ).toBe(true);
    }
    expect(comments.some((c) => /^[\x20-\x7e]+$/.test(c) && /\b(shop|giao|hang)\b/.test(c))).toBe(true);
    expect(share(column(t, 'channel'), (c) => c === 'facebook')).toBeGreaterThan(0.5);
    expect(new Set(column(t, 'channel'))).toEqual(new Set(['facebook', 'instagram', 'tiktok']));
    // Users: ~70% Vietnamese, Vietnamese names with diacritics, cities at home and abroad.
    const ulang = column(users, 'language');
    expect(share(ulang, (l) => l === 'vi')).toBeGreaterThan(0.6);
    expect(share(ulang, (l) => l === 'vi')).toBeLessThan(0.8);
    expect(strings(users, 'name').some((n) => /^(Nguyễn|Trần|Lê) /.test(n))).toBe(true);
    const cities = new Set(column(users, 'city'));
    for (const c of ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Singapore']) expect(cities.has(c)).toBe(true);
    expect(strings(users, 'interests').every((s) => /^[a-z-]+(;[a-z-]+)*$/.test(s))).toBe(true);
    const ages = column(users, 'age') as number[];
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThanOrEqual(60);
  });

  it('carries behavioural structure: night owls, reaction-only users, churners', async () => {
    const t = await sample({ size: 50000 });
    const user = column(t, 'user_id'),
      hour = column(t, 'hour') as number[],
      type = column(t, 'type');
    const stats = new Map<unknown, { n: number; night: number; reactions: number }>();
    user.forEach((u, i) => {
      const s = stats.get(u) ?? { n: 0, night: 0, reactions: 0 };
      s.n++;
      if (hour[i] >= 22 || hour[i] <= 3) s.night++;
      if (type[i] === 'reaction') s.reactions++;
      stats.set(u, s);
    });
    const active = [...stats.values()].filter((s) => s.n >= 10);
    // Some users are mostly active at night, some almost only react — far more than chance would give.
    expect(active.filter((s) => s.night / s.n > 0.5).length / active.length).toBeGreaterThan(0.1);
    expect(active.filter((s) => s.reactions / s.n > 0.85).length / active.length).toBeGreaterThan(0.15);
  });

  it('reports progress and survives an IPC round trip', async () => {
    const { outputs, progress } = await runNode(def, {}, { size: 120000 });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.some((p) => p.message === 'Generating interactions…')).toBe(true);
    expectIpcRoundTrip(outputs.out as Table);
    expectIpcRoundTrip(await sample({ dataset: 'users' }));
    expectIpcRoundTrip(await sample({ dataset: 'posts' }));
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runNode(def, {}, { size: 200000 }, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
