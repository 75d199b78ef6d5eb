/**
 * The editor as an analyst uses it, in real headless Chromium: the template is on the canvas,
 * a node is dragged from the palette and connected, a parameter is changed, the flow runs and the
 * `segment` column is read in the data panel; a refused connection says why; a dropped CSV is
 * ingested and survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, dropFile, hasChromium, mouseDrag, openPage, shot, startApp, waitState } from './browser';

let app: App;

const state = (page: Page, id: string) => page.getAttribute(`[data-testid="node-${id}"]`, 'data-state');

describe.skipIf(!hasChromium)('editor in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens with the segmentation template, builds on it, runs and shows segments', async () => {
    const { page, external, errors } = await openPage(app);
    // The template is on the canvas, nothing has run yet.
    for (const id of ['sample', 'features', 'scale', 'kmeans', 'segments']) expect(await state(page, id)).toBe('idle');

    // Drag a "Table view" node from the palette onto the empty part of the canvas.
    const canvas = (await page.locator('[data-testid="canvas"]').boundingBox())!;
    await page.locator('[data-testid="palette-search"]').fill('table');
    await page.dragAndDrop('[data-testid="palette-view.table"]', '[data-testid="canvas"]', {
      targetPosition: { x: canvas.width * 0.45, y: canvas.height - 90 },
    });
    await page.waitForSelector('[data-testid="node-table"]');

    // Connect kmeans.out → table.in with the mouse.
    await mouseDrag(page, '[data-testid="handle-kmeans-out-out"]', '[data-testid="handle-table-in-in"]');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(9);

    // A connection that would close a loop is refused, and the reason is shown.
    await mouseDrag(page, '[data-testid="handle-table-out-out"]', '[data-testid="handle-features-in-in"]');
    await expect.poll(() => page.locator('[data-testid="toast"]').textContent()).toMatch(/loop \(a cycle\)/);
    expect(await page.locator('.react-flow__edge').count()).toBe(9);

    // Change a parameter in the inspector: sort the table by segment.
    await page.click('[data-testid="node-table"]');
    await page.locator('[data-testid="field-limit"] input').fill('500');

    await page.click('[data-testid="run"]');
    await waitState(page, 'table', 'done');
    await waitState(page, 'kmeans', 'done');
    expect(await page.locator('[data-testid="status-table"]').textContent()).toMatch(/500 rows/);

    // The data panel shows the table with its segment column.
    await page.click('[data-testid="node-table"]');
    await page.waitForSelector('[data-testid="data-table"] [role="columnheader"]');
    // `segment` is the last column: scroll the table to the right, as a user would.
    await page.locator('[data-testid="data-table"]').evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await page.waitForSelector('[data-testid="data-table"] [role="columnheader"][data-col="segment"]');
    const segments = await page.locator('[data-testid="data-table"] [role="gridcell"][data-col="segment"]').allTextContents();
    expect(segments.length).toBeGreaterThan(5);
    for (const s of segments) expect(s).toMatch(/^[0-4]$/);
    expect(await page.locator('[data-testid="data-size"]').textContent()).toMatch(/^500 rows/);
    await shot(page, 'editor-segments');

    // The persona cards of the template's profile step render in the data panel.
    await waitState(page, 'personas', 'done');
    await page.click('[data-testid="node-personas"]');
    await page.waitForSelector('[data-testid="persona-card"]');
    expect(await page.locator('[data-testid="persona-card"]').count()).toBe(5);
    await shot(page, 'editor-personas');

    // Change k: only kmeans and what follows it run again; the rest is served from the cache.
    await page.click('[data-testid="node-kmeans"]');
    await page.locator('[data-testid="field-k"] input[type="number"]').fill('3');
    expect(await state(page, 'kmeans')).toBe('stale');
    expect(await state(page, 'scale')).toBe('done');
    await page.click('[data-testid="run"]');
    await waitState(page, 'table', 'done');
    expect(await page.locator('[data-testid="status-scale"]').textContent()).toMatch(/cached/);
    expect(await page.locator('[data-testid="status-kmeans"]').textContent()).not.toMatch(/cached/);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('ingests a dropped CSV, explains a bad one on the node, and keeps both after a reload', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=none');
    const drop = (name: string, content: string, x: number, y: number) => dropFile(page, name, content, x, y);
    await drop('fans.csv', 'user,city,likes\nan,Hà Nội,3\nbình,Đà Nẵng,5\n', 500, 200);
    await page.waitForSelector('[data-testid="node-file"]');
    await drop('broken.csv', 'a,b\n1,2\n3,"oops\n', 500, 450);
    await page.waitForSelector('[data-testid="node-file2"]');
    await page.click('[data-testid="run"]');
    await waitState(page, 'file', 'done');
    await waitState(page, 'file2', 'error');
    expect(await page.locator('[data-testid="node-file2"] [role="alert"]').textContent()).toMatch(/quote/i);
    await page.click('[data-testid="node-file"]');
    await page.waitForSelector('[data-testid="data-table"] [role="gridcell"][data-col="city"]');
    expect(await page.locator('[data-testid="data-table"] [role="gridcell"][data-col="city"]').allTextContents()).toEqual([
      'Hà Nội',
      'Đà Nẵng',
    ]);
    await shot(page, 'editor-dropped-csv');

    // Reload: the flow and the dropped file are still there, and it runs again.
    await page.waitForTimeout(800);
    await page.goto(page.url().replace('?fresh&template=none', ''));
    await page.waitForSelector('[data-testid="node-file"]');
    await page.click('[data-testid="run"]');
    await waitState(page, 'file', 'done');
    expect(await page.locator('[data-testid="status-file"]').textContent()).toMatch(/2 rows/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches the interface to Vietnamese', async () => {
    const { page } = await openPage(app);
    await page.click('[data-testid="lang"]');
    expect(await page.locator('[data-testid="run"]').textContent()).toMatch(/Chạy/);
    expect(await page.locator('[data-testid="palette-cluster.kmeans"]').textContent()).toMatch(/Phân khúc|phân khúc|K-means/i);
    await shot(page, 'editor-vietnamese');
    await page.context().close();
  });
});
