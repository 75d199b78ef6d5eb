/** A small synthetic table for the model nodes: a learnable yes/no outcome. */
import type { Table } from 'apache-arrow';
import { createRandom } from '../../src/core/contract/random';
import { boolVector, floatVector, tableOf } from '../../src/core/table/table';

/** `n` rows: `signal` decides `bought` (with noise), `noise` is unrelated, `customer_id` counts rows. */
export function shoppers(n: number, seed = 1): Table {
  const r = createRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const signal = new Float64Array(n),
    noise = new Float64Array(n),
    id = new Float64Array(n);
  const bought: boolean[] = [];
  for (let i = 0; i < n; i++) {
    signal[i] = gauss() * 10 + 50;
    noise[i] = gauss();
    id[i] = i + 1;
    bought.push((signal[i] - 50) / 10 + 0.4 * gauss() > 0.8);
  }
  return tableOf({ customer_id: floatVector(id), signal: floatVector(signal), noise: floatVector(noise), bought: boolVector(bought) });
}
