/**
 * Settings forms in real Chromium: options that do not apply to the chosen mode are hidden (and
 * kept), column checkbox lists filter by text or a pattern and select all / none, and the
 * inspector names a node as the canvas does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;

describe.skipIf(!hasChromium)('settings forms in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('hides what does not apply, filters columns by a pattern, and names nodes as the canvas does', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=audience-segmentation');
    await page.click('[data-testid="run"]');
    await waitState(page, 'kmeans', 'done');

    // k-means: the range to try appears only with "auto"; the silhouette switch only for a fixed k.
    await page.click('[data-testid="node-kmeans"] .af-node-title');
    expect(await page.textContent('[data-testid="inspector-title"]')).toContain('Find segments');
    expect(await page.textContent('[data-testid="inspector"]')).toContain('K-means segments');
    expect(await page.locator('[data-testid="field-kMin"]').count()).toBe(0);
    expect(await page.locator('[data-testid="field-silhouette"]').count()).toBe(1);
    await page.locator('[data-testid="field-k"] input[type="checkbox"]').check();
    await page.waitForSelector('[data-testid="field-kMin"]');
    expect(await page.locator('[data-testid="field-kMax"]').count()).toBe(1);
    expect(await page.locator('[data-testid="field-silhouette"]').count()).toBe(0);
    await shot(page, 'settings-kmeans-auto');

    // Missing values (the template fills with the median): "Fill with" only while filling; going
    // back to filling shows the choice kept.
    await page.click('[data-testid="node-missing"] .af-node-title');
    expect(await page.inputValue('#param-fill')).toBe('median');
    await page.selectOption('#param-strategy', 'drop');
    expect(await page.locator('[data-testid="field-fill"]').count()).toBe(0);
    expect(await page.locator('[data-testid="field-value"]').count()).toBe(0);
    await page.selectOption('#param-strategy', 'fill');
    expect(await page.inputValue('#param-fill')).toBe('median');
    expect(await page.locator('[data-testid="field-value"]').count()).toBe(0);
    await page.selectOption('#param-fill', 'constant');
    await page.waitForSelector('[data-testid="field-value"]');

    // The scale node's columns: a pattern picks the matching ones, "None" clears them.
    await page.click('[data-testid="node-scale"] .af-node-title');
    const box = page.locator('[data-testid="field-columns"]');
    await box.locator('[data-testid="none-columns"]').click();
    expect(await box.locator('[data-testid="count-columns"]').textContent()).toMatch(/^0 of \d+ chosen/);
    await box.locator('[data-testid="filter-columns"]').fill('share_*');
    const shown = await box.locator('.af-columns label').allTextContents();
    expect(shown.length).toBeGreaterThan(1);
    for (const s of shown) expect(s.trim()).toMatch(/^share_/);
    await box.locator('[data-testid="all-columns"]').click();
    expect(await box.locator('.af-columns input:checked').count()).toBe(shown.length);
    expect(await box.locator('[data-testid="count-columns"]').textContent()).toMatch(new RegExp(`^${shown.length} of \\d+ chosen`));
    await shot(page, 'settings-columns-pattern');
    await box.locator('[data-testid="none-columns"]').click();
    expect(await box.locator('.af-columns input:checked').count()).toBe(0);

    // Vietnamese: the same forms in Vietnamese.
    await page.locator('[data-testid="node-scale"] .af-node-title').click();
    await page.click('[data-testid="lang"]');
    await page.waitForTimeout(200);
    await shot(page, 'settings-columns-vi');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
