/**
 * One k-means run in its own process: argv `ours` (src/core/kmeans on the flat matrix, one thread)
 * | `threads` (the same with one helper thread per spare core, started before the timed part, as
 *   the engine starts it while upstream nodes run) | `start` (starting that helper, timed alone)
 * | `node` (the cluster.kmeans node on an Arrow table, with helpers as the CLI has them; the
 *   time of each part is read from its progress messages) | `node-silhouette` (the same with
 *   `silhouette: true`)
 * | `ml-kmeans`, then rows, then the blobs' standard deviation.
 */
import { tableFromArrays, type Table } from 'apache-arrow';
import { caseMain } from '../lib';
import { kmeans } from '../../src/core/ml/kmeans/fit';
import { createRandom, seedFrom } from '../../src/core/contract/random';
import node from '../../nodes/cluster.kmeans';
import { D, K, N, loadData } from './kmeans-data';
import type { RunContext } from '../../src/core/contract/node';
import type { Text } from '../../src/core/contract/i18n';
import { nodeHelpers } from '../../workers/node-helpers';

const which = process.argv[2] ?? 'ours';
const rows = Number(process.argv[3] ?? N);
const std = Number(process.argv[4] ?? 1);
const data = loadData(rows, std);

const inertiaOf = (labels: ArrayLike<number>) => {
  const sums = new Float64Array(K * D),
    counts = new Float64Array(K);
  for (let i = 0; i < rows; i++) {
    counts[labels[i]]++;
    for (let c = 0; c < D; c++) sums[labels[i] * D + c] += data[i * D + c];
  }
  let s = 0;
  for (let i = 0; i < rows; i++) for (let c = 0; c < D; c++) s += (data[i * D + c] - sums[labels[i] * D + c] / counts[labels[i]]) ** 2;
  return s;
};

if (which === 'ours') {
  await caseMain(async () => {
    const fit = await kmeans(data, rows, D, { k: K, random: createRandom(seedFrom(42)) });
    return { inertia: fit.inertia, iterations: fit.iterations };
  });
} else if (which === 'threads') {
  // As in the CLI and the editor, the helper was started while the data was loading.
  const helpers = nodeHelpers();
  await helpers.acquire(helpers.size).then((lease) => lease.release());
  await caseMain(async () => {
    const fit = await kmeans(data, rows, D, { k: K, random: createRandom(seedFrom(42)), helpers });
    helpers.terminate();
    return { inertia: fit.inertia, iterations: fit.iterations, threads: 1 + helpers.size };
  });
} else if (which === 'start') {
  await caseMain(async () => {
    const helpers = nodeHelpers();
    await helpers.acquire(helpers.size).then((lease) => lease.release());
    helpers.terminate();
    return { threads: helpers.size };
  });
} else if (which === 'node' || which === 'node-silhouette') {
  const helpers = nodeHelpers();
  await helpers.acquire(helpers.size).then((lease) => lease.release());
  const cols: Record<string, Float64Array> = {};
  for (let c = 0; c < D; c++) {
    const col = new Float64Array(rows);
    for (let i = 0; i < rows; i++) col[i] = data[i * D + c];
    cols[`x${c}`] = col;
  }
  const table = tableFromArrays(cols);
  // Where the time goes, from the node's progress messages: reading the columns into a matrix,
  // seeding (with opening the shards), Lloyd, silhouette, then the fit's last passes (sums,
  // inertia, labels) with the segment column and segments table.
  const parts: Record<string, number> = {};
  let start = 0,
    last = 0,
    phase = 'columns → matrix';
  const progress = async (_f: number, message?: Text) => {
    const now = performance.now();
    const m = message?.en ?? '';
    const next = /columns read/.test(m)
      ? 'seeding'
      : /silhouette/.test(m)
        ? 'silhouette'
        : /iteration/.test(m)
          ? 'Lloyd'
          : /centres/.test(m)
            ? 'seeding'
            : 'after fit';
    if (next !== phase) {
      parts[phase] = (parts[phase] ?? 0) + now - last;
      last = now;
      phase = next;
    }
  };
  const ctx: RunContext = {
    signal: new AbortController().signal,
    random: createRandom(1),
    readFile: async () => new Uint8Array(),
    warn: () => {},
    progress,
    helpers,
  };
  await caseMain(async () => {
    start = last = performance.now();
    const out = await node.run({ in: table }, node.params.parse({ k: K, silhouette: which === 'node-silhouette' }), ctx);
    const end = performance.now();
    parts[phase] = (parts[phase] ?? 0) + end - last;
    parts['last passes + segment + tables'] = parts['after fit'] ?? 0;
    delete parts['after fit'];
    const seg = out.segments as Table;
    let inertia = 0;
    for (const v of seg.getChild('inertia')!.toArray() as Float64Array) inertia += v;
    helpers.terminate();
    return { inertia, parts, total: end - start };
  });
} else {
  // Imported only here: loading the ml-* packages makes V8 slower on unrelated typed-array code (measured: Ward 4.2 s → 5.5 s).
  const { kmeans: mlKmeans } = await import('ml-kmeans');
  const points = Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * D, i * D + D)));
  await caseMain(() => {
    const r = mlKmeans(points, K, { seed: 42, initialization: 'kmeans++' });
    return { inertia: inertiaOf(r.clusters), iterations: r.iterations };
  });
}
