/**
 * Chart layout and words in real Chromium (issue 11 item 17): the k-means scores chart names its
 * axes beside them (not under the title), and the lift and stage × sentiment heatmaps show their
 * rows and columns in Vietnamese in the Vietnamese UI. Screenshots at 1440×900 in EN and VI.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, fitCanvas, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;

async function show(page: Page, node: string, port?: string) {
  await fitCanvas(page);
  await page.click(`[data-testid="node-${node}"] .af-node-head`);
  if (port) {
    const tab = page.locator(`[data-testid="port-tab-${port}"]`);
    if (await tab.count()) await tab.click();
  }
  await page.waitForSelector('[data-testid="chart"][data-ready="yes"]');
}

/** The words of the shown chart, from its SVG drawing (the same option drawn by the SVG renderer). */
async function words(page: Page): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="export-svg"]')]);
  const file = await d.path();
  const svg = readFileSync(file!, 'utf8');
  return page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.textContent ?? '', svg);
}

describe.skipIf(!hasChromium)('chart layout and words in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('k-means scores and the lift heatmap, in English and Vietnamese', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=audience-segmentation');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click('[data-testid="run"]');
    await waitState(page, 'personas', 'done');
    await show(page, 'kmeans', 'scores');
    await shot(page, 'charts-kmeans-en');
    expect(await words(page)).toMatch(/Inertia/);
    await show(page, 'profile', 'lift');
    await shot(page, 'charts-lift-en');
    const liftEn = await words(page);
    await page.click('[data-testid="lang"]');
    await show(page, 'kmeans', 'scores');
    await shot(page, 'charts-kmeans-vi');
    expect(await words(page)).toMatch(/Quán tính/);
    await show(page, 'profile', 'lift');
    await shot(page, 'charts-lift-vi');
    const liftVi = await words(page);
    // The same numbers, other row names: the personas' Vietnamese names.
    expect(liftVi).not.toBe(liftEn);
    expect(liftVi).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửựỳỷỹ]/);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('the stage × sentiment heatmap speaks Vietnamese', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=customer-journey');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click('[data-testid="run"]');
    await waitState(page, 'map', 'done');
    await show(page, 'map', 'heatmap');
    await shot(page, 'charts-stage-sentiment-en');
    const en = await words(page);
    expect(en).toMatch(/Purchase/);
    expect(en).toMatch(/negative/);
    await page.click('[data-testid="lang"]');
    await show(page, 'map', 'heatmap');
    await shot(page, 'charts-stage-sentiment-vi');
    const vi = await words(page);
    expect(vi).toMatch(/Mua hàng/);
    expect(vi).toMatch(/tiêu cực/);
    expect(vi).not.toMatch(/negative|Purchase/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
