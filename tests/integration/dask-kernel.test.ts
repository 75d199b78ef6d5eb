/**
 * The Dask driver (bin/audience_flow_dask.py) maps partitions through `audience-flow kernel` on a
 * LocalCluster of 2 worker processes: a 2-node flow (filter: rows; per-user features: shuffled by
 * user) on 2 partitions gives the memory engine's rows. Skipped when /usr/bin/python3 lacks dask
 * (Debian python3-dask, python3-distributed), required under CI=true (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../nodes/index';
import { WORKFLOW_SCHEMA, type Workflow } from '../../src/core/flow/workflow';
import { takeRows } from '../../src/core/table/table';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';
import { tableDifference } from '../helpers/parity';

const ROOT = path.resolve(__dirname, '../..');
const hasDask = spawnSync('/usr/bin/python3', ['-c', 'import dask.distributed']).status === 0;
if (!hasDask && process.env.CI !== 'true')
  console.warn('dask-kernel test skipped: /usr/bin/python3 has no dask.distributed (apt-get install python3-dask python3-distributed)');

const node = (id: string, type: string, params: Record<string, unknown>) => ({ id, type, params, position: [0, 0] as [number, number] });

/** Rows sorted by a text column: a shuffled node's rows come bucket by bucket. */
function sortedBy(table: Table, column: string): Table {
  const keys = Array.from(table.getChild(column)!, (v) => String(v));
  const order = Int32Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  return takeRows(table, order);
}

describe.runIf(hasDask || process.env.CI === 'true')('Dask driver over the node kernel', () => {
  it('filter → per-user features on 2 partitions and 2 workers = the memory engine', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'af-dask-'));
    const sample = new Engine(getNode, memoryFiles({}));
    const make: Workflow = {
      schema: WORKFLOW_SCHEMA,
      name: 'sample',
      nodes: [node('s', 'ingest.sample', { dataset: 'interactions', size: 3000, seed: 7 })],
      edges: [],
      notes: [],
    };
    await sample.run(make);
    const input = tableToIPC(sample.table('s')!, 'stream');
    writeFileSync(path.join(dir, 'in.arrow'), input);
    const flow: Workflow = {
      schema: WORKFLOW_SCHEMA,
      name: 'dask',
      nodes: [
        node('load', 'ingest.file', { path: 'in.arrow' }),
        node('f', 'clean.filter', { conditions: [{ column: 'hour', op: '>=', value: '8' }] }),
        // No time: days_since_last counts from the latest time of all rows, which a bucket alone does not know (not combined yet).
        node('agg', 'feature.aggregate', { by: 'user_id', time: '', type: 'type', distinct: ['post_id'] }),
      ],
      edges: [
        { from: 'load.out', to: 'f.in' },
        { from: 'f.out', to: 'agg.in' },
      ],
      notes: [],
    };
    writeFileSync(path.join(dir, 'flow.json'), JSON.stringify(flow));
    const run = spawnSync(
      '/usr/bin/python3',
      [
        'bin/audience_flow_dask.py',
        path.join(dir, 'flow.json'),
        path.join(dir, 'in.arrow'),
        path.join(dir, 'out.arrow'),
        '--partitions',
        '2',
        '--workers',
        '2',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr.split('\n').filter((l) => l.startsWith('audience_flow_dask:'))).toEqual([]);
    expect(run.status).toBe(0);
    const dask = tableFromIPC(readFileSync(path.join(dir, 'out.arrow')));
    const memory = new Engine(getNode, memoryFiles({ 'in.arrow': input }));
    expect((await memory.run(flow)).ok).toBe(true);
    const expected = memory.table('agg')!;
    expect(dask.numRows).toBe(expected.numRows);
    expect(dask.numRows).toBeGreaterThan(100);
    expect(tableDifference(sortedBy(dask, 'user_id'), sortedBy(expected, 'user_id'))).toBeNull();
  }, 600_000);
});
