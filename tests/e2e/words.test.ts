/**
 * Words and wiring an analyst meets first: the "Personas" output of Segment profiles connects to
 * the persona cards and renders them; numbers and node messages follow the interface language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, hasChromium, mouseDrag, openPage, shot, startApp, waitState } from './browser';

let app: App;

describe.skipIf(!hasChromium)('words and wiring in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('connects profile.personas to the persona cards, which render them; the Vietnamese page formats its numbers', async () => {
    const { page, errors } = await openPage(app, '?fresh');
    const edges = await page.locator('.react-flow__edge').count();
    await mouseDrag(page, '[data-testid="handle-profile-out-personas"]', '[data-testid="handle-personas-in-personas"]');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
    expect(await page.locator('[data-testid="toast"]').count()).toBe(0);

    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="run"]');
    await waitState(page, 'personas', 'done');
    await page.click('[data-testid="node-personas"]');
    await page.waitForSelector('[data-testid="persona-card"]');
    expect(await page.locator('[data-testid="persona-card"]').count()).toBe(5);
    // Numbers in Vietnamese: decimal commas, shares as percentages, ratios in "lần", never "×".
    const cards = (await page.locator('[data-testid="persona-card"]').allTextContents()).join(' ');
    expect(cards).toMatch(/\d+%/);
    expect(cards).toMatch(/\d,\d/);
    expect(cards).toMatch(/\d lần/);
    expect(cards).not.toMatch(/×/);
    await shot(page, 'words-personas-vi');
    expect(errors).toEqual([]);
  });
});
