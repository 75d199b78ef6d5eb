import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/trend.detect';
import type { TrendChart } from '../../../src/core/contract/chart';
import { autoUnit, binStart, findGaps, scoreSeries } from '../../../src/core/trend/series';
import { logLikelihood } from '../../../src/core/trend/terms';
import { runNode } from '../../helpers/run-node';

const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
const DAY = 86400000;
const START = Date.UTC(2025, 2, 3); // a Monday

/**
 * 20 days: 10 rows a day (9 or 11 on odd days), 40 on day 14. Texts: "price shipping" every day;
 * on day 14 thirty rows say "recall battery fire" (a new topic), and the last 3 days talk of "refund".
 */
function daily(): Table {
  const time: string[] = [],
    text: string[] = [];
  for (let d = 0; d < 20; d++) {
    const count = d === 14 ? 40 : d % 2 ? 9 : 11;
    for (let i = 0; i < count; i++) {
      time.push(new Date(START + d * DAY + i * 60000).toISOString());
      if (d === 14 && i < 30) text.push(i % 2 ? 'Recall?? battery FIRE 🔥' : 'battery fire, recall now');
      else if (d >= 17 && i < 6) text.push('where is my refund');
      else text.push(i % 3 ? 'price and shipping' : 'Giá và giao hàng nhé');
    }
  }
  return tableFromArrays({ time, text });
}

describe('trend.detect', () => {
  it('marks the one spike day, with its expected level and z-score checked by hand', async () => {
    const { outputs, infos } = await runNode(node, { in: daily() }, { time: 'time' });
    expect(infos.join(' ')).toMatch(/Counted per day: 20 days from 2025-03-03 to 2025-03-22/);
    const spikes = rowsOf(outputs.spikes as Table);
    expect(spikes).toHaveLength(1);
    // Baseline of day 14: days 7–13 = 9, 11, 9, 11, 9, 11, 9 → median 9, MAD 0, scale √9 = 3.
    expect(spikes[0]).toMatchObject({ spike: 1, start: '2025-03-17', end: '2025-03-17', periods: 1, volume: 40, expected: 9 });
    expect(spikes[0].z).toBeCloseTo((40 - 9) / 3, 10);
    expect(String(spikes[0].top_terms).split(', ').slice(0, 3).sort()).toEqual(['battery', 'fire', 'recall']);
    const series = rowsOf(outputs.series as Table);
    expect(series).toHaveLength(20);
    expect(series.map((r) => r.volume)).toEqual(Array.from({ length: 20 }, (_, d) => (d === 14 ? 40 : d % 2 ? 9 : 11)));
    expect(series.filter((r) => r.spike).map((r) => r.start)).toEqual(['2025-03-17']);
    // The first 3 days have no baseline of 3 days yet.
    expect(series.slice(0, 3).every((r) => r.z === null || Number.isNaN(r.z))).toBe(true);
    // The latest 7 days (13–19) hold the spike: its words lead, then "refund" (days 17–19).
    const week = rowsOf(outputs.terms as Table).map((t) => t.term);
    expect(week.slice(0, 3).sort()).toEqual(['battery', 'fire', 'recall']);
    expect(week).toContain('refund');
    expect(week).not.toContain('price');
    // The latest 3 days: "refund" alone, first seen on day 17 (6 texts a day, none before).
    const latest = await runNode(node, { in: daily() }, { time: 'time', recent: 3 });
    const terms = rowsOf(latest.outputs.terms as Table);
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ term: 'refund', first_seen: '2025-03-20', count: 18, history_count: 0 });
    // The rows behind the spike: the 40 rows of that day.
    const rows = outputs.rows as Table;
    expect(rows.numRows).toBe(40);
    expect(rows.schema.fields.map((f) => f.name)).toEqual(['time', 'text', 'spike']);
    const chart = outputs.chart as TrendChart;
    expect(chart.chart).toBe('trend');
    expect(chart.x).toHaveLength(20);
    expect(chart.spikes).toEqual([expect.objectContaining({ from: 14, to: 14, volume: 40 })]);
    expect(chart.expected[0]).toBeNull();
  });

  it('keeps rare words out: a word in a few texts never rises to the list', async () => {
    const t = daily();
    const { outputs } = await runNode(node, { in: t }, { time: 'time', minCount: 31 });
    expect(rowsOf(outputs.spikes as Table)[0].top_terms).toBe('');
  });

  it('reads Unix seconds, counts per hour for a short span and compares each hour with the same hour of earlier days', async () => {
    const time: number[] = [];
    // 10 days; every day 2 rows at 03:00 and 20 at 20:00 (a daily rhythm, not a spike); 60 at 03:00 on day 8.
    for (let d = 0; d < 10; d++) {
      const at = (h: number, k: number) => {
        for (let i = 0; i < k; i++) time.push((START + d * DAY + h * 3600000 + i * 1000) / 1000);
      };
      at(3, d === 8 ? 60 : 2);
      at(20, 20);
    }
    const { outputs, infos } = await runNode(node, { in: tableFromArrays({ time: Float64Array.from(time) }) }, { time: 'time', text: '' });
    expect(infos.join(' ')).toMatch(/read as Unix times in seconds/);
    expect(infos.join(' ')).toMatch(/Counted per hour/);
    const spikes = rowsOf(outputs.spikes as Table);
    expect(spikes.map((s) => s.start)).toEqual(['2025-03-11 03:00']);
  });

  it('treats a long pause without rows as missing data, not as a spike when the rows come back', async () => {
    const time: string[] = [];
    for (let d = 0; d < 40; d++) {
      if (d >= 15 && d < 30) continue;
      for (let i = 0; i < 10; i++) time.push(new Date(START + d * DAY + i * 1000).toISOString());
    }
    const { outputs, warnings } = await runNode(node, { in: tableFromArrays({ time }) }, { time: 'time', text: '' });
    expect(rowsOf(outputs.spikes as Table)).toEqual([]);
    expect(warnings.join(' ')).toMatch(/1 pause without any row \(2025-03-18 – 2025-04-01\)/);
    expect(findGaps(Float64Array.from([1, 0, 0, 1, 0, 0, 0, 1]), 3, 'day')).toEqual([{ from: 4, to: 6 }]);
  });

  it('says plainly what is wrong with unreadable, missing and future dates', async () => {
    const good = daily();
    const time = (good.getChild('time')!.toArray() as string[]).slice();
    time[0] = 'not a date';
    time[1] = '2999-01-01T00:00:00';
    const withBad = tableFromArrays({
      time: [...time, null as unknown as string],
      text: [...(good.getChild('text')!.toArray() as string[]), 'x'],
    });
    const { warnings, infos, outputs } = await runNode(node, { in: withBad }, { time: 'time' });
    expect(warnings.join(' ')).toMatch(/1 rows have a time that cannot be read \(for example "not a date"\)/);
    expect(warnings.join(' ')).toMatch(/1 rows are dated after today/);
    expect(infos.join(' ')).toMatch(/1 rows have no time/);
    expect(rowsOf(outputs.series as Table)).toHaveLength(20);
    await expect(runNode(node, { in: tableFromArrays({ time: ['soon', 'later'] }) }, { time: 'time', text: '' })).rejects.toThrow(
      /No row of "time" holds a date that can be read \(for example "soon"\)/,
    );
    await expect(runNode(node, { in: tableFromArrays({ when: ['2025-01-01'] }) }, { time: 'time' })).rejects.toThrow(/time/);
    await expect(runNode(node, { in: tableFromArrays({ time: ['2025-01-01'], n: [1] }) }, { time: 'time', text: 'n' })).rejects.toThrow(
      /does not hold text/,
    );
    // A wrong date far in the past stretches the hours beyond the limit: refused with what to do.
    const wide = tableFromArrays({ time: ['1970-01-02T00:00:00', '2025-01-01T00:00:00'] });
    await expect(runNode(node, { in: wide }, { time: 'time', unit: 'hour', text: '' })).rejects.toThrow(/Count per day or week/);
  });

  it('copes with empty and emoji-only texts, and without a text column', async () => {
    const base = daily();
    const texts = (base.getChild('text')!.toArray() as string[]).map((t, i) => (i % 4 === 0 ? '' : i % 4 === 1 ? '🔥🔥🔥' : t));
    const t = tableFromArrays({ time: base.getChild('time')!.toArray() as string[], text: texts });
    const { outputs } = await runNode(node, { in: t }, { time: 'time' });
    expect(rowsOf(outputs.spikes as Table)).toHaveLength(1);
    const noText = tableFromArrays({ time: base.getChild('time')!.toArray() as string[] });
    const r = await runNode(node, { in: noText }, { time: 'time' });
    expect((r.outputs.terms as Table).numRows).toBe(0);
    expect(rowsOf(r.outputs.spikes as Table)[0].top_terms).toBe('');
  });

  it('reports progress and stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runNode(node, { in: daily() }, { time: 'time' }, { signal: controller.signal })).rejects.toThrow();
    const { progress } = await runNode(node, { in: daily() }, { time: 'time' });
    expect(progress.at(-1)!.fraction).toBe(1);
  });
});

describe('trend series and term statistics', () => {
  it('chooses hours, days or weeks by span; weeks start on Monday', () => {
    expect(autoUnit(0, 10 * DAY)).toBe('hour');
    expect(autoUnit(0, 200 * DAY)).toBe('day');
    expect(autoUnit(0, 900 * DAY)).toBe('week');
    expect(new Date(binStart(Date.UTC(2025, 2, 9, 23), 'week')).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(new Date(binStart(Date.UTC(2025, 2, 10, 1), 'week')).toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it('scores with the median and MAD of the previous bins', () => {
    const s = scoreSeries(Float64Array.from([10, 12, 14, 10, 30]), 4, 'day', 0);
    // Baseline of the last bin: 10, 12, 14, 10 → median 11, deviations 1, 1, 3, 1 → MAD 1; scale max(1.4826, √11).
    expect(s.expected[4]).toBe(11);
    expect(s.z[4]).toBeCloseTo(19 / Math.sqrt(11), 12);
    const wide = scoreSeries(Float64Array.from([0, 40, 0, 40, 50]), 4, 'day', 0);
    // median 20, MAD 20 → scale 29.652.
    expect(wide.z[4]).toBeCloseTo(30 / (1.4826 * 20), 12);
  });

  it('computes Dunning log-likelihood as the 2 × 2 G² statistic', () => {
    // a = 10 of 100 in the window, b = 10 of 1000 before: G² from the textbook formula.
    const n = 1100,
      k = 20;
    const e = [(100 * k) / n, (100 * (n - k)) / n, (1000 * k) / n, (1000 * (n - k)) / n];
    const o = [10, 90, 10, 990];
    const g = 2 * o.reduce((s, x, i) => s + x * Math.log(x / e[i]), 0);
    expect(logLikelihood(10, 100, 10, 1000)).toBeCloseTo(g, 10);
    expect(logLikelihood(0, 100, 0, 1000)).toBe(0);
  });
});
