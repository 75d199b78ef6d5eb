/**
 * The layers of the house, checked by dependency-cruiser with the rules in .ci/depcruise.cjs:
 * the real tree has no forbidden import, and a small tree with deliberate bad imports (written
 * here, in a temporary folder) is refused rule by rule — so the check can fail.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = process.cwd();
const bin = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = path.join(root, '.ci', 'depcruise.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

async function cruise(cwd: string, dirs: string[]): Promise<Violation[]> {
  const out = await run(process.execPath, [bin, '--config', config, '--output-type', 'json', ...dirs], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return (JSON.parse(out.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** A tiny project with one deliberate bad import per rule. */
const BAD: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "strict": true } }',
  'src/core/contract/node.ts': "import { fit } from '../ml/fit';\nexport const node = fit;\n",
  'src/core/ml/fit.ts': 'export const fit = 1;\n',
  'src/core/table/table.ts': "import { fit } from '../ml/fit';\nexport const t = fit;\n",
  'src/core/flow/validate.ts': "import { t } from '../table/table';\nexport const v = t;\n",
  'src/core/text/tokenize.ts': "import { stage } from '../journey/stages';\nexport const tok = stage;\n",
  'src/core/journey/stages.ts': "export const stage = 'x';\n",
  'src/core/io/read.ts': "import { view } from '../../ui/view';\nexport const read = view;\n",
  'src/ui/view.ts': "import { a } from '../../nodes/a';\nexport const view = a;\n",
  'nodes/a.ts': "import { b } from './b';\nexport const a = b;\n",
  'nodes/b.ts': "import { a } from './a';\nexport const b = a;\n",
  'nodes/index.ts': "export * from './a';\n",
};

describe('layers (dependency-cruiser)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'af-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the project has no forbidden import and no import cycle', async () => {
    const found = await cruise(root, ['src', 'nodes', 'workers']);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 120_000);

  it('refuses each deliberate bad import in a fixture tree', async () => {
    for (const [file, text] of Object.entries(BAD)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const found = (await cruise(dir, ['src', 'nodes'])).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'contract-imports-nothing-of-ours: src/core/contract/node.ts → src/core/ml/fit.ts',
        'table-only-contract: src/core/table/table.ts → src/core/ml/fit.ts',
        'flow-only-contract: src/core/flow/validate.ts → src/core/table/table.ts',
        'io-ml-text-only-table-and-contract: src/core/text/tokenize.ts → src/core/journey/stages.ts',
        'core-never-imports-ui-workers-nodes: src/core/io/read.ts → src/ui/view.ts',
        'ui-reads-nodes-through-the-registry: src/ui/view.ts → nodes/a.ts',
        'nodes-never-import-nodes: nodes/a.ts → nodes/b.ts',
      ]),
    );
    expect(found.some((f) => f.startsWith('no-cycles: nodes/a.ts'))).toBe(true);
  }, 120_000);
});
