/**
 * Work is never lost or misread, in real headless Chromium: deleting a connected node undoes in one
 * step (connections included); opening a flow over unsaved edits asks first; a flow with problems
 * shows them all on its nodes when it opens; a share link says which files it needs; trainer mode's
 * panel is docked beside the canvas and never covers the node it explains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;

const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();

describe.skipIf(!hasChromium)('editor safety in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('deleting a node with three connections undoes in one step, redo deletes it again, and the flow runs', async () => {
    const { page, errors } = await openPage(app);
    await page.waitForSelector('[data-testid="node-kmeans"]');
    const before = await edgeCount(page);
    expect(before).toBe(8);
    await page.click('[data-testid="node-kmeans"] .af-node-title');
    await page.keyboard.press('Delete');
    await page.waitForSelector('[data-testid="node-kmeans"]', { state: 'detached' });
    expect(await edgeCount(page)).toBe(before - 3);

    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="node-kmeans"]');
    await expect.poll(() => edgeCount(page)).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForSelector('[data-testid="node-kmeans"]', { state: 'detached' });
    expect(await edgeCount(page)).toBe(before - 3);
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="node-kmeans"]');
    expect(await edgeCount(page)).toBe(before);

    // Two selected nodes (kmeans and profile: five connections between them and the rest).
    await page.click('[data-testid="node-kmeans"] .af-node-title');
    await page.click('[data-testid="node-profile"] .af-node-title', { modifiers: ['Shift'] });
    await page.keyboard.press('Delete');
    await page.waitForSelector('[data-testid="node-profile"]', { state: 'detached' });
    expect(await edgeCount(page)).toBe(before - 5);
    await page.keyboard.press('Control+z');
    await expect.poll(() => edgeCount(page)).toBe(before);
    await page.keyboard.press('Control+y');
    await expect.poll(() => edgeCount(page)).toBe(before - 5);
    await page.click('[data-testid="undo"]');
    await expect.poll(() => edgeCount(page)).toBe(before);

    await page.click('[data-testid="run"]');
    await waitState(page, 'personas', 'done');
    expect(await page.locator('.af-state-error').count()).toBe(0);
    await shot(page, 'safety-undo-delete');
    await page.click('[data-testid="lang"]');
    await shot(page, 'safety-undo-delete-vi');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
