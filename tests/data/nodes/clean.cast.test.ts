import { readFileSync } from 'node:fs';
import { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/clean.cast';
import ingestFile from '../../../nodes/ingest.file';
import type { NodeDef } from '../../../src/core/contract/node';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData('fb_live_sellers_thailand/Live.csv');
const LIVE = 'fb_live_sellers_thailand/Live.csv';

describe.skipIf(!data.available)('clean.cast', () => {
  it('Live.csv: status_published (M/D/YYYY H:MM) becomes timestamps with none lost', async () => {
    const live = (await runNode(ingestFile as unknown as NodeDef, {}, { path: LIVE }, { files: { [LIVE]: readFileSync(data.path(LIVE)) } }))
      .outputs.out as Table;
    const { outputs, warnings } = await runNode(node, { in: live }, { columns: ['status_published'], to: 'date' });
    const col = (outputs.out as Table).getChild('status_published')!;
    expect(warnings).toEqual([]);
    expect(col.nullCount).toBe(0);
    expect(col.get(0)).toBe(Date.UTC(2018, 3, 22, 6, 0));
    expect(col.get(1)).toBe(Date.UTC(2018, 3, 21, 22, 45));
  });
});
