/**
 * Benchmark plumbing. Every measurement runs in its own process (ours with `node --import tsx`,
 * references with Debian's /usr/bin/python3), so peak memory (max RSS) is that of the task alone.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export interface BenchRow {
  /** What is measured, e.g. "CSV ingest 1M × 12". */
  task: string;
  /** Whose implementation, e.g. "ingest.file" or "pandas.read_csv". */
  impl: string;
  rows: number;
  ms: number | null;
  peakMB: number | null;
  /** ms divided by the reference's ms, measured in the same run (null for the reference itself). */
  ratio: number | null;
  note?: string;
  /** A measurement without a reference (printed "—" in the ratio column, not "ref"). */
  alone?: boolean;
}

export interface Measure {
  ms: number;
  peakMB: number;
  extra?: Record<string, unknown>;
}
export type Outcome = { ok: true; m: Measure } | { ok: false; reason: string };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.join(ROOT, 'bench', 'out');

/** Inside a case process: times `fn` and prints one JSON line with ms and peak RSS. */
export async function caseMain(fn: () => Promise<Record<string, unknown> | void> | Record<string, unknown> | void): Promise<void> {
  const start = performance.now();
  const extra = (await fn()) ?? {};
  const ms = performance.now() - start;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\n${JSON.stringify({ ms, peakMB, extra })}\n`);
}

function lastJson(stdout: string): Measure | null {
  const line = stdout.trim().split('\n').pop();
  try {
    return line ? (JSON.parse(line) as Measure) : null;
  } catch {
    return null;
  }
}

/** Runs a TypeScript case file (which calls caseMain) in a fresh Node process. */
export function runCase(file: string, args: string[] = [], env: Record<string, string> = {}): Outcome {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', path.resolve(ROOT, file), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  const m = r.status === 0 ? lastJson(r.stdout) : null;
  return m ? { ok: true, m } : { ok: false, reason: (r.stderr || r.stdout || 'no output').trim().split('\n').slice(-3).join(' ') };
}

/**
 * Runs a Python reference with /usr/bin/python3. The script must print one JSON line
 * `{"ms": …}`; peak memory is read with `resource` after it. Absent modules are reported plainly.
 */
export function runPython(script: string, args: string[] = [], env: Record<string, string> = {}): Outcome {
  const wrapped = `${script}\nimport resource as _r, json as _j\n_m = _j.loads(_RESULT) if isinstance(_RESULT, str) else _RESULT\n_m['peakMB'] = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss / 1024\nprint(); print(_j.dumps(_m))\n`;
  const r = spawnSync('/usr/bin/python3', ['-c', wrapped, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  if (r.error) return { ok: false, reason: '/usr/bin/python3 is not installed (apt-get install python3)' };
  const missing = /ModuleNotFoundError: No module named '([^']+)'/.exec(r.stderr ?? '');
  if (missing)
    return {
      ok: false,
      reason: `python module "${missing[1]}" is absent (apt-get install python3-${missing[1] === 'sklearn' ? 'sklearn' : missing[1]})`,
    };
  const m = r.status === 0 ? lastJson(r.stdout) : null;
  return m ? { ok: true, m } : { ok: false, reason: (r.stderr || 'no output').trim().split('\n').slice(-2).join(' ') };
}

/**
 * The fastest of `times` runs (as Python's timeit): noise on a shared machine only ever adds
 * time, so the minimum is the fairest figure for both sides of a ratio. Fails if any run fails.
 */
export function best(times: number, run: () => Outcome): Outcome {
  let fastest: Outcome | null = null;
  for (let r = 0; r < times; r++) {
    const o = run();
    if (!o.ok) return o;
    if (!fastest || (fastest.ok && o.m.ms < fastest.m.ms)) fastest = o;
  }
  return fastest!;
}

/** A row from an outcome, with the ratio against a reference outcome. */
export function row(task: string, impl: string, rows: number, o: Outcome, ref?: Outcome, note?: string): BenchRow {
  if (!o.ok) return { task, impl, rows, ms: null, peakMB: null, ratio: null, note: o.reason };
  const ratio = ref && ref.ok ? o.m.ms / ref.m.ms : null;
  return { task, impl, rows, ms: o.m.ms, peakMB: o.m.peakMB, ratio, note };
}

/** Prints rows as an aligned table. */
export function printTable(rows: BenchRow[]): void {
  const head = ['task', 'implementation', 'rows', 'ms', 'peak MB', 'ratio vs ref', 'note'];
  const body = rows.map((r) => [
    r.task,
    r.impl,
    r.rows.toLocaleString('en-US'),
    r.ms === null ? '—' : r.ms.toFixed(0),
    r.peakMB === null ? '—' : r.peakMB.toFixed(0),
    r.ratio === null ? (r.ms === null || r.alone ? '—' : 'ref') : `${r.ratio.toFixed(2)}×`,
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}
