import { readFileSync } from 'node:fs';
import { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/clean.dedupe';
import ingestFile from '../../../nodes/ingest.file';
import type { NodeDef } from '../../../src/core/contract/node';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip } from '../../helpers/tables';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData('fb_live_sellers_thailand/Live.csv');
const LIVE = 'fb_live_sellers_thailand/Live.csv';

describe.skipIf(!data.available)('clean.dedupe', () => {
  it('Live.csv: 53 repeated status_id, 6,997 rows remain', async () => {
    const ingested = await runNode(
      ingestFile as unknown as NodeDef,
      {},
      { path: LIVE },
      { files: { [LIVE]: readFileSync(data.path(LIVE)) } },
    );
    const live = ingested.outputs.out as Table;
    expect(live.numRows).toBe(7050);
    const { outputs, warnings } = await runNode(node, { in: live }, { columns: ['status_id'] });
    const out = outputs.out as Table;
    expect(out.numRows).toBe(6997);
    expect(warnings[0]).toBe('Removed 53 duplicate rows (same "status_id"); 6997 of 7050 rows remain.');
    expect(new Set(out.getChild('status_id')!.toArray() as string[]).size).toBe(6997);
    expect(out.numCols).toBe(live.numCols);
    expectIpcRoundTrip(out);
  });
});
