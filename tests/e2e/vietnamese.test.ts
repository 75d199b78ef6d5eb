/**
 * The Vietnamese page in real Chromium: port names on the nodes and in the data panel's tabs,
 * "Dùng mẫu" and "tự động" on one line, the trainer panel's numbers in Vietnamese digits, and the
 * journey heatmap's stages (also `none`) in Vietnamese. Screenshots in both languages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, fitCanvas, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;

/** How many lines the text of an element takes (the line boxes of its text, not of a checkbox beside it). */
const lines = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const tops = new Set<number>();
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        if (!t.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size;
    });

const portTexts = (page: Page, id: string) => page.locator(`[data-testid="node-${id}"] .af-port span`).allTextContents();

describe.skipIf(!hasChromium)('the Vietnamese page in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('names ports in Vietnamese, keeps "Dùng mẫu" and "tự động" on one line, and the trainer counts in Vietnamese digits', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=audience-segmentation');
    expect(await portTexts(page, 'kmeans')).toEqual(['in', 'out', 'segments', 'scores']);
    await page.click('[data-testid="lang"]');
    expect(await portTexts(page, 'kmeans')).toEqual(['vào', 'ra', 'phân khúc', 'điểm']);
    // The full title is the tooltip.
    expect(await page.locator('[data-testid="node-kmeans"] .af-port-out span').nth(2).getAttribute('title')).toBe('Điểm theo số phân khúc');

    // "tự động" next to a number never wraps, even in the narrow inspector.
    await page.click('[data-testid="node-kmeans"] .af-node-title');
    await page.waitForSelector('[data-testid="auto-k"]');
    expect(await page.textContent('[data-testid="auto-k"]')).toContain('tự động');
    expect(await lines(page, '[data-testid="auto-k"]')).toBe(1);

    // Trainer: the step's rows in Vietnamese digits.
    await page.click('[data-testid="step"]');
    await page.waitForSelector('[data-testid="trainer-rows"]', { timeout: 60_000 });
    const rows = await page.textContent('[data-testid="trainer-rows"]');
    expect(rows).toMatch(/^Số dòng đã nạp: \d{1,3}(\.\d{3})+$/);
    expect(await page.textContent('[data-testid="trainer-step"]')).toMatch(/^Bước 1 \/ \d+$/);
    await shot(page, 'vi-trainer-ports');
    await page.locator('.af-explain-close').click();

    // The gallery's "Dùng mẫu" buttons: one line each.
    await page.click('[data-testid="gallery-open"], [data-testid="templates"]');
    await page.waitForSelector('[data-testid^="gallery-use-"]');
    const buttons = await page.locator('[data-testid^="gallery-use-"]').count();
    expect(buttons).toBeGreaterThan(3);
    for (let i = 0; i < buttons; i++) {
      const sel = `[data-testid^="gallery-use-"] >> nth=${i}`;
      expect(await page.locator(sel).textContent()).toBe('Dùng mẫu');
      expect(await lines(page, sel)).toBe(1);
    }
    await shot(page, 'vi-gallery');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the journey heatmap with Vietnamese stage and sentiment names, and names the data panel tabs in Vietnamese', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=customer-journey');
    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="run"]');
    await waitState(page, 'map', 'done');
    await fitCanvas(page);
    await page.click('[data-testid="node-map"] .af-node-head');
    expect(await page.textContent('[data-testid="port-tab-heatmap"]')).toBe('bản đồ nhiệt');
    expect(await page.textContent('[data-testid="port-tab-out"]')).toBe('ra');
    await page.click('[data-testid="port-tab-heatmap"]');
    await page.waitForSelector('[data-testid="chart"][data-ready="yes"]');
    await page.waitForTimeout(300);
    await shot(page, 'vi-journey-heatmap');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
