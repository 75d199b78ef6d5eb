/** The "What the audience talks about" template on the sample data: topics named by words, shares per tone. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../nodes/index';
import type { HeatmapChart } from '../../src/core/contract/chart';
import { parseWorkflow } from '../../src/core/flow/workflow';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';

describe('topics template', () => {
  it('finds 3–10 named topics and their share among positive, neutral and negative comments', async () => {
    const parsed = parseWorkflow(readFileSync(path.resolve(__dirname, '../../templates/topics.flow.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const engine = new Engine(getNode, memoryFiles({}));
    const result = await engine.run(parsed.workflow);
    expect(result.ok).toBe(true);
    const topics = engine.table('topics', 'topics')!;
    expect(topics.numRows).toBeGreaterThanOrEqual(3);
    expect(topics.numRows).toBeLessThanOrEqual(10);
    const labels = topics.getChild('label')!.toArray() as string[];
    for (const l of labels) expect(l).toMatch(/\p{L}{2,}/u);
    const heat = engine.output('topics', 'groupChart') as HeatmapChart;
    expect([...heat.rows].sort()).toEqual(['negative', 'neutral', 'positive']);
    for (const row of heat.values) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(engine.table('topics', 'groups')!.numRows).toBe(3 * topics.numRows);
    const out = engine.table('topics', 'out')!;
    expect(out.getChild('topic')!.nullCount).toBeLessThan(out.numRows / 10);
  }, 120_000);
});
