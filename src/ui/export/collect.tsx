/**
 * Gathers the one-page report of the last run from what the run already made: the status of each
 * step (result, rows, time, messages), each step's chart values and models (drawn here as they are
 * drawn in the data panel — ECharts by its SVG renderer, React views off-screen with their styles
 * inlined) and the first rows of the key tables (sliced in the worker). Nothing is recomputed.
 */
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Table } from 'apache-arrow';
import { getNode } from '../../../nodes/index';
import type { ChartSpec } from '../../core/contract/chart';
import type { Lang } from '../../core/contract/i18n';
import { pick } from '../../core/contract/i18n';
import { formats } from '../../core/contract/format';
import type { Model } from '../../core/contract/node';
import { previewOf } from '../../core/flow/preview';
import { RENDERERS } from '../charts/registry';
import { ModelSummary } from '../data/ModelSummary';
import { tr, type StringKey } from '../i18n';
import { useStore } from '../store';
import { isFlowNode } from '../store/graph';
import { engineClient } from '../worker-client';
import { echartsSvg, styledClone } from './picture';
import { escapeHtml, type ReportBlock, type ReportInput, type ReportMessage, type ReportSection, type ReportStep } from './report';

const WIDTH = 960;
/** Rows and columns of a key table shown in the report. */
const SAMPLE_ROWS = 12,
  SAMPLE_COLUMNS = 12;

/** A React view drawn off-screen at the report's width, as HTML whose styles are all inline. */
async function staticHtml(element: ReactElement): Promise<string> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-${WIDTH * 3}px;top:0;width:${WIDTH}px;background:#fff;visibility:hidden`;
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(element));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const first = host.firstElementChild;
    if (!first) return '';
    const copy = styledClone(first) as HTMLElement;
    // The view's own height is left to its content (it was measured inside a scrolling panel).
    copy.style.removeProperty('height');
    copy.style.removeProperty('overflow');
    for (const b of copy.querySelectorAll('button, input, select, textarea')) b.remove();
    return copy.outerHTML;
  } finally {
    root.unmount();
    host.remove();
  }
}

async function chartMarkup(spec: ChartSpec, lang: Lang): Promise<string | null> {
  const renderer = RENDERERS[spec.chart];
  if (!renderer) return null;
  if (renderer.type === 'echarts') {
    const tall = spec.chart === 'network' || spec.chart === 'heatmap' || spec.chart === 'sankey';
    return echartsSvg(renderer.option(spec, lang), WIDTH, tall ? 560 : 420);
  }
  return staticHtml(<renderer.Component spec={spec} lang={lang} />);
}

function cell(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? formats(lang).int(value) : formats(lang).num(value);
  if (typeof value === 'bigint') return formats(lang).int(Number(value));
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function tableBlock(title: string, table: Table, total: number, lang: Lang): ReportBlock {
  const fields = table.schema.fields.map((f) => f.name);
  const columns = fields.slice(0, SAMPLE_COLUMNS);
  const rows: string[][] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row = table.get(i) as Record<string, unknown> | null;
    rows.push(columns.map((c) => cell(row?.[c], lang)));
  }
  return { kind: 'table', title, columns, rows, total, hiddenColumns: fields.length - columns.length };
}

/** The flow's picture: its steps as labelled boxes coloured by category, and the connections. */
function flowSvg(labels: Map<string, string>): string {
  const w = useStore.getState().toWorkflow();
  const xs = w.nodes.map((n) => n.position[0]),
    ys = w.nodes.map((n) => n.position[1]);
  const spanX = Math.max(...xs, 0) - Math.min(...xs, 0) + 220,
    spanY = Math.max(...ys, 0) - Math.min(...ys, 0) + 110;
  const height = Math.round(Math.min(520, Math.max(140, (WIDTH * spanY) / spanX)));
  const pv = previewOf({ ...w, notes: [] }, WIDTH, height, 14);
  const css = getComputedStyle(document.documentElement);
  const colour = (category: string) => css.getPropertyValue(`--c-${category}`).trim() || '#64748b';
  const parts: string[] = [`<svg viewBox="0 0 ${pv.width} ${pv.height}" width="${pv.width}" height="${pv.height}" role="img">`];
  for (const l of pv.lines)
    parts.push(
      `<path d="M${l.x1},${l.y1}C${l.x1 + 20},${l.y1} ${l.x2 - 20},${l.y2} ${l.x2},${l.y2}" fill="none" stroke="#94a3b8" stroke-width="1.5"/>`,
    );
  const measure = document.createElement('canvas').getContext('2d');
  for (const r of pv.rects) {
    const label = labels.get(r.id) ?? r.id;
    const size = Math.max(8, Math.min(12, r.h * 0.4));
    // The label cut to its box, measured in the font it is drawn in.
    let text = label;
    if (measure) {
      measure.font = `${size}px system-ui, sans-serif`;
      const room = r.w - 14;
      if (measure.measureText(text).width > room) {
        while (text.length > 1 && measure.measureText(`${text}…`).width > room) text = text.slice(0, -1);
        text = `${text.trimEnd()}…`;
      }
    }
    parts.push(
      `<g><title>${escapeHtml(label)}</title><rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="4" fill="#ffffff" stroke="${escapeHtml(colour(r.category))}" stroke-width="2"/>` +
        `<rect x="${r.x}" y="${r.y}" width="5" height="${r.h}" rx="2" fill="${escapeHtml(colour(r.category))}"/>` +
        `<text x="${r.x + 9}" y="${r.y + r.h / 2 + size * 0.35}" font-size="${size.toFixed(1)}" fill="#0f172a" font-family="system-ui,sans-serif">${escapeHtml(text)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Everything the report shows, gathered from the last run. */
export async function collectReport(lang: Lang): Promise<ReportInput> {
  const state = useStore.getState();
  const t = (k: StringKey) => tr(k, lang);
  const flowNodes = state.nodes.filter(isFlowNode);
  const labels = new Map<string, string>();
  for (const n of flowNodes) labels.set(n.id, n.data.label || pick(getNode(n.data.type)?.title, lang) || n.id);
  const hasOut = new Set(state.edges.map((e) => e.source));
  // Steps from left to right, top to bottom, as the canvas reads.
  const ordered = [...flowNodes].sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);

  const steps: ReportStep[] = [];
  const messages: ReportMessage[] = [];
  const sections: ReportSection[] = [];
  for (const n of ordered) {
    const st = state.status[n.id];
    const def = getNode(n.data.type);
    const label = labels.get(n.id)!;
    const key = st?.state ?? 'idle';
    steps.push({
      id: n.id,
      label,
      kind: def ? pick(def.title, lang) : n.data.type,
      stateKey: key,
      state: t(`status_${key}` as StringKey),
      rows: st?.rows,
      ms: st?.ms,
    });
    if (st?.error && key !== 'skipped') messages.push({ step: label, level: 'error', text: pick(st.error, lang) });
    for (const w of st?.warnings ?? []) messages.push({ step: label, level: 'warning', text: pick(w, lang) });
    for (const i of st?.infos ?? []) messages.push({ step: label, level: 'info', text: pick(i, lang) });
    if (!st || (st.state !== 'done' && st.state !== 'stale')) continue;
    const blocks: ReportBlock[] = [];
    const outputs = Object.entries(st.outputs ?? {});
    const portTitle = (port: string) => pick(def?.outputs.find((o) => o.name === port)?.title, lang) || port;
    const key_table = n.data.type.startsWith('view.') || n.data.type.startsWith('export.') || !hasOut.has(n.id);
    for (const [port, info] of outputs) {
      if (info.kind === 'chart') {
        const value = (await engineClient.value(n.id, port)) as ChartSpec | null;
        if (!value || value.kind !== 'chart') continue;
        const markup = await chartMarkup(value, lang);
        if (markup) blocks.push({ kind: 'figure', title: outputs.length > 1 ? portTitle(port) : '', markup, chart: value.chart });
      } else if (info.kind === 'model') {
        const value = (await engineClient.value(n.id, port)) as Model | null;
        if (value && value.kind === 'model')
          blocks.push({ kind: 'figure', title: portTitle(port), markup: await staticHtml(<ModelSummary model={value} />), chart: 'model' });
      } else if (key_table) {
        const head = await engineClient.head(n.id, port, SAMPLE_ROWS);
        if (head) blocks.push(tableBlock(portTitle(port), head, info.rows ?? head.numRows, lang));
      }
    }
    if (blocks.length) sections.push({ id: n.id, title: label, blocks });
  }
  // A chart drawn again further on (Segment profiles' personas, drawn by Persona cards) shows once,
  // at the step that shows it last.
  const shown = new Set<string>();
  for (const section of [...sections].reverse())
    section.blocks = section.blocks.filter((b) => {
      if (b.kind !== 'figure') return true;
      if (shown.has(b.markup)) return false;
      shown.add(b.markup);
      return true;
    });
  const kept = sections.filter((s) => s.blocks.length);
  for (const issue of state.issues) messages.unshift({ step: state.name, level: 'error', text: pick(issue.message, lang) });
  return {
    lang,
    name: state.name,
    description: state.description,
    date: new Date(),
    flowSvg: flowSvg(labels),
    steps,
    messages,
    sections: kept,
  };
}
