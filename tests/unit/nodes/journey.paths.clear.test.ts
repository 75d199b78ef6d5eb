/**
 * journey.paths reads clearly: the funnel table says in words what reach ("users"), "seen" and
 * "conversion" mean, the funnel chart shows the table's numbers, and the Sankey always merges
 * repeats and shows at most MAX_STEPS columns (longer paths merged into where they end).
 */
import { type Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/journey.paths';
import type { ChartSpec } from '../../../src/core/contract/chart';
import type { FunnelChart, SankeyChart } from '../../../src/core/contract/chart';
import { MAX_STEPS } from '../../../src/core/journey/paths';
import { STAGES } from '../../../src/core/journey/stages';
import type { NodeDef } from '../../../src/core/contract/node';
import { createRandom } from '../../../src/core/contract/random';
import { funnelOption, sankeyOption } from '../../../src/ui/charts/journey-charts';
import { rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const def = node as unknown as NodeDef;

/** 300 people, 1–30 comments each over all 7 stages (none included), with many repeats. */
function comments(): Table {
  const rnd = createRandom(11);
  const user: string[] = [],
    time: number[] = [],
    stage: string[] = [];
  for (let u = 0; u < 300; u++) {
    const n = 1 + Math.floor(rnd() * 30);
    let s = Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      if (rnd() < 0.4) s = Math.floor(rnd() * STAGES.length); // otherwise the same stage again
      user.push(`u${u}`);
      time.push(1_700_000_000_000 + i * 3_600_000);
      stage.push(STAGES[s]);
    }
  }
  return tableFromArrays({ user_id: user, timestamp: Float64Array.from(time), journey_stage: stage });
}

const columnOf = (name: string) => name.slice(0, name.indexOf('.'));
const stageOf = (name: string) => name.slice(name.indexOf('. ') + 2);

describe('journey.paths reads clearly', () => {
  it('the Sankey merges repeats, shows at most MAX_STEPS columns, and says where longer paths end', async () => {
    for (const collapse of [true, false]) {
      const { outputs } = await runNode(def, { in: comments() }, { collapse });
      const s = outputs.sankey as unknown as SankeyChart;
      const columns = [...new Set(s.nodes.map((n) => columnOf(n.name)))];
      expect(columns).toEqual(['1', '2', '3', '4+']);
      expect(MAX_STEPS).toBe(4);
      // No stage in more columns than there are columns; each stage once per column.
      for (const st of new Set(s.nodes.map((n) => n.stage)))
        expect(s.nodes.filter((n) => n.stage === st).length).toBeLessThanOrEqual(MAX_STEPS);
      // Within the shown steps, a link never stays on the same stage (repeats merged), whatever "collapse" says.
      for (const l of s.links)
        if (columnOf(l.target) !== '4+') expect(stageOf(l.source), `${l.source} → ${l.target}`).not.toBe(stageOf(l.target));
      // Everyone starts in column 1; flows into a column add up to its nodes.
      const funnel = rows(outputs.funnel as Table);
      const people = new Set(
        rows(comments())
          .filter((r) => r.journey_stage !== 'none')
          .map((r) => r.user_id),
      ).size;
      expect(s.nodes.filter((n) => n.step === 1).reduce((a, n) => a + n.value, 0)).toBe(people);
      for (const n of s.nodes.filter((x) => x.step > 1))
        expect(s.links.filter((l) => l.target === n.name).reduce((a, l) => a + l.value, 0)).toBe(n.value);
      expect(s.nodes.filter((n) => n.merged).every((n) => columnOf(n.name) === '4+')).toBe(true);
      expect(s.title?.en).toMatch(/first 3 steps, then where \d+ longer paths end \(repeats merged\)/);
      expect(s.title?.vi).toMatch(/3 bước đầu, rồi nơi \d+ lộ trình dài hơn kết thúc/);
      expect(funnel).toHaveLength(6);
      // The page's tooltip names the merged column.
      const opt = sankeyOption(s as unknown as ChartSpec, 'en') as { tooltip: { formatter: (p: unknown) => string } };
      const last = s.nodes.find((n) => n.merged)!;
      expect(opt.tooltip.formatter({ data: { name: last.name, value: last.value } })).toMatch(/^Step 4 or later, where the path ends: /);
    }
  });

  it('the funnel table says what reach, seen and conversion mean with its own numbers, and the chart shows the same numbers', async () => {
    const { outputs } = await runNode(def, { in: comments() });
    const table = rows(outputs.funnel as Table);
    const chart = outputs.funnel_chart as unknown as FunnelChart;
    expect(chart.stages.map((x) => x.name)).toEqual(table.slice(0, 5).map((r) => r.stage));
    expect(chart.stages.map((x) => x.value)).toEqual(table.slice(0, 5).map((r) => r.users));
    expect(chart.stages.map((x) => x.share)).toEqual(table.slice(0, 5).map((r) => r.share_of_users));
    expect(chart.stages.map((x) => x.conversion)).toEqual(table.slice(0, 5).map((r) => r.conversion));
    for (const r of table.slice(0, 5)) {
      expect(r.meaning).toContain(`Reach ("users"): ${r.users} people got at least as far as`);
      expect(r.meaning).toContain(`Seen: ${r.seen} wrote at least one`);
      expect(r.meaning).toContain(`Conversion: ${Math.round(100 * (r.conversion as number))}% of`);
      expect(r.meaning_vi).toMatch(/^Tiếp cận \("users"\): \d+ người đã đi ít nhất tới .*Chuyển đổi: \d+%/);
    }
    expect(table[5].meaning).toMatch(/Churn is an exit, not a funnel step/);
    expect(chart.note?.en).toMatch(/people who got at least this far.*"users"/);
    // The drawn labels and tooltips show the table's share, not another base.
    const opt = funnelOption(chart as unknown as ChartSpec, 'en') as {
      title: { subtext: string };
      tooltip: { formatter: (p: unknown) => string };
      series: { label: { formatter: (p: unknown) => string } }[];
    };
    expect(opt.title.subtext).toBe(chart.note!.en);
    table.slice(0, 5).forEach((r, i) => {
      const p = { name: 'x', value: r.users, dataIndex: i };
      expect(opt.series[0].label.formatter(p)).toBe(`x  ${r.users} · ${Math.round(100 * (r.share_of_users as number))}%`);
      expect(opt.tooltip.formatter(p)).toContain(
        `${r.users} people got at least this far (${Math.round(100 * (r.share_of_users as number))}% of everyone)`,
      );
    });
  });
});
