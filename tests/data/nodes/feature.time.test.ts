import { readFileSync } from 'node:fs';
import { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.time';
import ingestFile from '../../../nodes/ingest.file';
import type { NodeDef } from '../../../src/core/contract/node';
import { toFloat64 } from '../../../src/core/table/table';
import { runNode } from '../../helpers/run-node';
import { sharedData } from '../../helpers/shared-data';

const data = sharedData('fb_live_sellers_thailand/Live.csv');
const LIVE = 'fb_live_sellers_thailand/Live.csv';
const col = (t: Table, name: string) => Array.from(toFloat64(t.getChild(name)!));

describe.skipIf(!data.available)('feature.time', () => {
  it('Live.csv: hours and weekdays of status_published', async () => {
    const live = (await runNode(ingestFile as unknown as NodeDef, {}, { path: LIVE }, { files: { [LIVE]: readFileSync(data.path(LIVE)) } }))
      .outputs.out as Table;
    const { outputs, warnings } = await runNode(node, { in: live }, { column: 'status_published' });
    const out = outputs.out as Table;
    expect(warnings).toEqual([]);
    expect(col(out, 'status_published_hour').slice(0, 2)).toEqual([6, 22]);
    expect(col(out, 'status_published_weekday').slice(0, 2)).toEqual([7, 6]);
    expect(Math.min(...col(out, 'status_published_recency_days'))).toBe(0);
  });
});
