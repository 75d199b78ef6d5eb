/**
 * Every progress message, warning and info a template's run produces is in both languages: the
 * Vietnamese text is there, and it is not the English one copied (a few words such as
 * "PageRank…" or "silhouette" are the same in both and are listed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getNode } from '../../nodes/index';
import type { Text } from '../../src/core/contract/i18n';
import { parseWorkflow } from '../../src/core/flow/workflow';
import { Engine } from '../../workers/engine';
import { memoryFiles } from '../../workers/files';

const dir = path.resolve(__dirname, '../../templates');
const files = readdirSync(dir).filter((f) => f.endsWith('.flow.json'));
/** Texts that read the same in Vietnamese (names of measures). */
const SAME = /^(PageRank…|silhouette|k = \d+: silhouette|pc1–pc\d+: .*)$/;

describe('template runs speak both languages', () => {
  it.each(files)('%s', async (file) => {
    const parsed = parseWorkflow(readFileSync(path.join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const texts: { where: string; text: Text }[] = [];
    const engine = new Engine(getNode, memoryFiles({}));
    const result = await engine.run(parsed.workflow, {
      progressInterval: 0,
      onEvent: (e) => {
        if (e.type === 'progress' && e.message) texts.push({ where: `${e.node} progress`, text: e.message });
        if (e.type === 'done') {
          for (const w of e.warnings) texts.push({ where: `${e.node} warning`, text: w });
          for (const w of e.infos ?? []) texts.push({ where: `${e.node} info`, text: w });
        }
      },
    });
    expect(result.ok).toBe(true);
    expect(texts.some((t) => t.where.endsWith('progress'))).toBe(true);
    const bad = texts.filter(
      ({ text }) => typeof text !== 'object' || !text.en?.trim() || !text.vi?.trim() || (text.vi === text.en && !SAME.test(text.en)),
    );
    expect(bad.map((b) => `${b.where}: ${JSON.stringify(b.text)}`)).toEqual([]);
  });
});
