/**
 * The rough edges a new user meets, in real headless Chromium at 1440 × 900, in English and
 * Vietnamese: every toolbar glyph is inline SVG (a Chromium without an emoji font drew ⏭ and ⏹ as
 * empty boxes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, hasChromium, openPage, shot, startApp } from './browser';

let app: App;

/** Characters that need a symbol or emoji font: arrows, technical symbols, shapes, dingbats, emoji. */
const SYMBOL = /[\u2190-\u21FF\u2300-\u23FF\u25A0-\u25FF\u2600-\u27BF\u2B00-\u2BFF\u{1F300}-\u{1FAFF}]/u;
const BUTTONS = ['run', 'step', 'replay', 'present', 'undo', 'redo', 'add-note', 'add-frame', 'auto-layout', 'share'];

describe.skipIf(!hasChromium)('toolbar glyphs in Chromium', () => {
  beforeAll(async () => { app = await startApp(); });
  afterAll(async () => { await app?.close(); });

  it('draws every toolbar glyph as inline SVG, with no symbol-font characters, in both languages', async () => {
    const { page, external, errors } = await openPage(app);
    for (const lang of ['en', 'vi']) {
      for (const id of BUTTONS) {
        const button = page.locator(`[data-testid="${id}"]`);
        expect(await button.locator('svg[data-icon]').count(), `${id} has an SVG icon`).toBe(1);
        const box = await button.locator('svg[data-icon]').boundingBox();
        expect(box && box.width >= 10 && box.height >= 10, `${id} icon is drawn at text size`).toBe(true);
        expect(await button.textContent(), `${id} has no symbol-font character`).not.toMatch(SYMBOL);
      }
      const toolbar = await page.locator('.af-toolbar').textContent();
      expect(toolbar).not.toMatch(SYMBOL);
      await shot(page, `ux-toolbar-icons-${lang}`);
      if (lang === 'en') await page.click('[data-testid="lang"]');
    }
    expect(await page.locator('[data-testid="run"]').textContent()).toMatch(/Chạy/);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
