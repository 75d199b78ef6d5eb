import { readFileSync } from 'node:fs';
import { Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/feature.keywords';
import ingest from '../../../nodes/ingest.file';
import type { NodeDef } from '../../../src/core/contract/node';
import { runNode } from '../../helpers/run-node';
import { rows } from '../../helpers/tables';
import { sharedData } from '../../helpers/shared-data';

const def = node as unknown as NodeDef;
const data = sharedData('instagram_post_metrics/Instagram data.csv');

function toy(): Table {
  return new Table({
    id: vectorFromArray([1, 2, 3, 4], new Int32()),
    segment: vectorFromArray([0, 0, 1, 1], new Int32()),
    text: vectorFromArray(
      [
        'Giao hàng nhanh quá',
        'Giao hàng chậm #FreeShip',
        'Great coffee, great price! @coffee_vn',
        'Coffee price 2024 😍 a https://shop.vn/x',
      ],
      new Utf8(),
    ),
  });
}

const run = async (params: Record<string, unknown>, table = toy()) => {
  const r = await runNode(def, { in: table }, params);
  return { out: r.outputs.out as Table, terms: r.outputs.terms as Table, warnings: r.warnings, progress: r.progress };
};

describe.skipIf(!data.available)('feature.keywords', () => {
  it('finds the real hashtags and words of Instagram captions', async () => {
    const rel = 'instagram_post_metrics/Instagram data.csv';
    const loaded = await runNode(ingest as unknown as NodeDef, {}, { path: rel }, { files: { [rel]: readFileSync(data.path(rel)) } });
    const table = loaded.outputs.out as Table;
    const tags = await run({ column: 'Hashtags' }, table);
    const first = String(tags.out.getChild('hashtags')!.get(0)).split(' ');
    expect(first).toContain('#datascience');
    expect(first).toContain('#thecleverprogrammer');
    expect((tags.out.getChild('n_hashtags')!.toArray() as Float64Array)[0]).toBe(first.length);
    const captions = await run({ column: 'Caption', top: 10 }, table);
    const top = rows(captions.terms).map((r) => r.term);
    expect(top.slice(0, 20)).toContain('data');
    expect(top).not.toContain('the');
    expect(captions.out.getChild('keywords')!.get(0)).toMatch(/data/);
  });
});
