/**
 * Prediction models in Chromium: the Who will buy template runs, its model shows as a readable
 * summary in the data panel (EN and VI) with the ROC and calibration charts; Download model saves
 * a .model.json that, dropped back on the canvas, becomes a Load step giving the same model; a
 * foreign file dropped as a model is refused on its node with the reason.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, dropFile, fitCanvas, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;

async function showPort(page: Page, node: string, port: string) {
  await fitCanvas(page);
  await page.click(`[data-testid="node-${node}"] .af-node-head`);
  const tab = page.locator(`[data-testid="port-tab-${port}"]`);
  if (await tab.count()) await tab.click();
}

const nodeIds = (page: Page) =>
  page.$$eval('[data-testid^="node-"][data-state]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)));

describe.skipIf(!hasChromium)('prediction models in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the trained model as a summary, draws ROC and calibration, and loads a downloaded model back', {
    timeout: 300_000,
  }, async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=who-will-buy');
    await page.click('[data-testid="run"]');
    await waitState(page, 'personas', 'done', 180_000);
    await showPort(page, 'train', 'model');
    const summary = page.locator('[data-testid="model-summary"]');
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toMatch(/Predicts\s*purchased = true/);
    expect(text).toMatch(/logistic regression/);
    expect(text).toMatch(/audience-flow\/logistic v1/);
    expect(text).toMatch(/AUC \(0\.5 = guessing, 1 = perfect\)/);
    expect(await page.locator('[data-testid="model-signals"] tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid="model-weights"] tbody tr').count()).toBe(8);
    await shot(page, 'model-summary-en');

    await showPort(page, 'train', 'roc');
    await page.waitForSelector('[data-testid="chart"][data-chart="roc"][data-ready="yes"]');
    await shot(page, 'model-roc-en');
    await showPort(page, 'train', 'calibration');
    await page.waitForSelector('[data-testid="chart"][data-chart="calibration"][data-ready="yes"]');
    await shot(page, 'model-calibration-en');
    await showPort(page, 'train', 'bars');
    await page.waitForSelector('[data-testid="chart"][data-chart="bar"][data-ready="yes"]');
    await shot(page, 'model-importance-en');

    await page.click('[data-testid="lang"]');
    await showPort(page, 'train', 'model');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Dự đoán\s*purchased = true/);
    expect(await summary.textContent()).toMatch(/hồi quy logistic/);
    await shot(page, 'model-summary-vi');
    await showPort(page, 'train', 'roc');
    await page.waitForSelector('[data-testid="chart"][data-chart="roc"][data-ready="yes"]');
    await shot(page, 'model-roc-vi');
    await page.click('[data-testid="lang"]');

    // Download the model, then drop the file back: a Load step that gives the same model.
    await showPort(page, 'train', 'model');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-model"]')]);
    expect(download.suggestedFilename()).toBe('purchased-logistic.model.json');
    const saved = readFileSync((await download.path())!, 'utf8');
    const model = JSON.parse(saved) as { kind: string; format: string; features: string[] };
    expect(model.kind).toBe('model');
    expect(model.features).toHaveLength(8);
    const before = new Set(await nodeIds(page));
    await dropFile(page, 'purchased-logistic.model.json', saved, 300, 700);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="node-"][data-state]').length > n, before.size);
    const loaded = (await nodeIds(page)).find((id) => !before.has(id))!;
    expect(await page.locator(`[data-testid="node-${loaded}"]`).textContent()).toMatch(/Load a prediction model/);
    // A foreign file dropped as a model: a node that says why it cannot be read.
    const before2 = new Set(await nodeIds(page));
    await dropFile(page, 'not-really.model.json', '{"schema": "audience-flow/workflow@2", "nodes": []}', 300, 820);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="node-"][data-state]').length > n, before2.size);
    const foreign = (await nodeIds(page)).find((id) => !before2.has(id))!;
    await page.click('[data-testid="run"]');
    await waitState(page, loaded, 'done');
    await waitState(page, foreign, 'error');
    expect(await page.locator(`[data-testid="node-${foreign}"]`).textContent()).toMatch(/not a model of Audience Flow/);
    await fitCanvas(page);
    await page.click(`[data-testid="node-${loaded}"] .af-node-head`);
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Predicts\s*purchased = true/);
    await shot(page, 'model-loaded-en');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
