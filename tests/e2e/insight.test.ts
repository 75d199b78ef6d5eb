/**
 * Insight views in real Chromium: a real messy export (Live.csv) runs from the editor through
 * dedupe → time → encode → scale → Ward → profile; the dendrogram, the customer-journey map and the
 * Sankey of journey paths render. Screenshots are saved for people to look at.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, fitCanvas, hasChromium, openPage, ROOT, shot, startApp, waitState as waitStateIn } from './browser';
import { sharedData } from '../helpers/shared-data';

const waitState = (page: Page, id: string, state: string) => waitStateIn(page, id, state, 120_000);

let app: App;
const live = sharedData('fb_live_sellers_thailand/Live.csv');
const LIVE = live.path('fb_live_sellers_thailand/Live.csv');

async function showPort(page: Page, node: string, port: string) {
  await fitCanvas(page); // a flow opens at a readable zoom: bring every node into view first
  await page.click(`[data-testid="node-${node}"] .af-node-head`);
  const tab = page.locator(`[data-testid="port-tab-${port}"]`);
  if (await tab.count()) await tab.click();
}

describe.skipIf(!hasChromium)('insight views in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it.skipIf(!live.available)(
    'runs Live.csv from the editor without manual fixing and leaves 6,997 rows; the dendrogram renders',
    async () => {
      const { page, errors, external } = await openPage(app, '?fresh&template=none');
      const csv = readFileSync(LIVE).toString('base64');
      const dt = await page.evaluateHandle((b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const d = new DataTransfer();
        d.items.add(new File([bytes], 'Live.csv', { type: 'text/csv' }));
        return d;
      }, csv);
      await page.dispatchEvent('[data-testid="canvas"]', 'drop', { dataTransfer: dt, clientX: 500, clientY: 300 });
      await page.waitForSelector('[data-testid="node-file"]');
      // Open the flow that reads the dropped file by name.
      await page.setInputFiles('[data-testid="open-file"]', path.join(ROOT, 'tests/fixtures/live-sellers.flow.json'));
      // Dropping the file was an edit, so opening a flow asks first; the file itself stays loaded.
      await page.click('[data-testid="replace-replace"]');
      await page.waitForSelector('[data-testid="node-ward"]');
      await page.click('[data-testid="run"]');
      await waitState(page, 'profile', 'done');
      expect(await page.locator('[data-testid="status-dedupe"]').textContent()).toMatch(/6,997 rows/);
      expect(await page.locator('[data-testid="status-posts"]').textContent()).toMatch(/7,050 rows/);
      await showPort(page, 'ward', 'dendrogram');
      await page.waitForSelector('[data-testid="chart"][data-chart="dendrogram"]');
      await shot(page, 'insight-live-dendrogram');
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await page.context().close();
    },
  );

  it('runs the customer-journey template and draws the journey map and the Sankey of paths', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=customer-journey');
    await page.click('[data-testid="run"]');
    await waitState(page, 'paths', 'done');
    await waitState(page, 'map', 'done');
    await showPort(page, 'map', 'map');
    await page.waitForSelector('[data-testid="chart"][data-chart="journey"]');
    const text = await page.locator('[data-testid="chart"][data-chart="journey"]').textContent();
    expect(text).toMatch(/Consideration|consideration/);
    await shot(page, 'insight-journey-map');
    await showPort(page, 'paths', 'sankey');
    await page.waitForSelector('[data-testid="chart"][data-chart="sankey"][data-ready="yes"]');
    await shot(page, 'insight-journey-sankey');
    await showPort(page, 'paths', 'funnel_chart');
    await page.waitForSelector('[data-testid="chart"][data-chart="funnel"][data-ready="yes"]');
    await shot(page, 'insight-journey-funnel');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the segment scores, the PCA map of fans, and sentiment bars and heatmap', async () => {
    const { page, errors } = await openPage(app, '?fresh');
    await page.click('[data-testid="run"]');
    await waitState(page, 'kmeans', 'done');
    await showPort(page, 'kmeans', 'scores');
    await page.waitForSelector('[data-testid="chart"][data-chart="line"][data-ready="yes"]');
    await shot(page, 'insight-kmeans-scores');

    await page.goto(`${app.url}?fresh&template=fan-segments`);
    await page.click('[data-testid="run"]');
    await waitState(page, 'fanmap', 'done');
    await showPort(page, 'fanmap', 'chart');
    await page.waitForSelector('[data-testid="chart"][data-chart="scatter"][data-ready="yes"]');
    await shot(page, 'insight-fan-map');

    await page.goto(`${app.url}?fresh&template=sentiment-by-channel`);
    await page.click('[data-testid="run"]');
    await waitState(page, 'topicmood', 'done');
    await showPort(page, 'topicmood', 'chart');
    await page.waitForSelector('[data-testid="chart"][data-chart="heatmap"][data-ready="yes"]');
    await shot(page, 'insight-topic-mood');
    await showPort(page, 'moodbar', 'chart');
    await page.waitForSelector('[data-testid="chart"][data-chart="bar"][data-ready="yes"]');
    await shot(page, 'insight-mood-by-channel');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
