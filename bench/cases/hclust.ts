/** One hierarchical clustering run in its own process: argv `ours` (src/core/hclust, Ward) | `ml-hclust` (agnes ward2), then rows. */
import { caseMain } from '../lib';
import { hclust } from '../../src/core/ml/hclust';
import { D, loadData } from './kmeans-data';

const which = process.argv[2] ?? 'ours';
const rows = Number(process.argv[3] ?? 10_000);
const data = loadData(rows, 6);

if (which === 'ours') {
  await caseMain(async () => {
    const Z = await hclust(data, rows, D, 'ward');
    return { top: Z[(rows - 2) * 4 + 2] };
  });
} else {
  // Imported only here: loading the ml-* packages makes V8 slower on unrelated typed-array code (measured: Ward 4.2 s → 5.5 s).
  const { agnes } = await import('ml-hclust');
  const points = Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * D, i * D + D)));
  await caseMain(() => {
    const tree = agnes(points, { method: 'ward2' });
    return { top: tree.height };
  });
}
