/**
 * Golden tests of the prediction templates on the sample data: the sample's purchase and churn
 * outcomes are learnable but noisy (AUC well above guessing, well below perfect), the gains are
 * real, the scored people feed the personas, and the churn list holds only people still here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../nodes/index';
import type { LineChart, PersonasChart } from '../../src/core/contract/chart';
import { parseWorkflow } from '../../src/core/flow/workflow';
import { toFloat64, toValues } from '../../src/core/table/table';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';

const DIR = path.resolve(__dirname, '../../templates');

async function run(file: string) {
  const parsed = parseWorkflow(readFileSync(path.join(DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  const engine = new Engine(getNode, memoryFiles({}));
  const result = await engine.run(parsed.workflow);
  expect(result.nodes.filter((n) => n.status !== 'done').map((n) => `${n.id}: ${n.message?.en}`)).toEqual([]);
  return engine;
}

const metric = (t: Table, name: string) => toFloat64(t.getChild('value')!)[toValues(t.getChild('metric')!).indexOf(name)];

describe('prediction templates', { timeout: 240_000 }, () => {
  it('Who will buy: learns the purchases (AUC 0.7–0.9), the top 10% hold at least 1.5× their share, segments carry their chance to buy', async () => {
    const engine = await run('who-will-buy.flow.json');
    const metrics = engine.table('train', 'metrics')!;
    const auc = metric(metrics, 'auc');
    console.info(`Who will buy: AUC ${auc.toFixed(3)}, base rate ${metric(metrics, 'base_rate').toFixed(3)}`);
    expect(auc).toBeGreaterThan(0.7);
    expect(auc).toBeLessThan(0.9);
    const lift = engine.output('train', 'lift') as LineChart;
    expect(lift.series[0].values[lift.x.indexOf(10)]).toBeGreaterThan(15);
    // Only the people whose purchase is unknown are scored, and a fifth of them are predicted to buy.
    const scored = engine.table('predict', 'out')!;
    expect(toValues(scored.getChild('purchased')!).every((v) => v === null)).toBe(true);
    const predicted = toValues(scored.getChild('prediction')!);
    expect(Math.abs(predicted.filter((v) => v === true).length / predicted.length - 0.2)).toBeLessThan(0.02);
    const personas = engine.output('personas', 'chart') as PersonasChart;
    expect(personas.cards.length).toBe(4);
    const lifts = personas.cards.map((c) => c.traits.find((t) => t.feature === 'score')?.lift ?? null);
    expect(lifts.some((l) => l !== null && l > 1.3)).toBe(true);
    expect(personas.cards.some((c) => /chance to buy/.test(c.sentence.en) && /khả năng mua/.test(c.sentence.vi))).toBe(true);
  });

  it('Who will leave: learns who left (AUC 0.65–0.9) and lists the 100 people still here most at risk, highest first', async () => {
    const engine = await run('who-will-leave.flow.json');
    const auc = metric(engine.table('train', 'metrics')!, 'auc');
    console.info(`Who will leave: AUC ${auc.toFixed(3)}`);
    expect(auc).toBeGreaterThan(0.65);
    expect(auc).toBeLessThan(0.9);
    const risk = engine.table('risk', 'out')!;
    expect(risk.numRows).toBe(100);
    expect(toValues(risk.getChild('churned')!).every((v) => v === false)).toBe(true);
    const score = Array.from(toFloat64(risk.getChild('score')!));
    expect(score).toEqual([...score].sort((a, b) => b - a));
    const signs = engine.table('signals', 'out')!;
    expect(toValues(signs.getChild('feature')!)).toContain('mean_sentiment_score');
  });
});
