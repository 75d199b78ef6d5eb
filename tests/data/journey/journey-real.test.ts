/** The English real labelled texts load from the shared data sets and are well formed. */
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../src/core/journey/stages';
import { JOURNEY_REAL_EN } from '../../fixtures/journey-real-en';
import { JOURNEY_REAL_VI } from '../../fixtures/journey-real-vi';
import { loadReal } from '../../helpers/journey-real';
import { sharedData } from '../../helpers/shared-data';

const files = [...new Set([...JOURNEY_REAL_EN, ...JOURNEY_REAL_VI].map((l) => l.id.replace(/#\d+$/, '')))];
const data = sharedData(...files);

describe.skipIf(!data.available)('journey-real labels', () => {
  it('load with matching text hashes, unique ids, valid stages, both splits for every stage present', () => {
    const rows = loadReal(JOURNEY_REAL_EN);
    expect(rows.length).toBeGreaterThanOrEqual(320);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    for (const r of rows) {
      expect(STAGES).toContain(r.stage);
      expect(r.text.trim()).not.toBe('');
    }
    for (const s of STAGES) {
      const n = rows.filter((r) => r.stage === s).length;
      const dev = rows.filter((r) => r.stage === s && r.split === 'dev').length;
      if (n > 0) expect(Math.abs(dev - n / 2)).toBeLessThanOrEqual(1.5);
    }
  });

  it('VI: load with matching hashes, at least 320 texts, both splits', () => {
    const rows = loadReal(JOURNEY_REAL_VI);
    expect(rows.length).toBeGreaterThanOrEqual(320);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.split === 'dev').length).toBeGreaterThan(rows.length * 0.45);
    expect(rows.filter((r) => r.split === 'heldout').length).toBeGreaterThan(rows.length * 0.45);
  });

  it('rejects a label whose text hash does not match, naming the row', () => {
    const wrong = { ...JOURNEY_REAL_EN[0]!, h: '00000000' };
    expect(() => loadReal([wrong])).toThrow(new RegExp(wrong.id.replace(/[.#/]/g, '\\$&')));
  });
});
