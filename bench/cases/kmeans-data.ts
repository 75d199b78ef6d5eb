/** Seeded Gaussian blobs for the k-means benchmark, written once to bench/out as raw Float64 (row-major). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT } from '../lib';
import { createRandom } from '../../src/core/contract/random';

export const N = 1_000_000,
  D = 16,
  K = 8;
export const fileFor = (std: number) => path.join(OUT, `kmeans_blobs_${N}x${D}_sd${std}.f64`);
export const FILE = fileFor(1);

/** Like scikit-learn's make_blobs: K centres uniform in [-10, 10]^D, standard deviation `std` (1: well separated; 6: overlapping). */
export function ensureData(std = 1): string {
  const file = fileFor(std);
  if (existsSync(file)) return file;
  mkdirSync(OUT, { recursive: true });
  const rnd = createRandom(20240601);
  const centers = Float64Array.from({ length: K * D }, () => -10 + 20 * rnd());
  const data = new Float64Array(N * D);
  for (let i = 0; i < N; i++) {
    const b = Math.floor(rnd() * K);
    for (let c = 0; c < D; c += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - rnd())),
        a = 2 * Math.PI * rnd();
      data[i * D + c] = centers[b * D + c] + std * r * Math.cos(a);
      if (c + 1 < D) data[i * D + c + 1] = centers[b * D + c + 1] + std * r * Math.sin(a);
    }
  }
  writeFileSync(file, new Uint8Array(data.buffer));
  return file;
}

export function loadData(rows = N, std = 1): Float64Array {
  const buf = readFileSync(ensureData(std));
  return new Float64Array(buf.buffer, buf.byteOffset, rows * D).slice();
}
