/** One k-means run in its own process: argv `ours` (src/core/kmeans on the flat matrix) | `node` (the cluster.kmeans node on an Arrow table) | `ml-kmeans`, then rows, then the blobs' standard deviation. */
import { tableFromArrays, type Table } from 'apache-arrow';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { caseMain } from '../lib';
import { kmeans } from '../../src/core/kmeans';
import { createRandom, seedFrom } from '../../src/core/random';
import node from '../../nodes/cluster.kmeans';
import { D, K, N, loadData } from './kmeans-data';
import type { RunContext } from '../../src/core/node';

const which = process.argv[2] ?? 'ours';
const rows = Number(process.argv[3] ?? N);
const std = Number(process.argv[4] ?? 1);
const data = loadData(rows, std);

const inertiaOf = (labels: ArrayLike<number>) => {
  const sums = new Float64Array(K * D), counts = new Float64Array(K);
  for (let i = 0; i < rows; i++) { counts[labels[i]]++; for (let c = 0; c < D; c++) sums[labels[i] * D + c] += data[i * D + c]; }
  let s = 0;
  for (let i = 0; i < rows; i++) for (let c = 0; c < D; c++) s += (data[i * D + c] - sums[labels[i] * D + c] / counts[labels[i]]) ** 2;
  return s;
};

if (which === 'ours') {
  await caseMain(async () => {
    const fit = await kmeans(data, rows, D, { k: K, random: createRandom(seedFrom(42)) });
    return { inertia: fit.inertia, iterations: fit.iterations };
  });
} else if (which === 'node') {
  const cols: Record<string, Float64Array> = {};
  for (let c = 0; c < D; c++) { const col = new Float64Array(rows); for (let i = 0; i < rows; i++) col[i] = data[i * D + c]; cols[`x${c}`] = col; }
  const table = tableFromArrays(cols);
  const ctx: RunContext = { signal: new AbortController().signal, random: createRandom(1), readFile: async () => new Uint8Array(), warn: () => {}, progress: async () => {} };
  await caseMain(async () => {
    const out = await node.run({ in: table }, node.params.parse({ k: K }), ctx);
    const seg = out.segments as Table;
    let inertia = 0;
    for (const v of seg.getChild('inertia')!.toArray() as Float64Array) inertia += v;
    return { inertia };
  });
} else {
  const points = Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * D, i * D + D)));
  await caseMain(() => {
    const r = mlKmeans(points, K, { seed: 42, initialization: 'kmeans++' });
    return { inertia: inertiaOf(r.clusters), iterations: r.iterations };
  });
}
