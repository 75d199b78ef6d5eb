/**
 * Every text a node shows (title, description, ports, param labels, help and options) exists in
 * English and Vietnamese, so a new node cannot ship half-translated, and the kit's shared params
 * read the same in every node.
 */
import { describe, expect, it } from 'vitest';
import { paramFields } from '../../../src/core/contract/form';
import type { Text } from '../../../src/core/contract/i18n';
import { NODE_TYPES } from '../../../nodes/index';

const VI_MARKS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

function texts(): { where: string; text: Text }[] {
  const out: { where: string; text: Text }[] = [];
  for (const def of NODE_TYPES) {
    out.push({ where: `${def.type} title`, text: def.title }, { where: `${def.type} description`, text: def.description });
    for (const p of [...def.inputs, ...def.outputs]) out.push({ where: `${def.type} port ${p.name}`, text: p.title });
    for (const f of paramFields(def)) {
      if (f.label.en !== f.key) out.push({ where: `${def.type} ${f.key} label`, text: f.label });
      if (f.help) out.push({ where: `${def.type} ${f.key} help`, text: f.help });
      for (const o of f.options ?? []) out.push({ where: `${def.type} ${f.key}=${o.value}`, text: o.label });
    }
  }
  return out;
}

describe('node texts', () => {
  it('every node text has an English and a Vietnamese version', () => {
    const missing = texts()
      .filter(({ text }) => !text?.en?.trim() || !text?.vi?.trim())
      .map((t) => t.where);
    expect(missing).toEqual([]);
  });

  it('descriptions are really translated (the Vietnamese has its diacritics)', () => {
    const untranslated = NODE_TYPES.filter((def) => !VI_MARKS.test(def.description.vi)).map((def) => def.type);
    expect(untranslated).toEqual([]);
  });

  it('the shared seed param has one label everywhere', () => {
    const labels = new Set(
      NODE_TYPES.flatMap((def) =>
        paramFields(def)
          .filter((f) => f.key === 'seed')
          .map((f) => `${f.label.en} / ${f.label.vi}`),
      ),
    );
    expect([...labels]).toEqual(['Random seed / Hạt giống ngẫu nhiên']);
  });
});
