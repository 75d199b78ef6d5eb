/** The `audience-flow` command line, run as a user runs it (a real process) and in-process for speed. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE = path.join(ROOT, 'templates', 'audience-segmentation.flow.json');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'af-cli-'));

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

const flowFile = (dir: string, flow: object) => {
  const file = path.join(dir, 'flow.flow.json');
  writeFileSync(file, JSON.stringify({ schema: 'audience-flow/workflow@1', name: 'test', edges: [], notes: [], ...flow }));
  return file;
};

describe('audience-flow CLI', () => {
  it('runs the segmentation template from a real process: JSON summary on stdout, files written, exit 0', () => {
    const out = tmp();
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'audience-flow.mjs'), 'run', TEMPLATE, '--out', out, '--set', 'sample.size=5000'],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.ok).toBe(true);
    const kmeans = summary.nodes.find((n: { id: string }) => n.id === 'kmeans');
    expect(kmeans).toMatchObject({ type: 'cluster.kmeans', cached: false });
    expect(kmeans.ms).toBeGreaterThan(0);
    expect(kmeans.rows).toBeGreaterThan(100);
    for (const n of summary.nodes) expect(Object.keys(n).sort()).toEqual(['cached', 'id', 'ms', 'rows', 'type']);
    expect(summary.outputs.length).toBeGreaterThan(0);
    for (const file of summary.outputs) expect(existsSync(file)).toBe(true);
    expect(r.stderr).toMatch(/✓ kmeans/);
    const segments = readFileSync(path.join(out, 'segments.out.csv'), 'utf8').split('\n');
    expect(segments[0]).toMatch(/segment/);
  });

  it('writes Arrow files with --format arrow', async () => {
    const out = tmp();
    const r = await cli('run', TEMPLATE, '--out', out, '--format', 'arrow', '--set', 'sample.size=2000', '--set', 'kmeans.k=3');
    expect(r.code, r.stderr).toBe(0);
    const table = tableFromIPC(readFileSync(path.join(out, 'segments.out.arrow')));
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toContain('segment');
  });

  it('writes Parquet files with --format parquet that read back as the same table', async () => {
    const out = tmp();
    const r = await cli('run', TEMPLATE, '--out', out, '--format', 'parquet', '--set', 'sample.size=2000', '--set', 'kmeans.k=3');
    expect(r.code, r.stderr).toBe(0);
    const outputs: string[] = JSON.parse(r.stdout).outputs;
    expect(outputs).toContain(path.join(out, 'segments.out.parquet'));
    const bytes = readFileSync(path.join(out, 'segments.out.parquet'));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
    const { readParquet } = await import('../../src/core/io/parquet');
    const table = await readParquet(new Uint8Array(bytes));
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toContain('segment');
    const arrowOut = tmp();
    await cli('run', TEMPLATE, '--out', arrowOut, '--format', 'arrow', '--set', 'sample.size=2000', '--set', 'kmeans.k=3');
    const arrow = tableFromIPC(readFileSync(path.join(arrowOut, 'segments.out.arrow')));
    expect(table.toArray().map((row) => row.toJSON())).toEqual(arrow.toArray().map((row) => row.toJSON()));
  });

  it('validate says "cycle" for a cyclic flow and exits 1', async () => {
    const dir = tmp();
    const file = flowFile(dir, {
      nodes: [
        { id: 'a', type: 'clean.select' },
        { id: 'b', type: 'clean.select' },
      ],
      edges: [
        { from: 'a.out', to: 'b.in' },
        { from: 'b.out', to: 'a.in' },
      ],
    });
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cycle: a → b → a/);
    const run = await cli('run', file, '--out', dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).ok).toBe(false);
  });

  it('validate accepts the shipped template', async () => {
    const r = await cli('validate', TEMPLATE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK: "Audience segmentation" has \d+ nodes/);
  });

  it('a broken CSV fails its node with a message naming the node, exit 1', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'broken.csv'), 'user,likes\nan,3\nbinh,"5\n');
    const file = flowFile(dir, {
      nodes: [
        { id: 'comments', type: 'ingest.file', params: { path: 'broken.csv' } },
        { id: 'keep', type: 'clean.select' },
      ],
      edges: [{ from: 'comments.out', to: 'keep.in' }],
    });
    const r = await cli('run', file, '--out', dir);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.ok).toBe(false);
    const failed = summary.nodes.find((n: { id: string }) => n.id === 'comments');
    expect(failed.status).toBe('error');
    expect(failed.message).toMatch(/quote/i);
    expect(summary.nodes.find((n: { id: string }) => n.id === 'keep').status).toBe('skipped');
    expect(r.stderr).toMatch(/✗ comments/);
  });

  it('--input replaces the file of an ingest.file node, --set overrides a parameter', async () => {
    const dir = tmp();
    const csv = path.join(dir, 'people.csv');
    writeFileSync(csv, 'name,age\nAn,30\nBình,41\n');
    const file = flowFile(dir, {
      nodes: [
        { id: 'load', type: 'ingest.file', params: { path: 'elsewhere.csv' } },
        { id: 'keep', type: 'clean.select', params: { columns: ['name', 'age'] } },
      ],
      edges: [{ from: 'load.out', to: 'keep.in' }],
    });
    const r = await cli('run', file, '--input', `load=${csv}`, '--set', 'keep.columns=["age"]', '--out', dir, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'keep.out.json'), 'utf8'))).toEqual([{ age: 30 }, { age: 41 }]);
  });

  it('usage errors exit 2 with the usage text', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('fly')).code).toBe(2);
    expect((await cli('run')).code).toBe(2);
    expect((await cli('run', TEMPLATE, '--format', 'xls')).code).toBe(2);
    const threads = await cli('run', TEMPLATE, '--threads', '0');
    expect(threads.code).toBe(2);
    expect(threads.stderr).toMatch(/--threads is a whole number from 1 to 64/);
    expect((await cli('run', TEMPLATE, '--set', 'nosuchnode.k=3')).stderr).toMatch(/no such node/);
    // A workflow file that cannot be read is not a usage error: exit 1 with the reason (cli-robust.test.ts).
    expect((await cli('run', path.join(tmp(), 'missing.flow.json'))).code).toBe(1);
  });

  it('--threads 1 and the default write identical files (a small k-means; cli-threads.test.ts checks the threads reach the engine)', async () => {
    // That the fit is bit-identical with 0, 1 or 2 helper threads on large inputs is proven in
    // tests/unit/core/kmeans.test.ts; here the flag goes through the command line and changes nothing in the files.
    const dir = tmp();
    const flow = flowFile(dir, {
      schema: 'audience-flow/workflow@2',
      nodes: [
        { id: 'big', type: 'ingest.sample', params: { dataset: 'interactions', size: 3000, seed: 3 }, position: [0, 0] },
        { id: 'time', type: 'feature.time', params: { column: 'timestamp' }, position: [200, 0] },
        { id: 'kmeans', type: 'cluster.kmeans', params: { k: 5 }, position: [400, 0] },
      ],
      edges: [
        { from: 'big.out', to: 'time.in' },
        { from: 'time.out', to: 'kmeans.in' },
      ],
    });
    const run = async (...extra: string[]) => {
      const out = path.join(dir, extra.length ? 'one' : 'all');
      const r = await cli('run', flow, '--out', out, ...extra);
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(path.join(out, 'kmeans.segments.csv'), 'utf8') + readFileSync(path.join(out, 'kmeans.out.csv'), 'utf8');
    };
    const all = await run(),
      alone = await run('--threads', '1');
    expect(all.split('\n').length).toBeGreaterThan(3000);
    expect(all === alone).toBe(true);
    for (const bad of ['0', '65', '1.5', 'many']) {
      const r = await cli('run', flow, '--threads', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`--threads is a whole number from 1 to 64, not "${bad}".`);
    }
  });

  it('nodes lists every node type with ports and parameters, in English or Vietnamese', async () => {
    const text = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'audience-flow.mjs'), 'nodes'], { encoding: 'utf8' });
    expect(text).toMatch(/cluster\.kmeans/);
    expect(text).toMatch(/k = 4/);
    const listed = await cli('nodes', '--json', '--lang', 'vi');
    expect(listed.code).toBe(0);
    const vi = JSON.parse(listed.stdout);
    const select = vi.find((n: { type: string }) => n.type === 'clean.select');
    expect(select.title).toBe('Chọn cột');
    expect(select.inputs).toEqual([{ name: 'in', kind: 'table', optional: false }]);
  });
});

describe('audience-flow --param (template fill-in inputs)', () => {
  const FAN = path.join(ROOT, 'templates', 'fan-segments.flow.json');

  it('sets a template input by its id: the number of segments reaches cluster.kmeans', async () => {
    const out = tmp();
    const r = await cli('run', FAN, '--param', 'segments=3', '--param=size=3000', '--out', out, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'sizes.out.json'), 'utf8'))).toHaveLength(3);
    expect(JSON.parse(r.stdout).nodes.find((n: { id: string }) => n.id === 'profile').rows).toBe(3000);
  });

  it('validate lists the inputs; an unknown input id is a usage error naming the known ones', async () => {
    const v = await cli('validate', FAN);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/--param segments=… {3}Number of fan segments \(integer, sets segments\.k\)/);
    const r = await cli('run', FAN, '--param', 'colour=red', '--out', tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input "colour" \(it has: segments, size\)/);
    const bad = await cli('run', FAN, '--param', 'segments');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--param takes INPUT_ID=VALUE/);
  });
});
