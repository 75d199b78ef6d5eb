/**
 * Dead code stays out: knip (configured in .ci/knip.json) finds exports nobody imports, files nobody
 * reaches and dependencies nobody uses. Takes about 30 s on a busy 2-core machine.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = process.cwd();

interface KnipIssue {
  file: string;
  [kind: string]: unknown;
}

describe('the house keeps no dead code', () => {
  it('knip finds no unused exports, files or dependencies', async () => {
    const bin = path.join(root, 'node_modules', 'knip', 'bin', 'knip.js');
    // knip exits with 1 when it finds something; the JSON report says what.
    const out = await run(process.execPath, [bin, '--config', '.ci/knip.json', '--reporter', 'json', '--no-progress'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(out.stdout) as { issues: KnipIssue[] };
    const found = report.issues.flatMap((issue) =>
      Object.entries(issue)
        .filter(([, v]) => Array.isArray(v) && v.length)
        .flatMap(([kind, v]) => (v as { name: string }[]).map((x) => `${kind}: ${issue.file} ${x.name}`)),
    );
    expect(found).toEqual([]);
  }, 240_000);
});

describe('nodes stand alone', () => {
  it('no node file imports another node (shared code lives in src/core; the kit in nodes/kit.ts)', () => {
    const dir = path.join(root, 'nodes');
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'kit.ts')) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/from '\.\/([^']+)'/g)) if (m[1] !== 'kit') offenders.push(`${file} → ${m[1]}`);
      for (const m of text.matchAll(/import\('\.\/([^']+)'\)/g)) offenders.push(`${file} → ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('every node declares its ports through the kit', () => {
    const dir = path.join(root, 'nodes');
    const literal: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'kit.ts')) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      if (/\{ name: '\w+', kind: '(table|chart|model)'/.test(text)) literal.push(file);
    }
    expect(literal).toEqual([]);
  });
});
