/**
 * `npm run bench`: every benchmark in this folder, each against references measured in the same
 * run, printed as one table. `npm run bench -- kmeans` runs only the ones whose name matches.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable, ROOT, type BenchRow } from './lib';

const filter = process.argv[2];
const dir = path.join(ROOT, 'bench');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const all: BenchRow[] = [];
console.log(
  `Audience Flow benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
for (const file of files) {
  console.error(`running ${file} …`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { bench: () => Promise<BenchRow[]> };
  const rows = await mod.bench();
  all.push(...rows);
  printTable(rows);
  console.log('');
}
console.log('All results:');
printTable(all);
