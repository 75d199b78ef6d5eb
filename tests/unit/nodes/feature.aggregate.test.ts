import { Table, TimestampMillisecond, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.aggregate';
import sample from '../../../nodes/ingest.sample';
import { parseTime } from '../../../src/core/table/parse-time';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const def = node;
const aggregate = async (table: Table, params: Record<string, unknown> = {}) => runNode(def, { in: table }, params);

const interactions = (timestamps: (string | null)[]) =>
  tableFromArrays({
    user_id: ['a', 'a', 'a', 'b', 'b', 'c'],
    post_id: ['p1', 'p1', 'p2', 'p1', 'p3', 'p2'],
    type: ['comment', 'reaction', 'share', 'comment', 'reaction', 'reaction'],
    likes: Float64Array.from([2, 1, NaN, 4, 0, 5]),
    timestamp: timestamps,
  });
const ISO = ['2026-06-01T10:00:00', '2026-06-01 23:30', '2026-06-03T08:15:00Z', '2026-06-05 19:00:00', 'garbage', '2026-06-10T12:00:00'];

describe('feature.aggregate', () => {
  it('computes counts, shares, sums, distinct, recency and hours by hand', async () => {
    const { outputs, warnings } = await aggregate(interactions(ISO), { values: ['likes'] });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => f.name)).toEqual([
      'user_id',
      'interactions',
      'n_comment',
      'n_reaction',
      'n_share',
      'share_comment',
      'share_reaction',
      'share_share',
      'sum_likes',
      'mean_likes',
      'distinct_post_id',
      'days_since_last',
      'days_active',
      'first_seen',
      'last_seen',
      'share_night',
      'share_morning',
      'share_afternoon',
      'share_evening',
      'peak_hour',
    ]);
    const [a, b, c] = rows(out);
    expect(a).toMatchObject({
      user_id: 'a',
      interactions: 3,
      n_comment: 1,
      n_reaction: 1,
      n_share: 1,
      sum_likes: 3,
      mean_likes: 1.5,
      distinct_post_id: 2,
      days_active: 2,
      first_seen: '2026-06-01T10:00:00',
      last_seen: '2026-06-03T08:15:00',
      share_afternoon: 0,
      share_evening: 0,
      peak_hour: 8,
    });
    expect(a.share_comment).toBeCloseTo(1 / 3);
    expect(a.days_since_last).toBeCloseTo(7 + 3.75 / 24);
    expect(a.share_night).toBeCloseTo(1 / 3);
    expect(a.share_morning).toBeCloseTo(2 / 3);
    expect(b).toMatchObject({
      user_id: 'b',
      interactions: 2,
      n_comment: 1,
      n_reaction: 1,
      n_share: 0,
      share_comment: 0.5,
      share_share: 0,
      sum_likes: 4,
      mean_likes: 2,
      distinct_post_id: 2,
      days_active: 1,
      share_evening: 1,
      share_night: 0,
      peak_hour: 19,
    });
    expect(b.days_since_last).toBeCloseTo(4 + 17 / 24);
    expect(c).toMatchObject({
      user_id: 'c',
      interactions: 1,
      n_reaction: 1,
      share_reaction: 1,
      days_since_last: 0,
      share_afternoon: 1,
      peak_hour: 12,
      mean_likes: 5,
    });
    expect(warnings).toEqual(['1 value(s) of "timestamp" could not be read as dates and were ignored (e.g. "garbage").']);
    expectIpcRoundTrip(out);
  });

  it('reads US-style exports (M/D/YYYY H:MM, AM/PM) like ISO', async () => {
    const us = ['6/1/2026 10:00', '6/1/2026 11:30 PM', '6/3/2026 8:15', '06/05/2026 7:00:00 PM', '', '6/10/2026 12:00'];
    const { outputs, warnings } = await aggregate(interactions(us));
    const [a, b, c] = rows(outputs.out as Table);
    expect(a).toMatchObject({ first_seen: '2026-06-01T10:00:00', last_seen: '2026-06-03T08:15:00', days_active: 2, peak_hour: 8 });
    expect(a.days_since_last).toBeCloseTo(7 + 3.75 / 24);
    expect(b).toMatchObject({ interactions: 2, days_active: 1, share_evening: 1, last_seen: '2026-06-05T19:00:00' });
    expect(c.days_since_last).toBe(0);
    expect(warnings).toEqual(['1 row(s) have no time in "timestamp"; they count as interactions but not for recency or hours.']);
  });

  it('reads day/month/year when the column shows it, and says so', async () => {
    const dmy = ['1/6/2026 10:00', '1/6/2026 23:30', '3/6/2026 8:15', '5/6/2026 19:00', '13/6/2026 9:00', '10/6/2026 12:00'];
    const { outputs, warnings } = await aggregate(interactions(dmy));
    const [a, b] = rows(outputs.out as Table);
    expect(a.first_seen).toBe('2026-06-01T10:00:00');
    expect(b.last_seen).toBe('2026-06-13T09:00:00');
    expect(warnings.join(' ')).toMatch(/day\/month\/year/);
  });

  it('takes numbers as epoch milliseconds and Arrow timestamps', async () => {
    const ms = ISO.map((t) => (t === 'garbage' ? Date.UTC(2026, 5, 5, 20) : parseTime(t)));
    const base = interactions(ISO);
    for (const column of [
      vectorFromArray(ms),
      vectorFromArray(
        ms.map((m) => new Date(m)),
        new TimestampMillisecond(),
      ),
    ]) {
      const withTime = new Table({
        user_id: base.getChild('user_id')!,
        post_id: base.getChild('post_id')!,
        type: base.getChild('type')!,
        timestamp: column,
      });
      const { outputs, warnings } = await aggregate(withTime);
      const [a, b] = rows(outputs.out as Table);
      expect(warnings).toEqual([]);
      expect(a.last_seen).toBe('2026-06-03T08:15:00');
      expect(b).toMatchObject({ days_active: 1, last_seen: '2026-06-05T20:00:00', share_evening: 1, share_night: 0, peak_hour: 19 });
    }
  });

  it('parses the usual date and time forms', () => {
    const at = Date.UTC(2026, 5, 30, 14, 5, 9);
    expect(parseTime('2026-06-30T14:05:09')).toBe(at);
    expect(parseTime('2026-06-30 14:05:09.000Z')).toBe(at);
    expect(parseTime('2026-06-30T21:05:09+07:00')).toBe(at);
    expect(parseTime('6/30/2026 2:05:09 PM')).toBe(at);
    expect(parseTime('2026/06/30 14:05')).toBe(at - 9000);
    expect(parseTime('2026-06-30')).toBe(Date.UTC(2026, 5, 30));
    expect(parseTime('12/31/2025 12:00 AM')).toBe(Date.UTC(2025, 11, 31, 0));
    expect(parseTime(String(at))).toBe(at);
    for (const bad of ['garbage', '2026-13-01', '2026-02-30', '6/30/2026 25:00', '2026-06-30 14:05 tomorrow', ''])
      expect(parseTime(bad)).toBeNaN();
  });

  it('skips time and type features when their columns are left empty', async () => {
    const { outputs } = await aggregate(interactions(ISO), { time: '', type: '', distinct: [] });
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => f.name)).toEqual(['user_id', 'interactions']);
    expect(rows(out).map((r) => r.interactions)).toEqual([3, 2, 1]);
  });

  it('leaves the hour profile out when hours is off', async () => {
    const { outputs } = await aggregate(interactions(ISO), { hours: false });
    const names = (outputs.out as Table).schema.fields.map((f) => f.name);
    expect(names).toContain('days_since_last');
    expect(names).not.toContain('share_night');
    expect(names).not.toContain('peak_hour');
  });

  it('names a missing column and the ones that exist', async () => {
    await expect(aggregate(interactions(ISO), { by: 'customer' })).rejects.toThrow(
      /"customer" is not in the table.*user_id, post_id, type, likes, timestamp/,
    );
    await expect(aggregate(interactions(ISO), { time: 'created_at' })).rejects.toThrow(/"created_at" is not in the table/);
    await expect(aggregate(interactions(ISO), { values: ['type'] })).rejects.toThrow(/"type" must hold numbers/);
  });

  it('refuses a time column with no readable date, showing an example', async () => {
    await expect(aggregate(interactions(['soon', 'later', null, 'x', 'y', 'z']))).rejects.toThrow(
      /No value of the column "timestamp" could be read as a date or time \(for example "soon"\)/,
    );
  });

  it('gives one row per active user on the sample audience', async () => {
    const t = (await runNode(sample, {}, { size: 20000 })).outputs.out as Table;
    const { outputs, warnings, progress } = await aggregate(t);
    const out = outputs.out as Table;
    const active = new Set(Array.from(t.getChild('user_id')!));
    expect(out.numRows).toBe(active.size);
    expect(new Set(Array.from(out.getChild('user_id')!))).toEqual(active);
    expect(warnings).toEqual([]);
    expect(progress.at(-1)?.fraction).toBe(1);
    const n = Array.from(out.getChild('interactions')!) as number[];
    expect(n.reduce((s, v) => s + v, 0)).toBe(20000);
    const r = rows(out);
    for (const row of r.slice(0, 200)) {
      expect((row.n_comment as number) + (row.n_reaction as number) + (row.n_share as number)).toBe(row.interactions);
      expect(
        (row.share_night as number) + (row.share_morning as number) + (row.share_afternoon as number) + (row.share_evening as number),
      ).toBeCloseTo(1);
      expect(row.distinct_post_id as number).toBeLessThanOrEqual(row.interactions as number);
      expect(row.days_since_last as number).toBeGreaterThanOrEqual(0);
    }
    // Recency spreads out: churners stop early, others are still active near the end.
    const recency = r.map((row) => row.days_since_last as number);
    expect(recency.filter((d) => d > 60).length).toBeGreaterThan(r.length * 0.05);
    expect(recency.filter((d) => d < 14).length).toBeGreaterThan(r.length * 0.3);
    expectIpcRoundTrip(out);
  });
});
