/**
 * Ingest + per-user features (feature.aggregate) of a seeded 5,000,000-row interactions CSV: the
 * memory engine, the DuckDB engine (the same flow through the nodes' SQL forms) and DuckDB's own
 * SQL for the same features (the reference). The file is written once into bench/out.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from '../src/core/contract/random';
import { OUT, row, runCase, type BenchRow } from './lib';

const ROWS = Number(process.env.AF_BENCH_DUCKDB_ROWS ?? 5_000_000);
const FILE = path.join(OUT, `interactions-${ROWS}.csv`);
const TYPES = ['comment', 'reaction', 'reaction', 'reaction', 'share'];

function generate(): void {
  if (existsSync(FILE)) return;
  mkdirSync(OUT, { recursive: true });
  const random = createRandom(20261202);
  const fd = openSync(`${FILE}.tmp`, 'w');
  const start = Date.UTC(2026, 0, 1);
  let chunk = 'interaction_id,user_id,post_id,type,timestamp\n';
  for (let r = 0; r < ROWS; r++) {
    const user = Math.floor(random() ** 2 * 250_000);
    const t = new Date(start + Math.floor(random() * 180 * 86400) * 1000).toISOString().slice(0, 19);
    chunk += `i${r},u${user},p${Math.floor(random() * 5000)},${TYPES[Math.floor(random() * TYPES.length)]},${t}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  renameSync(`${FILE}.tmp`, FILE);
}

export async function bench(): Promise<BenchRow[]> {
  generate();
  const task = `ingest + feature.aggregate, ${ROWS.toLocaleString('en-US')} interactions (CSV)`;
  const sql = runCase('bench/cases/duckdb-aggregate.ts', ['sql', FILE]);
  const duckdb = runCase('bench/cases/duckdb-aggregate.ts', ['duckdb', FILE]);
  const memory = runCase('bench/cases/duckdb-aggregate.ts', ['memory', FILE]);
  return [
    row(task, "DuckDB's own SQL", ROWS, sql),
    row(task, '--engine duckdb', ROWS, duckdb, sql, 'target ≤ 1.2× DuckDB SQL'),
    row(task, '--engine memory', ROWS, memory, sql),
  ];
}
