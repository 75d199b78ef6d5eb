/**
 * CSV ingest: ingest.file on a seeded 1,000,000-row CSV (10 float columns, 2 text columns, ~100 MB)
 * against pandas.read_csv (the reference) and papaparse with dynamicTyping.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from '../src/core/contract/random';
import { OUT, row, runCase, runPython, type BenchRow } from './lib';

const ROWS = 1_000_000;
const FILE = path.join(OUT, `ingest-${ROWS}x12.csv`);
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'sale', 'promo', 'video', 'photo', 'Hà Nội', 'Sài Gòn', 'live', 'story'];

/** Writes the CSV once (seeded, so every run reads the same bytes). */
function generate(): void {
  if (existsSync(FILE)) return;
  mkdirSync(OUT, { recursive: true });
  const random = createRandom(20240601);
  const fd = openSync(`${FILE}.tmp`, 'w');
  const cols = Array.from({ length: 10 }, (_, i) => `x${i}`);
  let chunk = `${cols.join(',')},user,tag\n`;
  for (let r = 0; r < ROWS; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 10; c++) {
      const v = (random() - 0.3) * 10 ** (c % 5);
      cells.push(c === 3 && random() < 0.01 ? '' : v.toFixed(c % 2 ? 3 : 5));
    }
    const w = WORDS[Math.floor(random() * WORDS.length)];
    cells.push(`u${Math.floor(random() * 1e6)}`, random() < 0.05 ? `"${w}, ${w}"` : w);
    chunk += `${cells.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  renameSync(`${FILE}.tmp`, FILE);
}

const PANDAS = `
import sys, time, pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
_RESULT = {"ms": (time.perf_counter() - t) * 1000, "extra": {"rows": len(df), "cols": df.shape[1]}}
`;

export async function bench(): Promise<BenchRow[]> {
  generate();
  const task = 'CSV ingest 1M × 12 (~100 MB)';
  const pandas = runPython(PANDAS, [FILE]);
  const ours = runCase('bench/cases/ingest-csv.ts', ['ours', FILE]);
  const papa = runCase('bench/cases/ingest-csv.ts', ['papaparse', FILE]);
  return [
    row(task, 'pandas.read_csv', ROWS, pandas),
    row(task, 'ingest.file', ROWS, ours, pandas, 'target ≤ 2× pandas'),
    row(task, 'papaparse (dynamicTyping)', ROWS, papa, pandas),
  ];
}
