/** Golden tests: every shipped template is valid and runs in Node on the built-in sample data. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../nodes/index';
import { validateWorkflow } from '../../src/core/flow/validate';
import { parseWorkflow } from '../../src/core/flow/workflow';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';

const DIR = path.resolve(__dirname, '../../templates');
const files = readdirSync(DIR).filter((f) => f.endsWith('.flow.json'));

describe('shipped templates', () => {
  it('include the audience segmentation template', () => {
    expect(files).toContain('audience-segmentation.flow.json');
  });

  for (const file of files) {
    it(`${file} is valid and runs on the sample data`, async () => {
      const parsed = parseWorkflow(readFileSync(path.join(DIR, file), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      expect(validateWorkflow(parsed.workflow, getNode)).toEqual([]);
      expect(parsed.workflow.notes.length).toBeGreaterThan(0);
      const engine = new Engine(getNode, memoryFiles({}));
      const result = await engine.run(parsed.workflow);
      expect(result.nodes.filter((n) => n.status !== 'done').map((n) => `${n.id}: ${n.message?.en}`)).toEqual([]);
      expect(result.ok).toBe(true);
      for (const n of result.nodes) expect(n.rows === null || n.rows > 0).toBe(true);
    });
  }
});

describe('the executor on the segmentation template', () => {
  it('re-runs only k-means and what follows it when k changes (from the events)', async () => {
    const parsed = parseWorkflow(readFileSync(path.join(DIR, 'audience-segmentation.flow.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const flow = parsed.workflow;
    const engine = new Engine(getNode, memoryFiles({}));
    expect((await engine.run(flow)).ok).toBe(true);
    const downstream = new Set<string>(['kmeans']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of flow.edges) {
        const [from, to] = [e.from.split('.')[0], e.to.split('.')[0]];
        if (downstream.has(from) && !downstream.has(to)) {
          downstream.add(to);
          grew = true;
        }
      }
    }
    const kmeans = flow.nodes.find((n) => n.id === 'kmeans')!;
    kmeans.params = { ...kmeans.params, k: 3 };
    const started: string[] = [];
    const cached: string[] = [];
    const result = await engine.run(flow, {
      onEvent: (e) => {
        if (e.type === 'start') started.push(e.node);
        if (e.type === 'done' && e.cached) cached.push(e.node);
      },
    });
    expect(result.ok).toBe(true);
    expect(started.sort()).toEqual([...downstream].sort());
    expect(cached.sort()).toEqual(
      flow.nodes
        .map((n) => n.id)
        .filter((id) => !downstream.has(id))
        .sort(),
    );
    expect(engine.table('kmeans', 'segments')!.numRows).toBe(3);
  });
});
