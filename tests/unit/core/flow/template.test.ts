/** Template helpers: fill-in inputs, translations, the gallery preview and the note of a step. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewOf } from '../../../../src/core/flow/preview';
import {
  applyInputs,
  currentInputValues,
  inputValue,
  localizeFlow,
  noteIndexFor,
  retranslate,
  translationPairs,
} from '../../../../src/core/flow/template';
import { parseWorkflow, type Workflow } from '../../../../src/core/flow/workflow';

const load = (name: string): Workflow => {
  const parsed = parseWorkflow(readFileSync(path.resolve(__dirname, '../../../../templates', name), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.workflow;
};

describe('template inputs', () => {
  const flow = load('fan-segments.flow.json');

  it('reads values as the input kind says', () => {
    expect(inputValue({ id: 'k', label: { en: '', vi: '' }, node: 'a', param: 'k', kind: 'integer' }, ' 6 ')).toBe(6);
    expect(inputValue({ id: 'c', label: { en: '', vi: '' }, node: 'a', param: 'c', kind: 'columns' }, 'a, b,,c')).toEqual(['a', 'b', 'c']);
    expect(inputValue({ id: 'c', label: { en: '', vi: '' }, node: 'a', param: 'c', kind: 'column' }, 'text')).toBe('text');
  });

  it('writes values into a copy of the node params; empty values keep the template value', () => {
    const r = applyInputs(flow, { segments: '6', size: '' });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.workflow.nodes.find((n) => n.id === 'segments')!.params.k).toBe(6);
    expect(r.workflow.nodes.find((n) => n.id === 'profile')!.params.size).toBe(20000);
    expect(flow.nodes.find((n) => n.id === 'segments')!.params.k).toBe(4);
    expect(currentInputValues(r.workflow)).toEqual({ segments: '6', size: '20000' });
  });

  it('refuses an unknown input, in both languages', () => {
    const r = applyInputs(flow, { colour: 'red' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.vi).toMatch(/không có ô nhập "colour"/);
  });
});

describe('template translations', () => {
  const flow = load('audience-segmentation.flow.json');

  it('shows the Vietnamese name, notes and labels; English is the file itself', () => {
    const vi = localizeFlow(flow, 'vi');
    expect(vi.name).toBe('Phân khúc khán giả');
    expect(vi.notes[0].text).toMatch(/^Bước 1/);
    expect(vi.nodes.find((n) => n.id === 'kmeans')!.label).toBe('Tìm phân khúc');
    expect(vi.nodes.map((n) => n.id)).toEqual(flow.nodes.map((n) => n.id));
    expect(localizeFlow(flow, 'en')).toBe(flow);
  });

  it('re-translates texts of an opened copy, but not texts the analyst rewrote', () => {
    const pairs = translationPairs([flow]);
    expect(retranslate(flow.notes[1].text, pairs, 'vi')).toMatch(/^Bước 2/);
    expect(retranslate(localizeFlow(flow, 'vi').name, pairs, 'en')).toBe('Audience segmentation');
    expect(retranslate('My own note', pairs, 'vi')).toBe('My own note');
  });

  it('every shipped template has a Vietnamese name, description and a translation of each note', () => {
    for (const file of readdirSync(path.resolve(__dirname, '../../../../templates')).filter((f) => f.endsWith('.flow.json'))) {
      const w = load(file);
      const vi = w.translations?.vi;
      expect(vi?.name && vi.description, file).toBeTruthy();
      for (const note of w.notes) expect(vi?.notes?.[note.id], `${file} ${note.id}`).toBeTruthy();
    }
  });
});

describe('gallery preview and step notes', () => {
  const flow = load('audience-segmentation.flow.json');

  it('draws every node and edge inside the box', () => {
    const pv = previewOf(flow, 240, 120);
    expect(pv.rects).toHaveLength(flow.nodes.length);
    expect(pv.lines).toHaveLength(flow.edges.length);
    expect(pv.notes).toHaveLength(flow.notes.length);
    for (const r of pv.rects) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(240);
      expect(r.y + r.h).toBeLessThanOrEqual(120);
    }
    expect(pv.rects[0].category).toBe('ingest');
    expect(previewOf({ nodes: [], edges: [], notes: [] }).rects).toEqual([]);
  });

  it('finds the note above a node', () => {
    const at = (id: string) => flow.nodes.find((n) => n.id === id)!.position;
    expect(noteIndexFor(at('sample'), flow.notes)).toBe(0);
    expect(noteIndexFor(at('scale'), flow.notes)).toBe(2);
    expect(noteIndexFor(at('kmeans'), flow.notes)).toBe(3);
  });
});
