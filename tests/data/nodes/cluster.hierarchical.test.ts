import { readFileSync } from 'node:fs';
import { tableFromArrays, type Table } from 'apache-arrow';
import { agnes, type AgglomerationMethod } from 'ml-hclust';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/cluster.hierarchical';
import { expectIpcRoundTrip } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData('mall_customers/Mall_Customers.csv');
const COLS = ['Annual Income (k$)', 'Spending Score (1-100)'];

function mall(): Table {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(data.path('mall_customers/Mall_Customers.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const num = (key: string) => Float64Array.from(parsed.data, (r) => Number(r[key]));
  return tableFromArrays({ Gender: parsed.data.map((r) => r.Gender), Age: num('Age'), [COLS[0]]: num(COLS[0]), [COLS[1]]: num(COLS[1]) });
}

/** Labels numbered by first appearance, so that partitions compare with toEqual. */
function canonical(labels: ArrayLike<number>): number[] {
  const seen = new Map<number, number>();
  return Array.from(labels, (l) => {
    if (!seen.has(l)) seen.set(l, seen.size);
    return seen.get(l)!;
  });
}

type Dendrogram = { chart: string; merges: [number, number, number, number][]; labels: string[]; leafSegment: number[]; cut: number };

describe.skipIf(!data.available)('cluster.hierarchical', () => {
  const ML: Record<string, AgglomerationMethod> = { ward: 'ward2', complete: 'complete', average: 'average', single: 'single' };
  for (const linkage of ['ward', 'complete', 'average', 'single']) {
    it(`gives ml-hclust's partition on Mall Customers (${linkage}, k = 5)`, async () => {
      const table = mall();
      // Income × spending alone has many tied distances (integer grid); adding age makes ties rare, so the partition is well defined.
      const cols = [...COLS, 'Age'];
      const { outputs } = await runNode(node, { in: table }, { columns: cols, linkage, k: 5 });
      const segment = (outputs.out as Table).getChild('segment')!.toArray() as Int32Array;
      const points = Array.from({ length: table.numRows }, (_, i) => cols.map((c) => table.getChild(c)!.get(i) as number));
      const ref = new Array<number>(points.length);
      agnes(points, { method: ML[linkage] })
        .group(5)
        .children.forEach((ch, g) => {
          for (const i of ch.indices()) ref[i] = g;
        });
      expect(canonical(segment)).toEqual(canonical(ref));
      const sizes = Array.from((outputs.segments as Table).getChild('size')!.toArray() as Int32Array);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
      for (let j = 1; j < sizes.length; j++) expect(sizes[j]).toBeLessThanOrEqual(sizes[j - 1]);
      expectIpcRoundTrip(outputs.out as Table);
    });
  }

  it('outputs the top merges as a dendrogram and segments with means', async () => {
    const { outputs } = await runNode(node, { in: mall() }, { columns: COLS, k: 5 });
    const chart = outputs.dendrogram as unknown as Dendrogram;
    expect(chart.chart).toBe('dendrogram');
    expect(chart.merges.length).toBe(60);
    expect(chart.labels.length).toBe(61);
    expect(chart.merges[59][3]).toBe(200);
    for (const [a, b] of chart.merges) {
      expect(a).toBeLessThan(61 + 60);
      expect(b).toBeLessThan(61 + 60);
    }
    expect(chart.cut).toBeGreaterThan(chart.merges[55][2]);
    expect(chart.cut).toBeLessThan(chart.merges[56][2]);
    expect(new Set(chart.leafSegment).size).toBe(5);
    const seg = outputs.segments as Table;
    expect(seg.schema.fields.map((f) => f.name)).toEqual(['segment', 'size', 'share', ...COLS]);
  });

  it('cuts by height', async () => {
    const first = await runNode(node, { in: mall() }, { columns: COLS, k: 5 });
    const cut = (first.outputs.dendrogram as unknown as Dendrogram).cut;
    const { outputs } = await runNode(node, { in: mall() }, { columns: COLS, height: cut });
    expect((outputs.segments as Table).numRows).toBe(5);
    expect(Array.from((outputs.out as Table).getChild('segment')!.toArray() as Int32Array)).toEqual(
      Array.from((first.outputs.out as Table).getChild('segment')!.toArray() as Int32Array),
    );
  });

  it('clusters a seeded sample above maxRows, assigns the rest, and says so', async () => {
    const a = await runNode(node, { in: mall() }, { columns: COLS, k: 5, maxRows: 120 });
    const b = await runNode(node, { in: mall() }, { columns: COLS, k: 5, maxRows: 120 });
    expect(a.warnings.join(' ')).toMatch(/sample of 120 rows/);
    expect(a.notes[0].vi).toMatch(/mẫu/);
    const seg = (a.outputs.out as Table).getChild('segment')!.toArray() as Int32Array;
    expect(seg.length).toBe(200);
    expect(new Set(seg).size).toBe(5);
    expect(Array.from(seg)).toEqual(Array.from((b.outputs.out as Table).getChild('segment')!.toArray() as Int32Array));
  });

  it('explains problems in plain words', async () => {
    await expect(runNode(node, { in: mall() }, { columns: ['Gender'] })).rejects.toThrow(/holds text/);
    await expect(runNode(node, {}, {})).rejects.toThrow(/Nothing is connected/);
    const tiny = tableFromArrays({ x: Float64Array.from([1, 2, 3]) });
    await expect(runNode(node, { in: tiny }, { k: 4 })).rejects.toThrow(/only 3 rows/);
  });
});
