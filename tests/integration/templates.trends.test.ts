/** Golden checks of the Trending topics and Community health templates on the sample data. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../nodes/index';
import type { TrendChart } from '../../src/core/contract/chart';
import { parseWorkflow } from '../../src/core/flow/workflow';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';

const DIR = path.resolve(__dirname, '../../templates');
const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);

async function run(file: string) {
  const parsed = parseWorkflow(readFileSync(path.join(DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  const engine = new Engine(getNode, memoryFiles({}));
  const result = await engine.run(parsed.workflow);
  expect(result.ok).toBe(true);
  return engine;
}

describe('Trending topics template', () => {
  it('marks spikes of comments, with their rising words, and the comments behind them', async () => {
    const engine = await run('trending.flow.json');
    const spikes = rowsOf(engine.table('spikes', 'out')!);
    expect(spikes.length).toBeGreaterThan(3);
    // Sorted by strength; most spikes have words (those with history before them).
    expect(spikes.map((s) => s.z as number)).toEqual([...spikes.map((s) => s.z as number)].sort((a, b) => b - a));
    expect(spikes.filter((s) => s.top_terms).length).toBeGreaterThan(spikes.length / 2);
    for (const s of spikes) {
      expect(s.volume as number).toBeGreaterThan(s.expected as number);
      expect(s.z as number).toBeGreaterThanOrEqual(3.5);
    }
    const rising = rowsOf(engine.table('rising', 'out')!);
    expect(rising.length).toBeGreaterThan(0);
    for (const t of rising) {
      expect(t.count as number).toBeGreaterThanOrEqual(5);
      expect(t.growth as number).toBeGreaterThanOrEqual(2);
    }
    const behind = engine.table('behind', 'out')!;
    expect(behind.numRows).toBeGreaterThan(0);
    expect(new Set(behind.getChild('type')!.toArray())).toEqual(new Set(['comment']));
    const chart = engine.output('trend', 'chart') as TrendChart;
    expect(chart.chart).toBe('trend');
    expect(chart.x.length).toBe(181);
    expect(chart.spikes.length).toBe(spikes.length);
  }, 120_000);
});

describe('Community health template', () => {
  it('ranks who drives the discussion from the reply network', async () => {
    const engine = await run('community-health.flow.json');
    const drivers = rowsOf(engine.table('drivers', 'out')!);
    expect(drivers).toHaveLength(20);
    expect(Object.keys(drivers[0])).toEqual(expect.arrayContaining(['id', 'pagerank', 'degree_in', 'community']));
    const ranks = drivers.map((d) => d.pagerank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // The sample's hubs: the most answered member leads, answered far more than the 20th.
    const activity = engine.table('activity', 'out')!;
    const answered = new Map<string, number>();
    for (const u of activity.getChild('reply_to_user')!.toArray() as (string | null)[]) if (u) answered.set(u, (answered.get(u) ?? 0) + 1);
    const most = [...answered.entries()].sort((a, b) => b[1] - a[1]);
    expect(drivers.slice(0, 5).map((d) => d.id)).toContain(most[0][0]);
    const circles = rowsOf(engine.table('circles', 'out')!);
    expect(circles.length).toBeGreaterThan(1);
    expect(circles.filter((c) => c.top_terms).length).toBeGreaterThan(0);
  }, 120_000);
});
