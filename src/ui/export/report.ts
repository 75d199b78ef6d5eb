/**
 * The one-page HTML report of a run, as a string: the flow's name and picture, a table of its steps
 * (result, rows, time), every message of the run, and each step's results — charts as inline SVG,
 * persona cards and model summaries as HTML with their styles inline, and the first rows of the key
 * tables. The page has no script and its own Content-Security-Policy forbids every fetch, so it
 * opens offline and can never call out, whatever it holds. Only text already made by the run goes
 * in (escaped here); collect.tsx gathers it.
 */
import type { Lang, Text } from '../../core/contract/i18n';
import { pick } from '../../core/contract/i18n';
import { formats } from '../../core/contract/format';
import { EXPORT_TEXTS } from './texts';

/** The report's own policy: nothing may be fetched, no script runs; styles and data: pictures only. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; form-action 'none'; base-uri 'none'";

export interface ReportStep {
  id: string;
  label: string;
  /** What kind of step (the node type's title). */
  kind: string;
  /** The run state (done, error, …) and how the page words it. */
  stateKey: string;
  state: string;
  rows?: number | null;
  ms?: number;
}

export interface ReportMessage {
  step: string;
  level: 'error' | 'warning' | 'info';
  text: string;
}

/** One result of a step: markup made by the page (SVG or styled HTML) or a table sample. */
export type ReportBlock =
  | { kind: 'figure'; title: string; markup: string; chart: string }
  | { kind: 'table'; title: string; columns: string[]; rows: string[][]; total: number; hiddenColumns: number };

export interface ReportSection {
  id: string;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportInput {
  lang: Lang;
  name: string;
  description?: string;
  date: Date;
  /** The flow's picture (SVG markup). */
  flowSvg: string;
  steps: ReportStep[];
  messages: ReportMessage[];
  sections: ReportSection[];
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Markup made by the page, made safe to inline: no XML declaration, doctype, script, event
 * handler or external reference; namespace declarations (which HTML does not need) dropped, so
 * that no address of any kind is left in the file.
 */
export function inlineMarkup(markup: string): string {
  return markup
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/\s(xmlns(?::\w+)?|xml:space)="[^"]*"/g, '')
    .replace(/\son\w+="[^"]*"/gi, '')
    .replace(/\s(?:xlink:)?href="(?!#)[^"]*"/g, '')
    .replace(/\ssrc="(?!data:)[^"]*"/g, '')
    .replace(/url\((?!["']?#)[^)]*\)/g, 'none');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f8fafc;color:#0f172a;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:28px 32px 48px;background:#fff;min-height:100vh}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:30px 0 10px;padding-top:10px;border-top:1px solid #e2e8f0}
h3{font-size:15px;margin:18px 0 6px;color:#334155}
.meta{color:#64748b;margin:0 0 4px}.privacy{color:#047857;font-size:12px;margin:0 0 12px}
nav ol{margin:4px 0 0;padding-left:20px;columns:2}nav a{color:#1d4ed8}
figure{margin:8px 0 16px;overflow-x:auto}figure>svg{max-width:100%;height:auto}
.flow{border:1px solid #e2e8f0;border-radius:8px;background:#f8fafc}
table.t{border-collapse:collapse;font-size:12.5px;margin:4px 0 8px}
.t th,.t td{padding:3px 10px 3px 0;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
.t th{color:#475569;font-weight:600}.t td.n{text-align:right;font-variant-numeric:tabular-nums}
.caption{color:#64748b;font-size:12px}
.msg{list-style:none;padding:0;margin:0}.msg li{padding:4px 8px;margin:3px 0;border-radius:4px;border-left:4px solid}
.msg .error{background:#fef2f2;border-color:#dc2626}.msg .warning{background:#fffbeb;border-color:#d97706}.msg .info{background:#eff6ff;border-color:#2563eb}
.msg b{margin-right:6px}
.state-error{color:#b91c1c}.state-done{color:#047857}
@media print{body{background:#fff}main{padding:0}h2{break-before:auto}figure{break-inside:avoid}}
`;

/** The report page. */
export function reportHtml(input: ReportInput): string {
  const { lang } = input;
  const t = (text: Text) => pick(text, lang);
  const f = formats(lang);
  const e = escapeHtml;
  const date = input.date.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
  const counts = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Audience Flow">',
    `<title>${e(input.name)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    `<h1 data-report="name">${e(input.name)}</h1>`,
    `<p class="meta">${e(counts(t(EXPORT_TEXTS.madeOn), { date }))}</p>`,
  );
  if (input.description) out.push(`<p>${e(input.description)}</p>`);
  out.push(`<p class="privacy">${e(t(EXPORT_TEXTS.privacy))}</p>`);
  // Contents
  out.push(`<nav><strong>${e(t(EXPORT_TEXTS.contents))}</strong><ol>`);
  out.push(`<li><a href="#flow">${e(t(EXPORT_TEXTS.theFlow))}</a></li>`);
  out.push(`<li><a href="#messages">${e(t(EXPORT_TEXTS.messages))}</a></li>`);
  for (const s of input.sections) out.push(`<li><a href="#step-${e(s.id)}">${e(s.title)}</a></li>`);
  out.push('</ol></nav>');
  // The flow and its steps
  out.push(`<h2 id="flow">${e(t(EXPORT_TEXTS.theFlow))}</h2>`);
  out.push(`<figure class="flow" data-report="flow">${inlineMarkup(input.flowSvg)}</figure>`);
  out.push(`<h3>${e(t(EXPORT_TEXTS.steps))}</h3>`);
  out.push(
    `<table class="t" data-report="steps"><thead><tr><th>${e(t(EXPORT_TEXTS.step))}</th><th>${e(t(EXPORT_TEXTS.kind))}</th><th>${e(
      t(EXPORT_TEXTS.state),
    )}</th><th>${e(t(EXPORT_TEXTS.rowsOut))}</th><th>${e(t(EXPORT_TEXTS.time))}</th></tr></thead><tbody>`,
  );
  for (const s of input.steps)
    out.push(
      `<tr><td>${e(s.label)}</td><td>${e(s.kind)}</td><td class="state-${e(s.stateKey)}">${e(s.state)}</td>` +
        `<td class="n">${s.rows === undefined || s.rows === null ? '' : e(f.int(s.rows))}</td>` +
        `<td class="n">${s.ms === undefined ? '' : e(s.ms >= 1000 ? `${f.num(s.ms / 1000)} s` : `${f.int(s.ms)} ms`)}</td></tr>`,
    );
  out.push('</tbody></table>');
  // Messages
  out.push(`<h2 id="messages">${e(t(EXPORT_TEXTS.messages))}</h2>`);
  if (!input.messages.length) out.push(`<p class="caption">${e(t(EXPORT_TEXTS.noMessages))}</p>`);
  else {
    out.push('<ul class="msg" data-report="messages">');
    for (const m of input.messages)
      out.push(`<li class="${m.level}"><b>${e(t(EXPORT_TEXTS[m.level]))} · ${e(m.step)}</b>${e(m.text)}</li>`);
    out.push('</ul>');
  }
  // Results, step by step
  for (const s of input.sections) {
    out.push(`<h2 id="step-${e(s.id)}">${e(s.title)}</h2>`);
    for (const b of s.blocks) {
      if (b.kind === 'figure') {
        if (b.title) out.push(`<h3>${e(b.title)}</h3>`);
        out.push(`<figure data-report="chart" data-chart="${e(b.chart)}">${inlineMarkup(b.markup)}</figure>`);
      } else {
        out.push(`<h3>${e(b.title)}</h3>`);
        out.push(
          `<p class="caption">${e(counts(t(EXPORT_TEXTS.firstRows), { n: f.int(b.rows.length), total: f.int(b.total) }))}${
            b.hiddenColumns ? ` · ${e(counts(t(EXPORT_TEXTS.moreColumns), { n: f.int(b.hiddenColumns) }))}` : ''
          }</p>`,
        );
        out.push('<table class="t" data-report="table"><thead><tr>');
        for (const c of b.columns) out.push(`<th>${e(c)}</th>`);
        out.push('</tr></thead><tbody>');
        for (const r of b.rows) out.push(`<tr>${r.map((v) => `<td>${e(v)}</td>`).join('')}</tr>`);
        out.push('</tbody></table>');
      }
    }
  }
  out.push('</main></body></html>');
  return out.join('\n');
}
