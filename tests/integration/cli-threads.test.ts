/**
 * `--threads N` reaches the executor: the engine the CLI builds is given a pool of N − 1 helper
 * threads (capped by the machine's cores), and the default offers one per spare core. The engine is
 * the real one, only watched; the files it writes are compared in cli.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ sizes: [] as number[] }));

vi.mock('../../workers/engine', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../workers/engine')>();
  class WatchedEngine extends real.Engine {
    constructor(...args: ConstructorParameters<typeof real.Engine>) {
      super(...args);
      seen.sizes.push(args[2]?.helpers?.size ?? -1);
    }
  }
  return { ...real, Engine: WatchedEngine };
});

const { main } = await import('../../src/cli/main');

async function cli(...argv: string[]) {
  let stdout = '',
    stderr = '';
  const code = await main(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

describe('audience-flow --threads', () => {
  it('gives the engine N − 1 helper threads (at most one per spare core); the default one per spare core', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'af-cli-threads-'));
    const flow = path.join(dir, 'small.flow.json');
    writeFileSync(
      flow,
      JSON.stringify({
        schema: 'audience-flow/workflow@1',
        name: 'small',
        notes: [],
        nodes: [
          { id: 'sample', type: 'ingest.sample', params: { dataset: 'interactions', size: 1000 } },
          { id: 'kmeans', type: 'cluster.kmeans', params: { k: 2 } },
        ],
        edges: [{ from: 'sample.out', to: 'kmeans.in' }],
      }),
    );
    const cores = availableParallelism();
    for (const [extra, size] of [
      [['--threads', '1'], 0],
      [['--threads', '2'], Math.min(2, cores) - 1],
      [['--threads=64'], cores - 1],
      [[], cores - 1],
    ] as const) {
      seen.sizes.length = 0;
      const r = await cli('run', flow, '--out', path.join(dir, 'out'), ...extra);
      expect(r.code, r.stderr).toBe(0);
      expect(seen.sizes, extra.join(' ') || 'default').toEqual([size]);
    }
  });
});
