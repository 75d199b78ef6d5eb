/**
 * A seeded yes/no table for the prediction benchmark, written once to bench/out: N × D raw
 * Float64 features (row-major; some skewed, some noise, a few missing) and a Uint8 target drawn
 * from a logistic model with one interaction, so that trees have something linear models miss.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT } from '../lib';
import { createRandom } from '../../src/core/contract/random';

export const N = Number(process.env.BENCH_MODEL_ROWS ?? 1_000_000),
  D = 30;
const base = () => path.join(OUT, `model_${N}x${D}`);

export function ensureModelData(): { x: string; y: string } {
  const files = { x: `${base()}.f64`, y: `${base()}.u8` };
  if (existsSync(files.x) && existsSync(files.y)) return files;
  mkdirSync(OUT, { recursive: true });
  const rnd = createRandom(20261202);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const weights = Float64Array.from({ length: D }, (_, j) => (j < 10 ? (j % 2 ? -1 : 1) * (0.3 + 0.1 * j) : 0));
  const x = new Float64Array(N * D),
    y = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    let z = -1;
    for (let j = 0; j < D; j++) {
      // Columns 0–9 carry signal, 10–19 are skewed counts, 20–29 noise; 1% of cells missing.
      const v = j >= 10 && j < 20 ? Math.floor(Math.exp(1.5 * gauss())) : gauss();
      x[i * D + j] = v;
      z += weights[j] * v;
    }
    z += 0.8 * x[i * D] * x[i * D + 1];
    y[i] = rnd() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    for (let j = 10; j < D; j++) if (rnd() < 0.01) x[i * D + j] = NaN;
  }
  writeFileSync(files.x, new Uint8Array(x.buffer));
  writeFileSync(files.y, y);
  return files;
}

export function loadModelData(): { x: Float64Array; y: Uint8Array } {
  const files = ensureModelData();
  const xb = readFileSync(files.x),
    yb = readFileSync(files.y);
  return { x: new Float64Array(xb.buffer, xb.byteOffset, N * D).slice(), y: new Uint8Array(yb.buffer, yb.byteOffset, N).slice() };
}
