/**
 * The command line when things go wrong: a failed side branch, a refused workflow file, an output
 * folder that cannot be used, files that must not be read (devices, pipes, huge files) and paths
 * outside the workflow's folder. Run as a user runs it (a real process); variants in-process for speed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { formatSize, parseSize } from '../../src/cli/node-files';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'audience-flow.mjs');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'af-cli-robust-'));

/** The real command, in `cwd`. */
function af(cwd: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', cwd, timeout: 60_000 });
  const summary = (() => {
    try {
      return JSON.parse(r.stdout);
    } catch {
      return undefined;
    }
  })();
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary };
}

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
  const summary = (() => {
    try {
      return JSON.parse(stdout);
    } catch {
      return undefined;
    }
  })();
  return { code, stdout, stderr, summary };
}

const flowFile = (dir: string, flow: object, name = 'flow.flow.json') => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ schema: 'audience-flow/workflow@1', name: 'test', edges: [], notes: [], ...flow }));
  return file;
};
const loadFlow = (dir: string, file: string, name?: string) =>
  flowFile(dir, { nodes: [{ id: 'load', type: 'ingest.file', params: { path: file } }] }, name);
const nodeOf = (summary: { nodes: { id: string }[] }, id: string) =>
  summary.nodes.find((n) => n.id === id) as { status?: string; message?: string; rows?: number };

describe('a failed side branch', () => {
  it('still writes every output that was computed, lists what is missing, and exits 1', () => {
    const dir = tmp();
    const flow = flowFile(dir, {
      nodes: [
        { id: 'sample', type: 'ingest.sample', params: { size: 1000 } },
        { id: 'kmeans', type: 'cluster.kmeans', params: { k: 2 } },
        { id: 'broken', type: 'clean.select', params: { columns: ['no_such_column'] } },
        { id: 'after', type: 'clean.select' },
      ],
      edges: [
        { from: 'sample.out', to: 'kmeans.in' },
        { from: 'sample.out', to: 'broken.in' },
        { from: 'broken.out', to: 'after.in' },
      ],
    });
    const out = path.join(dir, 'results');
    const r = af(dir, 'run', flow, '--out', out);
    expect(r.code, r.stderr).toBe(1);
    expect(r.summary.ok).toBe(false);
    expect(r.summary.outputs.sort()).toEqual(['kmeans.out.csv', 'kmeans.scores.json', 'kmeans.segments.csv'].map((f) => path.join(out, f)));
    for (const file of r.summary.outputs) expect(existsSync(file)).toBe(true);
    expect(readFileSync(path.join(out, 'kmeans.out.csv'), 'utf8').trim().split('\n')).toHaveLength(1001);
    expect(r.summary.notWritten).toEqual(['after.out']);
    expect(nodeOf(r.summary, 'broken')).toMatchObject({
      status: 'error',
      message: expect.stringContaining('"no_such_column" is not in the table'),
    });
    expect(nodeOf(r.summary, 'after')).toMatchObject({
      status: 'skipped',
      message: 'Not run: the step "Select columns" before it failed.',
    });
    expect(r.stderr).toContain(`Wrote 3 result(s) to ${out}; 1 result(s) are missing because their node failed or did not run.`);
  });
});

describe('a workflow file that is refused, and the output folder', () => {
  it('an invalid workflow file exits 1 with the reason (no usage text); wrong options still exit 2', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'bad.flow.json'), JSON.stringify({ schema: 'audience-flow/workflow@1', name: 3, nodes: [], edges: [] }));
    const r = af(dir, 'run', 'bad.flow.json', '--out', 'o');
    expect(r.code).toBe(1);
    expect(r.summary).toEqual({
      ok: false,
      error: expect.stringMatching(/^The workflow file "bad\.flow\.json" is refused: .*name/),
      nodes: [],
      outputs: [],
    });
    expect(r.stderr).toMatch(/^audience-flow: The workflow file "bad\.flow\.json" is refused/);
    expect(r.stderr).not.toMatch(/Usage:/);
    const usage = await cli('run', path.join(dir, 'bad.flow.json'), '--format', 'xls');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--format is csv, arrow, parquet or json, not "xls"\.[\s\S]*Usage:/);
  });

  it('a missing, non-JSON or non-file workflow exits 1 with a sentence, in English or Vietnamese', async () => {
    const dir = tmp();
    const missing = await cli('run', path.join(dir, 'missing.flow.json'));
    expect(missing.code).toBe(1);
    expect(missing.summary.error).toBe(
      `The workflow file "${path.join(dir, 'missing.flow.json')}" does not exist (looked for ${path.join(dir, 'missing.flow.json')}).`,
    );
    const vi = await cli('validate', path.join(dir, 'missing.flow.json'), '--lang', 'vi');
    expect(vi.code).toBe(1);
    expect(vi.stderr).toMatch(/Tệp quy trình ".*missing\.flow\.json" không tồn tại/);
    writeFileSync(path.join(dir, 'text.flow.json'), 'not json');
    const text = await cli('validate', path.join(dir, 'text.flow.json'));
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/is refused: This is not a workflow file: it is not valid JSON/);
    const folder = await cli('run', dir);
    expect(folder.code).toBe(1);
    expect(folder.summary.error).toBe(`The workflow file "${dir}" is a folder, not a file.`);
    const device = await cli('validate', '/dev/zero');
    expect(device.code).toBe(1);
    expect(device.stderr).toMatch(/The workflow file "\/dev\/zero" is not a regular file \(it is a device, a pipe or a socket\)/);
  });

  it('lists each validation issue once, in validate and in run', async () => {
    const dir = tmp();
    const flow = flowFile(dir, {
      nodes: [
        { id: 'x', type: 'no.such' },
        { id: 'x', type: 'no.such' },
        { id: 's', type: 'ingest.sample' },
      ],
    });
    const v = await cli('validate', flow);
    expect(v.code).toBe(1);
    const lines = v.stdout.trim().split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines).toEqual([
      'error [x]: Node "x" is of type "no.such", which this version of Audience Flow does not have.',
      'error [x]: Two nodes share the id "x"; each node needs its own.',
    ]);
    const r = await cli('run', flow, '--out', path.join(dir, 'o'));
    expect(r.code).toBe(1);
    expect(r.summary.issues).toHaveLength(2);
    const printed = r.stderr.trim().split('\n');
    expect(printed).toEqual(lines.map((l) => l.replace(/^error \[x\]: /, '✗ x: ')));
  });

  it('--out on an existing file or a place that cannot be written exits 1 with a sentence, not a stack trace', async () => {
    const dir = tmp();
    const flow = flowFile(dir, { nodes: [{ id: 'sample', type: 'ingest.sample', params: { size: 1000 } }] });
    writeFileSync(path.join(dir, 'taken'), 'a file');
    const file = af(dir, 'run', flow, '--out', 'taken');
    expect(file.code).toBe(1);
    expect(file.summary).toEqual({
      ok: false,
      error: 'Cannot write the results to "taken": it is a file, not a folder. Choose a folder with --out DIR.',
      nodes: [],
      outputs: [],
    });
    expect(file.stderr).not.toMatch(/\n\s+at /);
    const below = await cli('run', flow, '--out', path.join(dir, 'taken/sub'));
    expect(below.code).toBe(1);
    expect(below.summary.error).toBe(
      `Cannot write the results to "${path.join(dir, 'taken/sub')}": part of the path is a file, not a folder (choose a folder with --out DIR).`,
    );
    if (process.platform === 'linux') {
      // Node's own recursive mkdir never returns for /proc/x; the CLI must answer.
      const proc = await cli('run', flow, '--out', '/proc/audience-flow-test');
      expect(proc.code).toBe(1);
      expect(proc.summary.error).toMatch(/^Cannot write the results to "\/proc\/audience-flow-test": /);
      expect(proc.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('files are checked before they are read', () => {
  it('refuses /dev/zero, a pipe and a folder without reading them, naming the node', async () => {
    const dir = tmp();
    const zero = await cli('run', loadFlow(dir, '/dev/zero'), '--allow-any-path', '--out', path.join(dir, 'o'));
    expect(zero.code).toBe(1);
    expect(nodeOf(zero.summary, 'load')).toMatchObject({
      status: 'error',
      message:
        'The file "/dev/zero" is not a regular file (it is a device, a pipe or a socket), so it is not read. Give a file saved on disk.',
    });
    expect(zero.stderr).toMatch(/✗ load +ingest\.file +The file "\/dev\/zero" is not a regular file/);
    const fifo = path.join(dir, 'pipe.csv');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const r = await cli('run', loadFlow(dir, 'pipe.csv'), '--out', path.join(dir, 'o'));
      expect(r.code).toBe(1);
      expect(nodeOf(r.summary, 'load').message).toMatch(/^The file "pipe\.csv" is not a regular file/);
    }
    mkdirSync(path.join(dir, 'folder.csv'));
    const folder = await cli('run', loadFlow(dir, 'folder.csv'), '--out', path.join(dir, 'o'));
    expect(nodeOf(folder.summary, 'load').message).toBe('The file "folder.csv" is a folder, not a file.');
  });

  it('refuses a file over the size limit with its size and how to raise the limit', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'people.csv'), `name,age\n${'An,30\n'.repeat(2000)}`);
    const size = 9 + 6 * 2000;
    const flow = loadFlow(dir, 'people.csv');
    const r = await cli('run', flow, '--max-file-size', '10KB', '--out', path.join(dir, 'o'));
    expect(r.code).toBe(1);
    expect(nodeOf(r.summary, 'load').message).toBe(
      `The file "people.csv" is ${formatSize(size)}; the limit is 10 KB (set --max-file-size, e.g. --max-file-size 8GB, or AUDIENCE_FLOW_MAX_FILE_SIZE).`,
    );
    expect([formatSize(size), formatSize(5.7 * 1024 ** 3), formatSize(2 * 1024 ** 3), formatSize(900)]).toEqual([
      '12 KB',
      '5.7 GB',
      '2 GB',
      '900 bytes',
    ]);
    const vi = await cli('run', flow, '--max-file-size=10kb', '--lang', 'vi', '--out', path.join(dir, 'o'));
    expect(nodeOf(vi.summary, 'load').message).toMatch(/^Tệp "people\.csv" có dung lượng 12 KB; giới hạn là 10 KB/);
    const ok = await cli('run', flow, '--max-file-size', '1MB', '--out', path.join(dir, 'o'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(nodeOf(ok.summary, 'load').rows).toBe(2000);
    const bad = await cli('run', flow, '--max-file-size', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-file-size is a size such as 500MB or 8GB, not "lots".');
    expect([parseSize('2GB'), parseSize('1.5 mb'), parseSize('800k'), parseSize('123'), parseSize('0'), parseSize('-1')]).toEqual([
      2 * 1024 ** 3,
      1.5 * 1024 ** 2,
      800 * 1024,
      123,
      undefined,
      undefined,
    ]);
  });
});

describe('paths a workflow names', () => {
  /** dir/secret.csv beside dir/flows/flow.flow.json, which reads "../secret.csv". */
  function layout() {
    const dir = tmp();
    mkdirSync(path.join(dir, 'flows'));
    writeFileSync(path.join(dir, 'secret.csv'), 'secret\n42\n');
    writeFileSync(path.join(dir, 'flows', 'data.csv'), 'name\nAn\nBình\n');
    const flow = flowFile(path.join(dir, 'flows'), {
      nodes: [
        { id: 'steal', type: 'ingest.file', params: { path: '../secret.csv' } },
        { id: 'near', type: 'ingest.file', params: { path: 'data.csv' } },
      ],
    });
    return { dir, flow, flows: path.join(dir, 'flows') };
  }

  it("refuses a path outside the workflow's folder and the current folder, naming the node; the other nodes run", async () => {
    const { flow, flows } = layout();
    const r = af(flows, 'run', 'flow.flow.json', '--out', 'o');
    expect(r.code).toBe(1);
    expect(nodeOf(r.summary, 'steal')).toMatchObject({
      status: 'error',
      message: `The workflow names the file "../secret.csv", which is outside the workflow's folder (${flows}) and the current folder, so it is not read. Give the file with --input NODE_ID=FILE, move it beside the workflow, or add --allow-any-path if you trust this workflow.`,
    });
    expect(nodeOf(r.summary, 'near').rows).toBe(2);
    expect(r.stdout).not.toContain('42');
    expect(existsSync(path.join(flows, 'o', 'near.out.csv'))).toBe(true);
    expect(existsSync(path.join(flows, 'o', 'steal.out.csv'))).toBe(false);
    const etc = await cli('run', loadFlow(flows, '../../../../../../../../etc/hostname', 'etc.flow.json'), '--out', path.join(flows, 'o'));
    expect(nodeOf(etc.summary, 'load').message).toMatch(
      /^The workflow names the file "(\.\.\/)+etc\/hostname", which is outside the workflow's folder/,
    );
    expect(flow).toBe(path.join(flows, 'flow.flow.json'));
  });

  it('reads it with --allow-any-path, from --input, or when the current folder holds it', async () => {
    const { dir, flows } = layout();
    const any = await cli('run', path.join(flows, 'flow.flow.json'), '--allow-any-path', '--out', path.join(flows, 'o'));
    expect(any.code, any.stderr).toBe(0);
    expect(readFileSync(path.join(flows, 'o', 'steal.out.csv'), 'utf8')).toMatch(/^\uFEFF?secret\r?\n42/);
    const input = af(flows, 'run', 'flow.flow.json', '--input', 'steal=../secret.csv', '--out', 'o2');
    expect(input.code, input.stderr).toBe(0);
    // From the parent folder, the file is inside the current folder; "data.csv" is still the one beside the workflow.
    const parent = af(dir, 'run', path.join('flows', 'flow.flow.json'), '--out', 'o3');
    expect(parent.code, parent.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'o3', 'near.out.csv'), 'utf8')).toMatch(/^\uFEFF?name\r?\nAn\r?\nBình/);
  });
});
