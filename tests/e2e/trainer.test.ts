/**
 * Teams and trainers, in real headless Chromium: the template gallery on first start (in English
 * and Vietnamese), a template with fill-in inputs opened and run; trainer mode stepping node by node
 * with the explanation panel; a replay from the cache; presentation mode.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, ROOT, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;
/** The number of nodes (= steps) of the segmentation template, which others may extend. */
const STEPS = (JSON.parse(readFileSync(path.join(ROOT, 'templates', 'audience-segmentation.flow.json'), 'utf8')) as { nodes: unknown[] })
  .nodes.length;
/** The number of step notes of the fan-segments template, as its gallery card should say. */
const FAN_NOTES = (JSON.parse(readFileSync(path.join(ROOT, 'templates', 'fan-segments.flow.json'), 'utf8')) as { notes: unknown[] }).notes
  .length;

const text = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).textContent();

describe.skipIf(!hasChromium)('templates and trainer mode in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the gallery on first start, in both languages; a template with inputs opens and runs', async () => {
    const { page, external, errors } = await openPage(app, '');
    await page.waitForSelector('[data-testid="gallery"]');
    const cards = page.locator('[data-testid^="gallery-card-"]');
    expect(await cards.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-testid="gallery-card-audience-segmentation"] svg rect').count()).toBe(STEPS);
    expect(await text(page, 'gallery-card-fan-segments')).toMatch(new RegExp(`Fan segments.*${FAN_NOTES} step notes`, 's'));
    await shot(page, 'trainer-gallery');

    // The language switch translates the gallery.
    await page.click('[data-testid="lang"]');
    expect(await page.locator('#af-gallery-title').textContent()).toBe('Bắt đầu từ một mẫu');
    expect(await text(page, 'gallery-card-fan-segments')).toMatch(/Phân nhóm người hâm mộ.*ghi chú từng bước/s);
    await shot(page, 'trainer-gallery-vi');
    await page.click('[data-testid="lang"]');

    // Use → the fill-in form → a copy with 3 segments, which runs.
    await page.click('[data-testid="gallery-use-fan-segments"]');
    await page.locator('[data-testid="input-segments"] input').fill('3');
    await page.click('[data-testid="inputs-open"]');
    await page.waitForSelector('[data-testid="gallery"]', { state: 'detached' });
    await page.waitForSelector('[data-testid="node-sizes"]');
    await page.click('[data-testid="run"]');
    await waitState(page, 'sizes', 'done');
    expect(await text(page, 'status-sizes')).toMatch(/^done3 rows/);
    expect(await page.locator('.react-flow__node-note').count()).toBe(FAN_NOTES);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('steps node by node with an explanation, replays from the cache, presents', async () => {
    const { page, errors } = await openPage(app);
    expect(await page.locator('[data-testid="gallery"]').count()).toBe(0);

    await page.click('[data-testid="step"]');
    await waitState(page, 'sample', 'done');
    await page.waitForSelector('[data-testid="trainer-panel"] [data-testid="trainer-rows"]');
    expect(await text(page, 'trainer-step')).toBe(`Step 1 of ${STEPS}`);
    expect(await text(page, 'trainer-rows')).toBe('Rows loaded: 20,000');
    expect(await page.getAttribute('[data-testid="node-sample"]', 'class')).toMatch(/af-step-current/);
    expect(await page.getAttribute('[data-testid="node-features"]', 'data-state')).toBe('idle');

    await page.click('[data-testid="step"]');
    await waitState(page, 'features', 'done');
    await expect.poll(() => text(page, 'trainer-step')).toBe(`Step 2 of ${STEPS}`);
    await expect.poll(() => text(page, 'trainer-rows')).toMatch(/^Rows: 20,000 in → 1,\d{3} out$/);
    expect(await text(page, 'trainer-added')).toMatch(/interactions.*share_comment/);
    expect(await text(page, 'trainer-removed')).toMatch(/timestamp/);
    await page.waitForSelector('[data-testid="trainer-after"] tbody tr');
    expect(await page.locator('[data-testid="trainer-before"] tbody tr').count()).toBe(5);
    expect(await page.locator('[data-testid="trainer-after"] tbody tr').count()).toBe(5);
    expect(await page.getAttribute('[data-testid="node-sample"]', 'class')).not.toMatch(/af-step-current/);
    expect(await page.getAttribute('[data-testid="node-features"]', 'class')).toMatch(/af-step-current/);
    await shot(page, 'trainer-step');

    // The panel follows the language.
    await page.click('[data-testid="lang"]');
    expect(await text(page, 'trainer-panel')).toMatch(/Bước 2 \/ \d+.*Bước này làm gì.*Số dòng: vào 20.000/s);
    await shot(page, 'trainer-step-vi');
    await page.click('[data-testid="lang"]');

    // A full run, then a replay: every step comes from the cache.
    await page.click('[data-testid="run"]');
    await waitState(page, 'segments', 'done');
    await expect.poll(() => page.locator('[data-testid="run"]').count(), { timeout: 90_000 }).toBe(1);
    await page.click('[data-testid="replay"]');
    await page.waitForSelector('[data-testid="replay-stop"]');
    await page.waitForSelector('[data-testid="replay"]', { timeout: 60_000 });
    expect(await text(page, 'trainer-step')).toBe(`Step ${STEPS} of ${STEPS}`);
    for (const id of ['sample', 'features', 'missing', 'scale', 'kmeans', 'segments'])
      expect(await text(page, `status-${id}`)).toMatch(/cached/);
    expect(await text(page, 'trainer-cached')).toMatch(/nothing was recomputed/);

    // Presentation mode: panels hidden, the step's note as a large caption; Esc leaves.
    await page.click('[data-testid="step"]');
    await expect.poll(() => text(page, 'trainer-step')).toBe(`Step 1 of ${STEPS}`);
    await page.click('[data-testid="present"]');
    expect(await page.locator('[data-testid="palette-search"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="data-panel"]').isVisible()).toBe(false);
    expect(await text(page, 'present-note')).toMatch(/^Step 1 — Load/);
    const size = await page.locator('[data-testid="present-note"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(22);
    await shot(page, 'trainer-present');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="present-note"]', { state: 'detached' });
    expect(await page.locator('[data-testid="palette-search"]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
