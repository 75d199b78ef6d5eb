/** When a param applies: the condition evaluator, the form that reads it, and every node's conditions. */
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, getNode } from '../../../../nodes/index';
import { paramFields, visibleFields } from '../../../../src/core/contract/form';
import { applies, whenParams } from '../../../../src/core/contract/when';

const keys = (type: string, params: Record<string, unknown>) => visibleFields(paramFields(getNode(type)!), params).map((f) => f.key);

describe('applies', () => {
  it('equals, in and notIn', () => {
    expect(applies({ param: 'a', equals: 'x' }, { a: 'x' })).toBe(true);
    expect(applies({ param: 'a', equals: 'x' }, { a: 'y' })).toBe(false);
    expect(applies({ param: 'a', in: ['x', 'y'] }, { a: 'y' })).toBe(true);
    expect(applies({ param: 'a', in: ['x', 'y'] }, { a: 'z' })).toBe(false);
    expect(applies({ param: 'a', notIn: [''] }, { a: '' })).toBe(false);
    expect(applies({ param: 'a', notIn: [''] }, { a: 'col' })).toBe(true);
    expect(applies({ param: 'k', equals: 0 }, { k: '0' })).toBe(false); // no loose comparison
  });
  it('a list holds when every test holds; no condition always holds', () => {
    const w = [
      { param: 's', equals: 'fill' },
      { param: 'f', equals: 'constant' },
    ] as const;
    expect(applies(w, { s: 'fill', f: 'constant' })).toBe(true);
    expect(applies(w, { s: 'fill', f: 'mean' })).toBe(false);
    expect(applies(w, { s: 'drop', f: 'constant' })).toBe(false);
    expect(applies(undefined, {})).toBe(true);
  });
  it('survives JSON (it is data, not code)', () => {
    const w = JSON.parse(JSON.stringify({ param: 'chart', in: ['bar', 'heatmap'] }));
    expect(applies(w, { chart: 'heatmap' })).toBe(true);
  });
});

describe('the form hides settings that do not apply', () => {
  it('clean.missing: the fill method only when filling, the value only for a typed value', () => {
    expect(keys('clean.missing', {})).not.toContain('fill'); // default strategy: drop
    expect(keys('clean.missing', {})).not.toContain('value');
    expect(keys('clean.missing', { strategy: 'fill' })).toContain('fill');
    expect(keys('clean.missing', { strategy: 'fill' })).not.toContain('value');
    expect(keys('clean.missing', { strategy: 'fill', fill: 'constant' })).toEqual(expect.arrayContaining(['fill', 'value']));
  });
  it('view.chart: bins for histograms, feature columns for silhouettes', () => {
    const bar = keys('view.chart', { chart: 'bar' });
    expect(bar).not.toContain('bins');
    expect(bar).not.toContain('columns');
    expect(keys('view.chart', { chart: 'histogram' })).toContain('bins');
    expect(keys('view.chart', { chart: 'silhouette' })).toEqual(expect.arrayContaining(['columns', 'color']));
    expect(keys('view.chart', { chart: 'silhouette' })).not.toContain('x');
  });
  it('cluster.kmeans: the range to try only with auto, the silhouette switch only for a fixed k', () => {
    expect(keys('cluster.kmeans', { k: 4 })).not.toContain('kMin');
    expect(keys('cluster.kmeans', { k: 4 })).toContain('silhouette');
    expect(keys('cluster.kmeans', { k: 'auto' })).toEqual(expect.arrayContaining(['kMin', 'kMax']));
    expect(keys('cluster.kmeans', { k: 'auto' })).not.toContain('silhouette');
  });
  it('text.sentiment: the English engine only without labels and for English texts; the seed only with labels', () => {
    expect(keys('text.sentiment', {})).toContain('englishEngine');
    expect(keys('text.sentiment', {})).not.toContain('seed');
    expect(keys('text.sentiment', { language: 'vi' })).not.toContain('englishEngine');
    expect(keys('text.sentiment', { labels: 'label' })).toEqual(expect.arrayContaining(['seed']));
    expect(keys('text.sentiment', { labels: 'label' })).not.toContain('englishEngine');
  });
  it('hidden params keep their values: the form only filters fields, the params are untouched', () => {
    const params = { strategy: 'drop', fill: 'constant', value: 'n/a' };
    expect(keys('clean.missing', params)).not.toContain('value');
    expect(params).toEqual({ strategy: 'drop', fill: 'constant', value: 'n/a' });
  });
});

describe('every node: conditions name params it has, with values those params can take', () => {
  for (const def of NODE_TYPES) {
    const fields = paramFields(def);
    const byKey = new Map(fields.map((f) => [f.key, f]));
    for (const f of fields.filter((x) => x.when)) {
      it(`${def.type}.${f.key}`, () => {
        for (const p of whenParams(f.when)) {
          expect(byKey.has(p), `${def.type}.${f.key} depends on "${p}"`).toBe(true);
          expect(p).not.toBe(f.key);
        }
        const tests = Array.isArray(f.when) ? f.when : [f.when];
        for (const t of tests) {
          const other = byKey.get(t.param)!;
          const values = [t.equals, ...(t.in ?? []), ...(t.notIn ?? [])].filter((v) => v !== undefined);
          expect(values.length).toBeGreaterThan(0);
          if (other.widget === 'enum') for (const v of values) expect(other.options!.map((o) => o.value)).toContain(v);
        }
        // With its defaults, a node shows at least its first field, and some value of the other param shows this one.
        expect(visibleFields(fields, {}).length).toBeGreaterThan(0);
      });
    }
  }
});
