/** Cancelling a command-line run: Ctrl+C (or an aborted signal) stops the flow cleanly and says so. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE = path.join(ROOT, 'templates', 'audience-segmentation.flow.json');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'af-cancel-'));
// Large enough that the later nodes are still to come when the first one reports.
const BIG = ['--set', 'sample.size=400000'];

describe('cancelling a CLI run', () => {
  it('an aborted signal stops the run after the first node: cancelled nodes printed, summary says so, exit 130', async () => {
    const stop = new AbortController();
    let stdout = '',
      stderr = '';
    const code = await main(
      ['run', TEMPLATE, '--out', tmp(), ...BIG],
      {
        stdout: (s) => {
          stdout += s;
        },
        stderr: (s) => {
          stderr += s;
          if (s.startsWith('✓ sample')) stop.abort();
        },
      },
      { signal: stop.signal },
    );
    expect(code).toBe(130);
    expect(stderr).toMatch(/^✓ sample/m);
    // Every node after the cut is reported as cancelled, none as failed.
    expect(stderr).toMatch(/^■ kmeans .*the run was cancelled/m);
    expect(stderr).not.toMatch(/^✗/m);
    expect(stderr).toContain('The run was cancelled as asked.');
    const summary = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(summary.ok).toBe(false);
    expect(summary.cancelled).toBe(true);
    const byId = Object.fromEntries(summary.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId.sample.status).toBeUndefined();
    expect(byId.personas.status).toBe('cancelled');
  }, 60_000);

  it('Ctrl+C (SIGINT) in a real process ends the run within seconds with exit 130 and a Vietnamese message when asked', async () => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'audience-flow.mjs'), 'run', TEMPLATE, '--out', tmp(), '--lang', 'vi', ...BIG],
      {
        cwd: ROOT,
      },
    );
    let stdout = '',
      stderr = '';
    let sentAt = 0;
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sentAt && /^✓ sample/m.test(stderr)) {
        sentAt = Date.now();
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(sentAt).toBeGreaterThan(0);
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    expect(code).toBe(130);
    expect(stderr).toContain('Đã huỷ lần chạy theo yêu cầu.');
    expect(JSON.parse(stdout.trim().split('\n').pop()!).cancelled).toBe(true);
  }, 60_000);
});
