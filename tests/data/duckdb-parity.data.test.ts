/** The DuckDB engine = the memory engine on a real file: Facebook Live sellers (Thailand), 7,050 posts. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFiles } from '../../src/cli/node-files';
import { WORKFLOW_SCHEMA, type Workflow } from '../../src/core/flow/workflow';
import { runBothWays } from '../helpers/parity';
import { sharedData } from '../helpers/shared-data';

const data = sharedData('fb_live_sellers_thailand/Live.csv');

const node = (id: string, type: string, params: Record<string, unknown>) => ({ id, type, params, position: [0, 0] as [number, number] });

describe.skipIf(!data.available)('DuckDB engine on fb_live_sellers_thailand/Live.csv', () => {
  it('load → filter → dedupe → select give the same tables', async () => {
    const file = data.path('fb_live_sellers_thailand', 'Live.csv');
    const flow: Workflow = {
      schema: WORKFLOW_SCHEMA,
      name: 'live',
      nodes: [
        node('load', 'ingest.file', { path: file }),
        node('filter', 'clean.filter', {
          match: 'all',
          conditions: [
            { column: 'num_reactions', op: '>', value: '100' },
            { column: 'status_type', op: 'in', value: 'video, photo' },
          ],
        }),
        node('dedupe', 'clean.dedupe', { columns: ['status_id'] }),
        node('select', 'clean.select', {
          columns: ['status_id', 'status_type', 'num_reactions', 'num_comments'],
          rename: { num_reactions: 'reactions' },
        }),
      ],
      edges: [
        { from: 'load.out', to: 'filter.in' },
        { from: 'filter.out', to: 'dedupe.in' },
        { from: 'dedupe.out', to: 'select.in' },
      ],
      notes: [],
    };
    const parity = await runBothWays(flow, diskFiles(path.dirname(file)));
    expect(parity.memory.ok).toBe(true);
    expect(parity.sqlNodes).toEqual(['load', 'filter', 'dedupe', 'select']);
    expect(parity.compared).toEqual(['load.out', 'filter.out', 'dedupe.out', 'select.out']);
    expect(parity.differences).toEqual([]);
    expect(parity.memory.nodes.find((n) => n.id === 'select')!.rows).toBeGreaterThan(1000);
  }, 120_000);
});
