/**
 * Export in real Chromium, as an analyst does it: run a template, show a chart or the persona
 * cards, press "Save as picture (PNG)" / "Save as drawing (SVG)" and "Download report", and check
 * the downloaded files — a real PNG of the size drawn, an SVG that parses and holds the persona
 * names, and a one-page HTML report with the charts, persona cards and messages that loads nothing
 * (opened in Chromium with every request recorded). Screenshots in English and Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { ARTIFACTS, type App, fitCanvas, hasChromium, openPage, ROOT, shot, startApp, waitState } from './browser';

let app: App;

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download failed: ${await download.failure()}`);
  return readFileSync(file);
}

/** Width and height from a PNG's IHDR chunk, after checking its 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="${testId}"]`)]);
  return { name: d.suggestedFilename(), bytes: await bytesOf(d) };
}

async function show(page: Page, node: string, port?: string) {
  await fitCanvas(page);
  await page.click(`[data-testid="node-${node}"] .af-node-head`);
  if (port) {
    const tab = page.locator(`[data-testid="port-tab-${port}"]`);
    if (await tab.count()) await tab.click();
  }
}

/** Whether the text parses as an SVG document in the browser, and what it holds. */
const parseSvg = (page: Page, svg: string) =>
  page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      text: root.textContent ?? '',
      shapes: doc.querySelectorAll('path, rect, text, circle').length,
    };
  }, svg);

describe.skipIf(!hasChromium)('export of charts, persona cards and the run report in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('saves the persona cards and an ECharts chart as PNG and SVG, in English and Vietnamese', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=audience-segmentation');
    await page.click('[data-testid="run"]');
    await waitState(page, 'personas', 'done');
    await show(page, 'personas');
    await page.waitForSelector('[data-testid="persona-card"]');
    const names = await page.locator('[data-testid="persona-card"] h5').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="export-png"]').textContent()).toMatch(/Save as picture \(PNG\)/);
    expect(await page.locator('[data-testid="export-svg"]').textContent()).toMatch(/SVG/);
    await shot(page, 'export-personas-en');
    // Every button of the data panel header fits on its line.
    const fits = () => page.locator('[data-testid="data-panel"] .af-data-head').evaluate((h) => h.scrollWidth <= h.clientWidth);
    expect(await fits()).toBe(true);

    const png = await download(page, 'export-png');
    expect(png.name).toMatch(/^Audience-segmentation-personas-chart\.png$/);
    const size = pngSize(png.bytes);
    const cards = await page.locator('[data-testid="personas"]').boundingBox();
    // Drawn at twice the size shown, with an 8 px white margin.
    expect(size.width).toBe(2 * (Math.ceil(cards!.width) + 16));
    expect(size.height).toBeGreaterThanOrEqual(2 * (Math.floor(cards!.height) + 16));
    expect(png.bytes.length).toBeGreaterThan(20_000);
    writeFileSync(path.join(ARTIFACTS, 'export-personas.png'), png.bytes);

    const svg = await download(page, 'export-svg');
    expect(svg.name).toMatch(/\.svg$/);
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    for (const n of names) expect(parsed.text).toContain(n);
    writeFileSync(path.join(ARTIFACTS, 'export-personas.svg'), svg.bytes);

    // An ECharts chart: the lift of each feature per segment.
    await show(page, 'profile', 'lift');
    await page.waitForSelector('[data-testid="chart"][data-ready="yes"]');
    const chartBox = await page.locator('[data-testid="chart"]').boundingBox();
    const lift = await download(page, 'export-png');
    const liftSize = pngSize(lift.bytes);
    expect(liftSize.width).toBe(2 * Math.round(chartBox!.width));
    expect(lift.bytes.length).toBeGreaterThan(10_000);
    const liftSvg = await download(page, 'export-svg');
    const liftParsed = await parseSvg(page, liftSvg.bytes.toString('utf8'));
    expect(liftParsed.error).toBeNull();
    expect(liftParsed.shapes).toBeGreaterThan(20);
    expect(liftParsed.width).toBe(Math.round(chartBox!.width));
    writeFileSync(path.join(ARTIFACTS, 'export-lift.svg'), liftSvg.bytes);

    // The same buttons in Vietnamese.
    await page.click('[data-testid="lang"]');
    await show(page, 'personas');
    await page.waitForSelector('[data-testid="persona-card"]');
    expect(await page.locator('[data-testid="export-png"]').textContent()).toMatch(/Lưu thành ảnh \(PNG\)/);
    expect(await page.locator('[data-testid="download-report"]').textContent()).toMatch(/Tải báo cáo/);
    await shot(page, 'export-personas-vi');
    expect(await fits()).toBe(true);
    const vi = await download(page, 'export-svg');
    const viParsed = await parseSvg(page, vi.bytes.toString('utf8'));
    expect(viParsed.error).toBeNull();
    expect(viParsed.text).toMatch(/Phân khúc/);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('downloads a one-page report that shows the run and loads nothing when opened', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=audience-segmentation');
    // Before a run the button says what to do.
    await page.click('[data-testid="download-report"]');
    await page.waitForSelector('[data-testid="toast"]');
    expect(await page.locator('[data-testid="toast"]').textContent()).toMatch(/Run the flow first/);
    await page.click('[data-testid="run"]');
    await waitState(page, 'personas', 'done');
    await show(page, 'personas');
    const names = await page.locator('[data-testid="persona-card"] h5').allTextContents();
    const warnings = await page.locator('.af-node-note').allTextContents();

    const report = await download(page, 'download-report');
    expect(report.name).toBe('Audience-segmentation-report.html');
    const html = report.bytes.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1 data-report="name">Audience segmentation</h1>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    // No address of any kind, no script.
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<link|<iframe|@import|src=/i);
    for (const n of names) expect(html).toContain(n.replace(/&/g, '&amp;'));
    // The flow's picture, the lift chart (ECharts SVG), the segment scores and the persona cards.
    expect(html).toMatch(/data-report="flow"><svg/);
    const charts = [...html.matchAll(/data-report="chart" data-chart="(\w+)"/g)].map((m) => m[1]);
    expect(charts).toContain('personas');
    expect(charts.length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(/data-report="table"/);
    expect(html).toMatch(/data-report="steps"/);
    writeFileSync(path.join(ARTIFACTS, 'export-report-en.html'), html);

    // Open the report in Chromium as a file, with every request recorded.
    const viewer = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const view = await viewer.newPage();
    const requests: string[] = [];
    view.on('request', (r) => requests.push(r.url()));
    const file = path.join(ARTIFACTS, 'export-report-en.html');
    await view.goto(`file://${file}`);
    await view.waitForLoadState('load');
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(await view.locator('[data-report="chart"] svg').count()).toBeGreaterThanOrEqual(2);
    expect(await view.locator('h5').allTextContents()).toEqual(names);
    const steps = await view.locator('[data-report="steps"] tbody tr').count();
    expect(steps).toBe(8);
    if (warnings.length) expect(await view.locator('[data-report="messages"] li').count()).toBeGreaterThan(0);
    await view.screenshot({ path: path.join(ARTIFACTS, 'export-report-en.png') });
    await view.screenshot({ path: path.join(ARTIFACTS, 'export-report-en-full.png'), fullPage: true });
    await viewer.close();

    // In Vietnamese.
    await page.click('[data-testid="lang"]');
    const vi = await download(page, 'download-report');
    const viHtml = vi.bytes.toString('utf8');
    expect(viHtml).toMatch(/<html lang="vi">/);
    expect(viHtml).toContain('Báo cáo lần chạy');
    expect(viHtml).not.toMatch(/https?:/i);
    writeFileSync(path.join(ARTIFACTS, 'export-report-vi.html'), viHtml);
    const viewerVi = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const viewVi = await viewerVi.newPage();
    await viewVi.goto(`file://${path.join(ARTIFACTS, 'export-report-vi.html')}`);
    await viewVi.screenshot({ path: path.join(ARTIFACTS, 'export-report-vi-full.png'), fullPage: true });
    await viewerVi.close();
    await shot(page, 'export-toolbar-vi');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
  it('saves the journey map and the Sankey of paths, and puts both in the report', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=customer-journey');
    await page.click('[data-testid="run"]');
    await waitState(page, 'map', 'done');
    await waitState(page, 'paths', 'done');
    await show(page, 'map', 'map');
    await page.waitForSelector('[data-testid="chart"][data-chart="journey"]');
    const stages = await page.locator('[data-testid^="journey-stage-"] > div:first-child > div:first-child').allTextContents();
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const png = await download(page, 'export-png');
    const size = pngSize(png.bytes);
    expect(size.width).toBeGreaterThan(1000);
    writeFileSync(path.join(ARTIFACTS, 'export-journey.png'), png.bytes);
    const svg = await download(page, 'export-svg');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    for (const s of stages) expect(parsed.text).toContain(s);

    await show(page, 'paths', 'sankey');
    await page.waitForSelector('[data-testid="chart"][data-chart="sankey"][data-ready="yes"]');
    const sankey = await download(page, 'export-svg');
    const sankeyParsed = await parseSvg(page, sankey.bytes.toString('utf8'));
    expect(sankeyParsed.error).toBeNull();
    expect(sankeyParsed.shapes).toBeGreaterThan(10);
    for (const s of stages.slice(0, 2)) expect(sankeyParsed.text).toContain(s);
    const sankeyPng = pngSize((await download(page, 'export-png')).bytes);
    expect(sankeyPng.height).toBeGreaterThan(200);
    await shot(page, 'export-sankey-en');

    const report = (await download(page, 'download-report')).bytes.toString('utf8');
    expect(report).not.toMatch(/https?:|<script/i);
    const charts = [...report.matchAll(/data-report="chart" data-chart="(\w+)"/g)].map((m) => m[1]);
    expect(charts).toEqual(expect.arrayContaining(['journey', 'sankey', 'funnel']));
    for (const s of stages) expect(report).toContain(s);
    const file = path.join(ARTIFACTS, 'export-report-journey.html');
    writeFileSync(file, report);
    const viewer = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const view = await viewer.newPage();
    const requests: string[] = [];
    view.on('request', (r) => requests.push(r.url()));
    await view.goto(`file://${file}`);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await view.screenshot({ path: path.join(ARTIFACTS, 'export-report-journey-full.png'), fullPage: true });
    await viewer.close();

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
  it('saves the dendrogram as its own SVG drawing (no HTML inside) and as PNG', async () => {
    // The segmentation template with Ward's hierarchical clustering in place of k-means.
    const flow = JSON.parse(readFileSync(path.join(ROOT, 'templates/audience-segmentation.flow.json'), 'utf8'));
    const node = flow.nodes.find((n: { id: string }) => n.id === 'kmeans');
    node.type = 'cluster.hierarchical';
    node.label = 'Ward segments';
    node.params = { linkage: 'ward', k: 4, columns: node.params.columns };
    const file = path.join(ARTIFACTS, 'export-ward.flow.json');
    writeFileSync(file, JSON.stringify(flow));
    const { page, errors, external } = await openPage(app, '?fresh&template=none');
    await page.setInputFiles('[data-testid="open-file"]', file);
    await page.waitForSelector('[data-testid="node-kmeans"]');
    await page.click('[data-testid="run"]');
    await waitState(page, 'kmeans', 'done');
    await show(page, 'kmeans', 'dendrogram');
    await page.waitForSelector('[data-testid="dendrogram"]');
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8');
    expect(svg).not.toContain('foreignObject');
    const parsed = await parseSvg(page, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.width).toBe(760);
    const title = (await page.locator('[data-testid="dendrogram"] h4').textContent()) ?? '';
    expect(title.length).toBeGreaterThan(3);
    expect(parsed.text.startsWith(title)).toBe(true);
    writeFileSync(path.join(ARTIFACTS, 'export-dendrogram.svg'), svg);
    expect(parsed.shapes).toBeGreaterThan(10);
    const pngBytes = (await download(page, 'export-png')).bytes;
    writeFileSync(path.join(ARTIFACTS, 'export-dendrogram.png'), pngBytes);
    const png = pngSize(pngBytes);
    expect(png).toEqual({ width: 1520, height: 2 * (320 + 24) });
    await shot(page, 'export-dendrogram-en');
    const report = (await download(page, 'download-report')).bytes.toString('utf8');
    expect(report).toMatch(/data-chart="dendrogram"><div[^>]*><h4[\s\S]*?<svg/);
    expect(report).toContain('Ward segments');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
  it('puts the trained model (its figures, without its buttons) and the ROC curve in the report', { timeout: 300_000 }, async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=who-will-buy');
    await page.click('[data-testid="run"]');
    await waitState(page, 'personas', 'done', 180_000);
    const report = (await download(page, 'download-report')).bytes.toString('utf8');
    expect(report).not.toMatch(/https?:|<script|<button/i);
    const charts = [...report.matchAll(/data-report="chart" data-chart="(\w+)"/g)].map((m) => m[1]);
    expect(charts).toEqual(expect.arrayContaining(['model', 'roc', 'calibration', 'personas']));
    expect(report).toMatch(/Predicts[\s\S]{0,400}purchased = true/);
    expect(report).toContain('AUC (0.5 = guessing, 1 = perfect)');
    expect(report).not.toContain('Download model');
    const file = path.join(ARTIFACTS, 'export-report-model.html');
    writeFileSync(file, report);
    const viewer = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const view = await viewer.newPage();
    const requests: string[] = [];
    view.on('request', (r) => requests.push(r.url()));
    await view.goto(`file://${file}`);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await view.locator('[data-chart="model"]').first().scrollIntoViewIfNeeded();
    await view.screenshot({ path: path.join(ARTIFACTS, 'export-report-model.png') });
    await viewer.close();
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
