/**
 * trend.detect on the sample's interactions in its own process: argv `ours` | `write`, rows.
 * `ours` builds the table before the clock starts and times the node's run (times parsed, per
 * day, spikes, emerging words of every spike and the last 7 days); `write` saves the same rows
 * (timestamp, text) as CSV for the pandas reference.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import type { RunContext } from '../../src/core/contract/node';
import { createRandom } from '../../src/core/contract/random';
import { parseParams } from '../../src/core/contract/params';
import sample from '../../nodes/ingest.sample';
import trend from '../../nodes/trend.detect';
import { caseMain, OUT } from '../lib';

const [which, size] = [process.argv[2] ?? 'ours', Number(process.argv[3] ?? 1_000_000)];
const notes: string[] = [];
const ctx: RunContext = {
  progress: async () => {},
  signal: new AbortController().signal,
  random: createRandom(1),
  readFile: async () => new Uint8Array(),
  warn: (m) => notes.push(typeof m === 'string' ? m : m.en),
  info: (m) => notes.push(typeof m === 'string' ? m : m.en),
};
const params = (def: typeof sample | typeof trend, raw: Record<string, unknown>) => {
  const p = parseParams(def, raw);
  if (!p.ok) throw new Error('bad params');
  return p.params as never;
};
const table = (await sample.run({}, params(sample, { size, seed: 7 }), ctx)).out as Table;

if (which === 'write') {
  const file = path.join(OUT, `trend-${size}.csv`);
  if (!existsSync(file)) {
    mkdirSync(OUT, { recursive: true });
    const t = table.getChild('timestamp')!.toArray() as string[];
    const x = table.getChild('text')!.toArray() as (string | null)[];
    const lines = ['timestamp,text'];
    for (let i = 0; i < t.length; i++) lines.push(`${t[i]},${x[i] === null ? '' : `"${x[i]!.replace(/"/g, '""')}"`}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  process.stdout.write(`\n${JSON.stringify({ ms: 0, peakMB: 0, extra: { file } })}\n`);
} else {
  await caseMain(async () => {
    const out = await trend.run({ in: table }, params(trend, { time: 'timestamp', text: 'text', unit: 'day' }), ctx);
    return { spikes: (out.spikes as Table).numRows, top: String((out.terms as Table).getChild('term')!.get(0) ?? '') };
  });
}
