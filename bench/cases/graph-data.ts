/**
 * A seeded interaction graph for the network benchmarks: `n` people in planted communities of 100,
 * `m` directed links (duplicates allowed, as in real exports); sources and targets drawn with a
 * heavy-tailed activity (a few hubs), 80% of links inside the source's community. Written once
 * to bench/out as Int32 pairs, read by our cases and by the Python references alike.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from '../../src/core/contract/random';
import { OUT } from '../lib';

export function graphFile(n: number, m: number): string {
  const file = path.join(OUT, `graph-${n}-${m}.bin`);
  if (existsSync(file)) return file;
  mkdirSync(OUT, { recursive: true });
  const rng = createRandom(20261202 + n + m);
  const size = 100;
  // Heavy-tailed pick in [0, k): rank^-0.8-like via a power of a uniform.
  const pick = (k: number) => Math.min(k - 1, Math.floor(k * rng() ** 2.5));
  const pairs = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const s = pick(n);
    let t: number;
    if (rng() < 0.8) {
      const c = Math.floor(s / size) * size;
      t = c + pick(Math.min(size, n - c));
    } else t = pick(n);
    if (t === s) t = (t + 1) % n;
    // Scatter ids so hubs are not all low numbers.
    pairs[2 * e] = (s * 7919) % n;
    pairs[2 * e + 1] = (t * 7919) % n;
  }
  writeFileSync(file, Buffer.from(pairs.buffer));
  return file;
}

export function loadGraph(file: string): Int32Array {
  const b = readFileSync(file);
  return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}
