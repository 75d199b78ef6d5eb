import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/cluster.profile';
import { rows } from '../../helpers/tables';
import { runNode } from '../../helpers/run-node';

describe('cluster.profile', () => {
  it('names social personas in both languages, e.g. night-owl commenters, and finds typical words', async () => {
    const n = 400;
    const seg = Int32Array.from({ length: n }, (_, i) => (i < 100 ? 1 : 0));
    const night = Float64Array.from(seg, (s, i) => (s ? 0.6 + (i % 5) * 0.02 : 0.1 + (i % 7) * 0.01));
    const comment = Float64Array.from(seg, (s, i) => (s ? 0.7 + (i % 3) * 0.05 : 0.2 + (i % 4) * 0.02));
    const text = Array.from(seg, (s, i) =>
      s ? `giao hàng chậm quá ${i % 2 ? 'shop ơi' : ''}` : `sản phẩm đẹp lắm ${i % 3 ? 'love it' : ''}`,
    );
    const table = tableFromArrays({
      user_id: Array.from({ length: n }, (_, i) => `u${i}`),
      share_night: night,
      share_comment: comment,
      interactions: Float64Array.from(seg, (_, i) => 5 + (i % 9)),
      text,
      segment: seg,
    });
    const { outputs } = await runNode(node, { in: table }, { text: 'text' });
    const out = rows(outputs.out as Table);
    expect(out[1].persona).toMatch(/^Night-owl commenters: |^Chatty night owls: /);
    expect(out[1].persona).toMatch(/more active after 22:00/);
    expect(out[1].persona_vi).toMatch(/^(Người hay bình luận về đêm|Cú đêm hay bình luận): /);
    expect(out[1].top_terms).toMatch(/giao|chậm/);
    expect(out[0].top_terms).toMatch(/đẹp|sản phẩm/);
  });
});

describe('persona sentences in Vietnamese', () => {
  it('write decimals with a comma', async () => {
    const { persona } = await import('../../../src/core/ml/persona');
    const p = persona([{ feature: 'share_night', lift: 2.94, mean: 0.62, overall: 0.21, z: 1.8 }]);
    expect(p.sentence.en).toMatch(/2\.9× more active after 22:00/);
    expect(p.sentence.vi).toMatch(/2,9 lần/);
    expect(p.sentence.vi).not.toMatch(/\d\.\d/);
  });
});
