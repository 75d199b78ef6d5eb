import { describe, expect, it } from 'vitest';
import { getNode } from '../../../nodes/index';
import { memoryFiles } from '../../../workers/files';
import { headOfFile, PREVIEW_ROWS, PreviewEngine, previewTargets } from '../../../workers/preview';
import type { Workflow } from '../../../src/core/flow/workflow';

const n = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: [0, 0] as [number, number] });

/** A CSV of `rows` rows, well over the preview's megabyte when rows is large. */
function csv(rows: number): string {
  const lines = ['ID,Income,Dt_Customer,Channel,MntWines'];
  for (let i = 0; i < rows; i++)
    lines.push(`${1000 + i},${30000 + ((i * 7919) % 50000)},2014-0${1 + (i % 9)}-1${i % 10},${i % 3 ? 'web' : 'store'},${(i * 31) % 900}`);
  return `${lines.join('\n')}\n`;
}

const flow = (): Workflow => ({
  schema: 'audience-flow/workflow@2',
  name: 'preview',
  notes: [],
  nodes: [
    n('file', 'ingest.file', { path: 'customers.csv' }),
    n('pick', 'clean.select', { columns: ['ID', 'Income', 'MntWines', 'Dt_Customer'] }),
    n('time', 'feature.time', { column: 'Dt_Customer' }),
    n('seg', 'cluster.kmeans', { columns: ['Income', 'MntWines'], k: 3 }),
    n('lonely', 'ingest.sample', { dataset: 'users', size: 1000 }),
  ],
  edges: [
    { from: 'file.out', to: 'pick.in' },
    { from: 'pick.out', to: 'time.in' },
    { from: 'pick.out', to: 'seg.in' },
  ],
});

describe('headOfFile', () => {
  it('cuts a long text file at its last line end within the limit, and keeps binary files and JSON arrays whole', () => {
    const text = new TextEncoder().encode('a,b\n1,2\n3,4\n5,6\n');
    const head = headOfFile(text, 10);
    expect(new TextDecoder().decode(head)).toBe('a,b\n1,2\n');
    expect(headOfFile(text, 1000)).toBe(text);
    const parquet = new TextEncoder().encode(`PAR1${'x\n'.repeat(50)}`);
    expect(headOfFile(parquet, 10).length).toBe(parquet.length);
    const array = new TextEncoder().encode(`[\n${'{"a":1},\n'.repeat(20)}{"a":2}]`);
    expect(headOfFile(array, 10).length).toBe(array.length);
  });
});

describe('PreviewEngine', () => {
  it('runs the steps after a loaded file on its first rows and says each output’s columns with their types', async () => {
    // Past the first megabyte, Income holds text: read whole, it would be a text column.
    const text = `${csv(40_000)}9999999,not a number,2014-01-01,web,1\n`;
    expect(text.length).toBeGreaterThan(1 << 20);
    const preview = new PreviewEngine(getNode, memoryFiles({ 'customers.csv': text }));
    const w = flow();
    const targets = previewTargets(w, getNode);
    expect(targets).toEqual(['file', 'pick', 'time', 'seg']); // not the sample, which reads no file
    const result = await preview.run(w, targets);
    expect(result.cancelled).toBe(false);
    const file = result.nodes.file.outputs!.out;
    expect(file.rows).toBe(PREVIEW_ROWS);
    expect(file.columns!.map((c) => [c.name, c.kind])).toEqual([
      ['ID', 'number'],
      ['Income', 'number'],
      ['Dt_Customer', 'string'],
      ['Channel', 'string'],
      ['MntWines', 'number'],
    ]);
    expect(file.columns!.find((c) => c.name === 'Dt_Customer')!.dates).toBe(true);
    expect(result.nodes.pick.outputs!.out.columns!.map((c) => c.name)).toEqual(['ID', 'Income', 'MntWines', 'Dt_Customer']);
    const timeCols = result.nodes.time.outputs!.out.columns!.map((c) => c.name);
    expect(timeCols).toEqual(expect.arrayContaining(['Dt_Customer_hour', 'Dt_Customer_weekday']));
    expect(result.nodes.seg.outputs!.out.columns!.map((c) => c.name)).toContain('segment');
    expect(result.nodes.seg.outputs!.segments.kind).toBe('table');
    expect(result.nodes.lonely).toBeUndefined();
    // The data panel reads the preview's tables.
    expect(preview.table('pick', 'out')!.numRows).toBe(PREVIEW_ROWS);
    expect(Number(preview.table('file', 'out')!.getChild('ID')!.get(0))).toBe(1000);
  });

  it('leaves out nodes with results of a run, and says why a step has no preview', async () => {
    const preview = new PreviewEngine(getNode, memoryFiles({ 'customers.csv': csv(50) }));
    const w = flow();
    (w.nodes[3].params as Record<string, unknown>).k = 60; // more segments than the 50 rows
    const targets = previewTargets(w, getNode, new Set(['time']));
    expect(targets).toEqual(['file', 'pick', 'seg']);
    const result = await preview.run(w, targets);
    expect(result.nodes.file.outputs!.out.rows).toBe(50);
    expect(result.nodes.time).toBeUndefined();
    expect(result.nodes.seg.outputs).toBeUndefined();
    expect(result.nodes.seg.error!.en.length).toBeGreaterThan(5);
    expect(result.nodes.seg.error!.vi).not.toBe(result.nodes.seg.error!.en);
  });

  it('reads a whole file when its cut head cannot be read, and has no targets without a file', async () => {
    // A JSON object spread over lines (not NDJSON): cut, it would not parse.
    const body = `{"rows": [${Array.from({ length: 30_000 }, (_, i) => `\n {"a": ${i}, "b": "x${i}"}`).join(',')}\n]}`;
    const preview = new PreviewEngine(getNode, memoryFiles({ 'data.jsonl': body }));
    const w: Workflow = {
      schema: 'audience-flow/workflow@2',
      name: 'j',
      notes: [],
      nodes: [n('f', 'ingest.file', { path: 'data.jsonl' })],
      edges: [],
    };
    const result = await preview.run(w, previewTargets(w, getNode));
    // Whatever the reader makes of it, the preview tried the whole file rather than failing on the cut.
    expect(result.nodes.f).toBeDefined();
    const empty: Workflow = { ...w, nodes: [n('f', 'ingest.file', { path: '' })] };
    expect(previewTargets(empty, getNode)).toEqual([]);
  });
});
