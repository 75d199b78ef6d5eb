import { type Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/journey.map';
import { NodeError } from '../../../src/core/contract/errors';
import type { HeatmapChart } from '../../../src/core/contract/chart';
import type { JourneyMapChart } from '../../../src/core/contract/chart';
import type { NodeDef } from '../../../src/core/contract/node';
import { expectIpcRoundTrip, rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

const def = node as unknown as NodeDef;
const small = () =>
  tableFromArrays({
    journey_stage: [
      'awareness',
      'awareness',
      'consideration',
      'consideration',
      'purchase',
      'experience',
      'experience',
      'experience',
      'experience',
      'churn',
      'none',
      'none',
    ],
    sentiment_score: Float64Array.from([0.5, 0.3, 0, 0.2, 0.6, -0.5, -0.5, -0.5, 0.1, -0.9, NaN, 0]),
    text: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
  });

describe('journey.map', () => {
  it('computes volume, share, mean sentiment, negative share and the moment of truth by hand', async () => {
    const { outputs, warnings } = await runNode(def, { in: small() });
    const out = rows(outputs.out as Table);
    expect(out.map((r) => [r.stage, r.volume])).toEqual([
      ['awareness', 2],
      ['consideration', 2],
      ['purchase', 1],
      ['experience', 4],
      ['advocacy', 0],
      ['churn', 1],
      ['none', 2],
    ]);
    expect(out[0].share).toBeCloseTo(2 / 12);
    const means = [0.4, 0.1, 0.6, -0.35, null, -0.9, 0];
    out.forEach((r, i) => (means[i] === null ? expect(r.mean_sentiment).toBeNull() : expect(r.mean_sentiment).toBeCloseTo(means[i]!)));
    expect(out.map((r) => r.share_negative)).toEqual([0, 0, 0, 0.75, null, 1, 0]);
    // swings vs the previous stage with sentiment: -0.3, +0.5, -0.95, (advocacy has none), -0.55
    expect(out.map((r) => (r.swing === null ? null : Math.round((r.swing as number) * 100) / 100))).toEqual([
      null,
      -0.3,
      0.5,
      -0.95,
      null,
      -0.55,
      null,
    ]);
    expect(out.map((r) => r.moment_of_truth)).toEqual([false, false, false, true, false, false, false]);
    expect(warnings).toEqual([]);
    expectIpcRoundTrip(outputs.out as Table);

    const heat = outputs.heatmap as unknown as HeatmapChart;
    expect(heat).toMatchObject({
      chart: 'heatmap',
      format: 'percent',
      rows: ['awareness', 'consideration', 'purchase', 'experience', 'churn'],
      cols: ['positive', 'neutral', 'negative'],
    });
    expect(heat.rowLabels?.map((t) => t.vi)).toEqual(['Nhận biết', 'Cân nhắc', 'Mua hàng', 'Trải nghiệm', 'Rời bỏ']);
    expect(heat.values).toEqual([
      [1, 0, 0],
      [0.5, 0.5, 0],
      [1, 0, 0],
      [0.25, 0, 0.75],
      [0, 0, 1],
    ]);
    const map = outputs.map as unknown as JourneyMapChart;
    expect(map.chart).toBe('journey');
    expect(map.stages.map((s) => s.stage)).toEqual(['awareness', 'consideration', 'purchase', 'experience', 'advocacy', 'churn']);
    expect(map.stages[3]).toMatchObject({ label: { en: 'Experience', vi: 'Trải nghiệm' }, volume: 4, negative: 0.75, momentOfTruth: true });
    expect(map.stages[4]).toMatchObject({ volume: 0, sentiment: null, negative: null });
    expect(map.none).toEqual({ volume: 2, share: 2 / 12 });
    expect(JSON.parse(JSON.stringify(map))).toEqual(map);
  });

  it("finds pain points over-represented in a stage's negative comments (stop words removed, EN + VI)", async () => {
    const texts: [string, string, number][] = [];
    for (let i = 0; i < 6; i++) texts.push([`giao hàng chậm quá ${i} ngày rồi`, 'experience', -0.6]);
    for (let i = 0; i < 4; i++) texts.push([`hộp bị móp hết luôn ${i}`, 'experience', -0.5]);
    for (let i = 0; i < 4; i++) texts.push([`the box arrived crushed again ${i}`, 'experience', -0.4]);
    for (let i = 0; i < 20; i++) texts.push([`giao hàng nhanh, đóng gói đẹp ${i}`, 'experience', 0.7]);
    for (let i = 0; i < 40; i++) texts.push([`giá bao nhiêu vậy shop ${i}`, 'consideration', 0]);
    for (let i = 0; i < 20; i++) texts.push([`the box is so cute, love the colour ${i}`, 'awareness', 0.5]);
    for (let i = 0; i < 5; i++) texts.push([`hoàn tiền chậm quá, thất vọng ${i}`, 'churn', -0.7]);
    const table = tableFromArrays({
      text: texts.map((t) => t[0]),
      journey_stage: texts.map((t) => t[1]),
      sentiment_score: Float64Array.from(texts.map((t) => t[2])),
    });
    const { outputs } = await runNode(def, { in: table });
    const out = rows(outputs.out as Table);
    const exp = String(out[3].pain_points).split(', ');
    // "giao hàng" is said of fast deliveries too, so the slow part stands out; Vietnamese terms are syllable pairs.
    expect(exp).toEqual(['hàng chậm', 'arrived crushed', 'bị móp']);
    for (const stop of ['quá', 'bị', 'the', 'rồi', 'luôn', 'hết']) expect(exp).not.toContain(stop);
    expect(exp).not.toContain('đẹp');
    expect(String(out[5].pain_points)).toContain('hoàn tiền');
    expect(out[1].pain_points).toBe('');
    const map = outputs.map as unknown as JourneyMapChart;
    expect(map.stages[3].pains.length).toBeGreaterThanOrEqual(3);
    expect(map.stages[3].pains[0].count).toBeGreaterThanOrEqual(3);
  });

  it('falls back to sentiment labels, and to volumes only without any sentiment', async () => {
    const t = tableFromArrays({
      journey_stage: ['purchase', 'purchase', 'churn'],
      sentiment_label: ['positive', 'neutral', 'negative'],
      text: ['x', 'y', 'z'],
    });
    const { outputs, warnings } = await runNode(def, { in: t });
    const out = rows(outputs.out as Table);
    expect(out[2]).toMatchObject({ stage: 'purchase', volume: 2, mean_sentiment: 0.5, share_negative: 0 });
    expect(out[5]).toMatchObject({ stage: 'churn', mean_sentiment: -1, share_negative: 1, moment_of_truth: true });
    expect(warnings).toEqual(['"sentiment_score" is not in the table; using "sentiment_label".']);
    const bare = await runNode(def, { in: tableFromArrays({ journey_stage: ['purchase', 'churn'] }) });
    expect(rows(bare.outputs.out as Table).map((r) => r.volume)).toEqual([0, 0, 1, 0, 0, 1, 0]);
    expect(bare.notes[0].vi).toContain('Không có cột cảm xúc');
  });

  it('names a missing stage column in both languages', async () => {
    const err = await runNode(def, { in: small() }, { stage: 'stage' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NodeError);
    expect((err as NodeError).message).toContain('The column "stage" is not in the table');
    expect((err as NodeError).vi).toContain('Bảng không có cột "stage"');
  });
});
