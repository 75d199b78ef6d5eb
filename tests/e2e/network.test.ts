/**
 * The network and trend charts in real Chromium: the Influencers template runs in the worker and
 * its graph draws people coloured by community; the Trending topics template draws its line with
 * the spikes shaded. In English and Vietnamese; screenshots are saved for people to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, fitCanvas, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;

async function showPort(page: Page, node: string, port: string) {
  await fitCanvas(page);
  await page.click(`[data-testid="node-${node}"] .af-node-head`);
  const tab = page.locator(`[data-testid="port-tab-${port}"]`);
  if (await tab.count()) await tab.click();
}

/** Pixels of the chart's canvas by colour: how many are drawn in each of the palette's first colours. */
const paletteCounts = (page: Page, chart: string) =>
  page.evaluate((kind) => {
    const canvas = document.querySelector(`[data-testid="chart"][data-chart="${kind}"] canvas`) as HTMLCanvasElement | null;
    if (!canvas) return [] as number[];
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const palette = ['#2563eb', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#ec4899'].map((h) =>
      [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)),
    );
    const counts = palette.map(() => 0);
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] < 250) continue;
      palette.forEach((c, k) => {
        if (Math.abs(data[p] - c[0]) + Math.abs(data[p + 1] - c[1]) + Math.abs(data[p + 2] - c[2]) < 24) counts[k]++;
      });
    }
    return counts;
  }, chart);

describe.skipIf(!hasChromium)('network and trend charts in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs the Influencers template and draws the network, coloured by community, in English and Vietnamese', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=influencers');
    await page.click('[data-testid="run"]');
    await waitState(page, 'network', 'done', 180_000);
    await waitState(page, 'influencers', 'done', 180_000);
    await showPort(page, 'network', 'graph');
    await page.waitForSelector('[data-testid="chart"][data-chart="network"][data-ready="yes"]');
    await page.waitForTimeout(300);
    const counts = await paletteCounts(page, 'network');
    // People of at least three communities are drawn, each in its own colour.
    expect(counts.filter((c) => c > 30).length).toBeGreaterThanOrEqual(3);
    await shot(page, 'network-influencers-en');
    await page.click('[data-testid="lang"]');
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="run"]').textContent()).toMatch(/Chạy/);
    expect((await paletteCounts(page, 'network')).filter((c) => c > 30).length).toBeGreaterThanOrEqual(3);
    await shot(page, 'network-influencers-vi');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('runs the Trending topics template and draws the trend with its spikes shaded', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=trending');
    await page.click('[data-testid="run"]');
    await waitState(page, 'trend', 'done', 180_000);
    await showPort(page, 'trend', 'chart');
    await page.waitForSelector('[data-testid="chart"][data-chart="trend"][data-ready="yes"]');
    await page.waitForTimeout(300);
    const counts = await paletteCounts(page, 'trend');
    expect(counts[0]).toBeGreaterThan(200); // the volume line
    await shot(page, 'trend-trending-en');
    await page.click('[data-testid="lang"]');
    await page.waitForTimeout(500);
    await shot(page, 'trend-trending-vi');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
