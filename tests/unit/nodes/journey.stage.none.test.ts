/** Texts with nothing to read — empty, spaces, zero-width characters, lone "#" or "@", "????" — are stage "none". */
import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node from '../../../nodes/journey.stage';
import { runNode } from '../../helpers/run-node';

const WORDLESS = ['', '   ', '\u200B', '\u200B\u200C\u200D\uFEFF', '#', '@', '????', '? ? !', '...', '#@ -- **'];
const MEANINGFUL = ['giá bao nhiêu vậy shop?', 'how much is it?', 'đã nhận hàng, rất đẹp'];

const run = async (texts: (string | null)[], params: Record<string, unknown> = {}) => {
  const { outputs } = await runNode(
    node,
    {
      in: new Table({
        text: vectorFromArray(texts, new Utf8()),
        label: vectorFromArray(
          texts.map((_, i) => (i % 2 ? 'purchase' : 'awareness')),
          new Utf8(),
        ),
      }),
    },
    params,
  );
  const out = outputs.out as Table;
  return {
    stage: out.getChild('journey_stage')!.toArray() as string[],
    conf: Array.from(out.getChild('journey_confidence')!.toArray() as Float64Array),
  };
};

describe('journey.stage on texts without words', () => {
  it('labels them "none" with confidence 0, with or without the built-in examples', async () => {
    for (const examples of [true, false]) {
      const { stage, conf } = await run(WORDLESS, { examples });
      expect(stage).toEqual(WORDLESS.map(() => 'none'));
      expect(conf).toEqual(WORDLESS.map(() => 0));
    }
  });

  it('still reads texts that have words (a question stays a consideration)', async () => {
    const { stage } = await run(MEANINGFUL);
    expect(stage[0]).toBe('consideration');
    expect(stage[1]).toBe('consideration');
    expect(stage.every((s) => s !== 'none')).toBe(true);
  });

  it('keeps missing and wordless rows "none" in labels mode too', async () => {
    const texts = [...MEANINGFUL, ...MEANINGFUL, null, '\u200B', '????'];
    const { stage } = await run(texts, { labels: 'label' });
    expect(stage.slice(-3)).toEqual(['none', 'none', 'none']);
  });
});
