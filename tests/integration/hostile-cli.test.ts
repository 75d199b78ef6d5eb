/**
 * The command line against an Excel zip bomb, as a user runs it (a real process): it must stop with
 * exit code 1 and the plain message, quickly, without the gigabytes the bomb unpacks to.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxBomb } from '../fixtures/hostile/build';

const ROOT = path.resolve(__dirname, '../..');
/** Printed by the child as it exits: its peak resident memory (KB). */
const REPORT_PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('PEAK_RSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

describe('audience-flow CLI and hostile files', () => {
  for (const lie of [true, false]) {
    it(`an .xlsx bomb (${lie ? 'declaring 1 KB, inflating to 4 GiB' : 'declaring 1 GiB'}) fails the node with exit 1, the message, and under 600 MB of memory`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'af-hostile-'));
      writeFileSync(path.join(dir, 'bomb.xlsx'), xlsxBomb(lie ? 4096 : 1024, lie));
      const flow = path.join(dir, 'bomb.flow.json');
      writeFileSync(
        flow,
        JSON.stringify({
          schema: 'audience-flow/workflow@1',
          name: 'bomb',
          notes: [],
          nodes: [
            { id: 'load', type: 'ingest.file', params: { path: 'bomb.xlsx' } },
            { id: 'keep', type: 'clean.select' },
          ],
          edges: [{ from: 'load.out', to: 'keep.in' }],
        }),
      );
      const started = Date.now();
      const r = spawnSync(
        process.execPath,
        ['--import', REPORT_PEAK, path.join(ROOT, 'bin', 'audience-flow.mjs'), 'run', flow, '--out', path.join(dir, 'out')],
        {
          encoding: 'utf8',
          cwd: ROOT,
          timeout: 60_000,
        },
      );
      const seconds = (Date.now() - started) / 1000;
      expect(r.signal, r.stderr).toBeNull();
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(lie ? /This Excel file is damaged or built to crash programs/ : /would unpack to 1,024 MB of sheet data/);
      const summary = JSON.parse(r.stdout);
      expect(summary.ok).toBe(false);
      expect(summary.nodes.find((n: { id: string }) => n.id === 'load').status).toBe('error');
      const peak = Number(/PEAK_RSS_KB (\d+)/.exec(r.stderr)?.[1]);
      expect(peak, r.stderr).toBeGreaterThan(0);
      expect(peak / 1024).toBeLessThan(600);
      expect(seconds).toBeLessThan(30);
    }, 90_000);
  }
});
