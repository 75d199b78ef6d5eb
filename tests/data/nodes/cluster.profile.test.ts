import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import kmeansNode from '../../../nodes/cluster.kmeans';
import node from '../../../nodes/cluster.profile';
import scaleNode from '../../../nodes/feature.scale';
import type { PersonaCard } from '../../../src/core/ml/persona';
import { toFloat64 } from '../../../src/core/table/table';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';
import { mallCustomers as mall } from '../../helpers/mall';

const data = sharedData('mall_customers/Mall_Customers.csv');
const INCOME = 'Annual Income (k$)',
  SPEND = 'Spending Score (1-100)';

type Personas = { chart: string; cards: PersonaCard[] };

describe.skipIf(!data.available)('cluster.profile', () => {
  it('profiles the Mall Customers segments from the unscaled table: means, lifts, categories, personas', async () => {
    const table = mall();
    const scaled = (await runNode(scaleNode, { in: table }, { columns: [INCOME, SPEND], method: 'zscore' })).outputs.out as Table;
    const seg = (await runNode(kmeansNode, { in: scaled }, { columns: [INCOME, SPEND], k: 5 })).outputs.out as Table;
    const { outputs, warnings } = await runNode(node, { in: seg, original: table }, { categories: ['Gender'] });
    expect(warnings).toEqual([
      expect.stringMatching(/^Left out of the default columns: "CustomerID" \(its name says it is an identifier\)/),
    ]);
    const out = outputs.out as Table;
    expect(out.numRows).toBe(5);
    const names = out.schema.fields.map((f) => f.name);
    expect(names.slice(0, 3)).toEqual(['segment', 'size', 'share']);
    expect(names).toContain(`lift_${INCOME}`);
    expect(names).not.toContain('mean_CustomerID');
    expect(names).toContain('top_Gender');
    // Reference: means and lifts straight from the rows.
    const segment = seg.getChild('segment')!.toArray() as Int32Array;
    const income = toFloat64(table.getChild(INCOME)!);
    const overall = income.reduce((a, b) => a + b, 0) / income.length;
    for (let j = 0; j < 5; j++) {
      const mine = income.filter((_, i) => segment[i] === j);
      const mean = mine.reduce((a, b) => a + b, 0) / mine.length;
      expect(out.getChild(`mean_${INCOME}`)!.get(j)).toBeCloseTo(mean, 10);
      expect(out.getChild(`lift_${INCOME}`)!.get(j)).toBeCloseTo(mean / overall, 10);
      expect(out.getChild('size')!.get(j)).toBe(mine.length);
    }
    const personas = rows(out).map((r) => r.persona as string);
    const rich = personas.find((p) => /high earners|Affluent/.test(p) && /big spenders|Big-spending/.test(p));
    expect(rich).toBeDefined();
    expect(
      rows(out)
        .map((r) => r.persona_vi as string)
        .join(' '),
    ).toMatch(/thu nhập cao/);
    const chart = outputs.personas as unknown as Personas;
    expect(chart.chart).toBe('personas');
    expect(chart.cards.length).toBe(5);
    expect(chart.cards[0].name.en).toBe(personas[0].split(': ')[0]);
    expect(chart.cards[0].traits.length).toBeGreaterThan(0);
    const lift = outputs.lift as unknown as { chart: string; format: string; rows: string[]; cols: string[]; values: number[][] };
    expect(lift).toMatchObject({ chart: 'heatmap', format: 'lift' });
    expect(lift.cols).toEqual(['Age', INCOME, SPEND]);
    expect(lift.values.length).toBe(5);
    expectIpcRoundTrip(out);
  });

  it('warns when lifts are computed on scaled values, and explains a row mismatch', async () => {
    const table = mall();
    const scaled = (await runNode(scaleNode, { in: table }, { columns: [INCOME, SPEND], method: 'zscore' })).outputs.out as Table;
    const seg = (await runNode(kmeansNode, { in: scaled }, { columns: [INCOME, SPEND], k: 3 })).outputs.out as Table;
    const { warnings, notes } = await runNode(node, { in: seg }, { columns: [INCOME, SPEND] });
    expect(warnings.join(' ')).toMatch(/original/);
    expect(notes[0].vi).toMatch(/chuẩn hoá/);
    const short = tableFromArrays({ x: Float64Array.from([1, 2]) });
    await expect(runNode(node, { in: seg, original: short }, {})).rejects.toThrow(/has 2 rows/);
    await expect(runNode(node, { in: table }, {})).rejects.toThrow(/"segment" is not in the table/);
  });
});
