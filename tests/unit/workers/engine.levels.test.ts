/** Node messages come in levels: plain information (ctx.info) apart from warnings, also from the cache. */
import { describe, expect, it } from 'vitest';
import { getNode } from '../../../nodes/index';
import type { Workflow } from '../../../src/core/flow/workflow';
import { Engine, type EngineEvent } from '../../../workers/engine';
import { memoryFiles } from '../../../workers/files';

const flow: Workflow = {
  schema: 'audience-flow/workflow@2',
  name: 'levels',
  notes: [],
  nodes: [
    { id: 'sample', type: 'ingest.sample', params: { dataset: 'interactions', size: 2000, seed: 3 }, position: [0, 0] },
    { id: 'comments', type: 'clean.filter', params: { conditions: [{ column: 'type', op: '=', value: 'comment' }] }, position: [1, 0] },
    { id: 'nothing', type: 'clean.filter', params: {}, position: [2, 0] },
  ],
  edges: [
    { from: 'sample.out', to: 'comments.in' },
    { from: 'sample.out', to: 'nothing.in' },
  ],
};

const done = (events: EngineEvent[], id: string) =>
  events.find((e): e is Extract<EngineEvent, { type: 'done' }> => e.type === 'done' && e.node === id)!;

describe('message levels', () => {
  it('keeps information apart from warnings, on a fresh run and from the cache', async () => {
    const engine = new Engine(getNode, memoryFiles({}));
    for (const round of ['fresh', 'cached']) {
      const events: EngineEvent[] = [];
      await engine.run(flow, { onEvent: (e) => events.push(e) });
      const kept = done(events, 'comments');
      expect(kept.cached, round).toBe(round === 'cached');
      expect(kept.infos?.map((t) => t.en)).toEqual([expect.stringMatching(/^Kept \d+ of 2000 rows/)]);
      expect(kept.infos?.[0].vi).toMatch(/^Giữ \d+ trên 2000 dòng/);
      expect(kept.warnings).toEqual([]);
      // "No conditions yet" asks the analyst to act: a warning, not an info.
      const none = done(events, 'nothing');
      expect(none.warnings.map((t) => t.en)).toEqual(['No conditions yet, so every row is kept.']);
      expect(none.infos ?? []).toEqual([]);
    }
  });
});
