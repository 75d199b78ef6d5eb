/**
 * The DuckDB engine gives the same tables as the memory engine: each relational node's SQL form on
 * the sample interactions (written to CSV and Parquet files, read back by each engine's own
 * reader), and every shipped template, run both ways.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getNode } from '../../nodes/index';
import { diskFiles } from '../../src/cli/node-files';
import { writeParquet } from '../../src/core/io/parquet';
import { toCsv } from '../../src/core/io/write';
import { parseWorkflow, WORKFLOW_SCHEMA, type Workflow } from '../../src/core/flow/workflow';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';
import { runBothWays } from '../helpers/parity';

const dir = mkdtempSync(path.join(tmpdir(), 'af-parity-'));
const files = diskFiles(dir);

beforeAll(async () => {
  const engine = new Engine(getNode, memoryFiles({}));
  const flow: Workflow = {
    schema: WORKFLOW_SCHEMA,
    name: 'sample',
    nodes: [{ id: 's', type: 'ingest.sample', params: { dataset: 'interactions', size: 5000, seed: 7 }, position: [0, 0] }],
    edges: [],
    notes: [],
  };
  await engine.run(flow);
  const table = engine.table('s')!;
  writeFileSync(path.join(dir, 'interactions.csv'), toCsv(table));
  writeFileSync(path.join(dir, 'interactions.parquet'), await writeParquet(table));
  const cast = new Engine(getNode, memoryFiles({}));
  await cast.run({
    ...flow,
    nodes: [...flow.nodes, node('c', 'clean.cast', { columns: ['timestamp'], to: 'date' })],
    edges: [{ from: 's.out', to: 'c.in' }],
  });
  writeFileSync(path.join(dir, 'interactions-times.parquet'), await writeParquet(cast.table('c')!));
  const users = new Engine(getNode, memoryFiles({}));
  await users.run({ ...flow, nodes: [{ ...flow.nodes[0], params: { dataset: 'users', size: 1000, seed: 7 } }] });
  writeFileSync(path.join(dir, 'users.csv'), toCsv(users.table('s')!));
  // Numbers, yes/no and text with gaps (blank, NA), and a column with no value at all.
  const gaps = ['id,score,visits,flag,label,empty'];
  for (let r = 0; r < 400; r++)
    gaps.push(
      [
        `g${r}`,
        r % 5 ? ((r * 37) % 101) / 7 : r % 2 ? 'NA' : '',
        r % 7 ? String(r % 13) : '',
        r % 3 ? String(r % 2 === 0) : '',
        r % 4 ? `t${r % 9}` : '',
        '',
      ].join(','),
    );
  writeFileSync(path.join(dir, 'gaps.csv'), `${gaps.join('\n')}\n`);
}, 120_000);

function node(id: string, type: string, params: Record<string, unknown>) {
  return { id, type, params, position: [0, 0] as [number, number] };
}
const chain = (load: string, steps: [string, Record<string, unknown>][]): Workflow => ({
  schema: WORKFLOW_SCHEMA,
  name: 'parity',
  nodes: [node('load', 'ingest.file', { path: load }), ...steps.map(([type, params], i) => node(`n${i}`, type, params))],
  edges: steps.map((_, i) => ({ from: `${i ? `n${i - 1}` : 'load'}.out`, to: `n${i}.in` })),
  notes: [],
});

const AGGREGATE = { by: 'user_id', time: 'timestamp', type: 'type', distinct: ['post_id'], values: ['hour'] };

const cases: [string, Workflow, string[]][] = [
  ['CSV read, then per-user features', chain('interactions.csv', [['feature.aggregate', AGGREGATE]]), ['load', 'n0']],
  ['Parquet read, then per-user features', chain('interactions.parquet', [['feature.aggregate', AGGREGATE]]), ['load', 'n0']],
  [
    'filter (numbers, text, missing) → select with rename → dedupe',
    chain('interactions.csv', [
      [
        'clean.filter',
        {
          match: 'all',
          conditions: [
            { column: 'hour', op: '>=', value: '8' },
            { column: 'channel', op: 'in', value: 'Facebook, tiktok' },
            { column: 'text', op: 'is not missing', value: '' },
          ],
        },
      ],
      ['clean.select', { columns: ['user_id', 'post_id', 'type', 'text', 'hour'], rename: { hour: 'h' } }],
      ['clean.dedupe', { columns: ['user_id', 'post_id'], keep: 'last' }],
    ]),
    ['load', 'n0', 'n1', 'n2'],
  ],
  [
    'filter with any-of (contains, starts with, missing)',
    chain('interactions.csv', [
      [
        'clean.filter',
        {
          match: 'any',
          conditions: [
            { column: 'text', op: 'contains', value: 'GIAO' },
            { column: 'reaction', op: 'is missing', value: '' },
            { column: 'user_id', op: 'starts with', value: 'u001' },
          ],
        },
      ],
      ['clean.dedupe', { columns: [], keep: 'first' }],
    ]),
    ['load', 'n0', 'n1'],
  ],
  [
    'missing values: drop rows without text, then one-hot encode (rare ones in =other, a number column)',
    chain('interactions.csv', [
      ['clean.missing', { columns: ['text'], strategy: 'drop' }],
      ['feature.encode', { columns: ['channel', 'type', 'hour'], maxCategories: 2 }],
    ]),
    ['load', 'n0', 'n1'],
  ],
  [
    'missing values filled: a typed text value, then the mean and the median of numbers',
    chain('interactions.csv', [
      ['clean.missing', { columns: ['reaction', 'text'], strategy: 'fill', fill: 'constant', value: 'none yet' }],
      ['clean.missing', { columns: [], strategy: 'fill', fill: 'zero' }],
      ['feature.encode', { columns: ['reaction'], maxCategories: 10, dropOriginal: true }],
    ]),
    ['load', 'n0', 'n2'], // zero for text columns means their most frequent value: TypeScript
  ],
  [
    'missing numbers filled with the mean, the median and zero; yes/no with a typed value; an empty column removed',
    chain('gaps.csv', [
      ['clean.missing', { columns: ['score'], strategy: 'fill', fill: 'mean' }],
      ['clean.missing', { columns: ['visits', 'empty'], strategy: 'fill', fill: 'median' }],
      ['clean.missing', { columns: ['flag'], strategy: 'fill', fill: 'constant', value: 'yes' }],
    ]),
    ['load', 'n0', 'n1', 'n2'],
  ],
  [
    'time features of a Parquet timestamp column',
    chain('interactions-times.parquet', [
      ['feature.time', { column: 'timestamp', parts: ['hour', 'weekday', 'month', 'year', 'recency_days'] }],
    ]),
    ['load', 'n0'],
  ],
];

describe('DuckDB engine = memory engine on the sample interactions', () => {
  it('values first seen after the sampled rows: a late text cell, a late type value', async () => {
    // 25,000 rows: the sample (20,000) sees only numbers in "score" and two type values.
    const lines = ['user_id,type,score,timestamp'];
    for (let r = 0; r < 25_000; r++) {
      const type = r >= 24_000 && r % 7 === 0 ? 'share late' : r % 3 ? 'reaction' : 'comment';
      const score = r === 24_500 ? 'n/a?' : String(r % 17);
      lines.push(`u${r % 900},${type},${score},2026-0${1 + (r % 9)}-1${r % 10} ${String(r % 24).padStart(2, '0')}:05:00`);
    }
    writeFileSync(path.join(dir, 'late.csv'), `${lines.join('\n')}\n`);
    const flow = chain('late.csv', [['feature.aggregate', { by: 'user_id', time: 'timestamp', type: 'type', distinct: ['score'] }]]);
    const parity = await runBothWays(flow, files);
    expect(parity.memory.ok).toBe(true);
    expect(parity.sqlNodes).toEqual(['load', 'n0']);
    expect(parity.differences).toEqual([]);
    // What the two engines agree on is the late values' own result: a type column and text scores.
    const memory = new Engine(getNode, files);
    await memory.run(flow);
    expect(memory.table('n0')!.schema.names).toContain('n_share_late');
    expect(String(memory.table('load')!.schema.fields.find((f) => f.name === 'score')!.type)).toBe('Utf8');
  }, 120_000);

  for (const [name, flow, sql] of cases)
    it(name, async () => {
      const parity = await runBothWays(flow, files);
      expect(parity.memory.nodes.filter((n) => n.status !== 'done').map((n) => n.message?.en)).toEqual([]);
      expect(parity.duckdb.nodes.filter((n) => n.status !== 'done').map((n) => n.message?.en)).toEqual([]);
      expect(parity.sqlNodes).toEqual(sql);
      expect(parity.compared.length).toBe(flow.nodes.length);
      expect(parity.differences).toEqual([]);
    }, 120_000);

  it('joins a users table onto per-user features (left join, _right suffix, row order)', async () => {
    const flow: Workflow = {
      schema: WORKFLOW_SCHEMA,
      name: 'join',
      nodes: [
        node('load', 'ingest.file', { path: 'interactions.csv' }),
        node('users', 'ingest.file', { path: 'users.csv' }),
        node('agg', 'feature.aggregate', AGGREGATE),
        node('join', 'feature.join', { on: ['user_id'], how: 'left' }),
      ],
      edges: [
        { from: 'load.out', to: 'agg.in' },
        { from: 'users.out', to: 'join.in' },
        { from: 'agg.out', to: 'join.right' },
      ],
      notes: [],
    };
    const parity = await runBothWays(flow, files);
    expect(parity.sqlNodes).toEqual(['load', 'users', 'agg', 'join']);
    expect(parity.differences).toEqual([]);
  }, 120_000);
});

const TEMPLATES = path.resolve(__dirname, '../../templates');
describe('every template gives the same tables on both engines', () => {
  for (const file of readdirSync(TEMPLATES).filter((f) => f.endsWith('.flow.json')))
    it(file, async () => {
      const parsed = parseWorkflow(readFileSync(path.join(TEMPLATES, file), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      const parity = await runBothWays(parsed.workflow, memoryFiles({}));
      expect(parity.memory.ok).toBe(true);
      expect(parity.duckdb.nodes.filter((n) => n.status !== 'done').map((n) => `${n.id}: ${n.message?.en}`)).toEqual([]);
      expect(parity.differences).toEqual([]);
      expect(parity.compared.length).toBeGreaterThan(0);
    }, 300_000);
});

describe('DuckDB faults become a plain message on the node', () => {
  it('a damaged Parquet file: a parse message in EN and VI, no stack trace', async () => {
    writeFileSync(path.join(dir, 'broken.parquet'), 'PAR1 this is not really parquet');
    const duck = await (await import('../../src/cli/duckdb')).openDuckDb({ threads: 1 });
    try {
      const engine = new Engine(getNode, files, { sql: duck });
      const result = await engine.run(chain('broken.parquet', [['feature.aggregate', AGGREGATE]]));
      const load = result.nodes.find((n) => n.id === 'load')!;
      expect(load.status).toBe('error');
      expect(load.code).toBe('parse');
      expect(load.message!.en).toMatch(/^DuckDB could not read this file: /);
      expect(load.message!.vi).toMatch(/^DuckDB không đọc được tệp này: /);
      expect(load.message!.en).not.toMatch(/\n|    at /);
      expect(result.nodes.find((n) => n.id === 'n0')!.status).toBe('skipped');
    } finally {
      await duck.close();
    }
  }, 60_000);

  it('a memory limit too small for the work: says so and how to raise it', async () => {
    const duck = await (await import('../../src/cli/duckdb')).openDuckDb({ threads: 1, memoryLimit: '1MB' });
    try {
      const engine = new Engine(getNode, files, { sql: duck });
      const result = await engine.run(chain('interactions.csv', [['feature.aggregate', AGGREGATE]]));
      const failed = result.nodes.find((n) => n.status === 'error')!;
      expect(failed.code).toBe('too-large');
      expect(failed.message!.en).toMatch(/DuckDB ran out of the memory it may use .*--duckdb-memory/);
      expect(failed.message!.vi).toMatch(/DuckDB đã dùng hết bộ nhớ được phép/);
    } finally {
      await duck.close();
    }
  }, 60_000);
});
