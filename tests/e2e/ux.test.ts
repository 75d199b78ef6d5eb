/**
 * The rough edges a new user meets, in real headless Chromium at 1440 × 900, in English and
 * Vietnamese: every toolbar glyph is inline SVG (a Chromium without an emoji font drew ⏭ and ⏹ as
 * empty boxes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, fitCanvas, hasChromium, openPage, shot, startApp, waitState } from './browser';

let app: App;

/** Characters that need a symbol or emoji font: arrows, technical symbols, shapes, dingbats, emoji. */
const SYMBOL = /[\u2190-\u21FF\u2300-\u23FF\u25A0-\u25FF\u2600-\u27BF\u2B00-\u2BFF\u{1F300}-\u{1FAFF}]/u;
const BUTTONS = ['run', 'step', 'replay', 'present', 'undo', 'redo', 'add-note', 'add-frame', 'auto-layout', 'share'];

describe.skipIf(!hasChromium)('toolbar glyphs in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

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

  it('opens a template at a zoom where titles and notes read at 12 px or more, the start of the flow in view', async () => {
    const { page } = await openPage(app, '?fresh', { fitAll: false });
    await page.waitForTimeout(400); // the first view is set 50 ms after the flow is drawn
    const sizes = await page.evaluate(() => {
      const zoom = (el: Element) => el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight;
      const px = (sel: string) => [...document.querySelectorAll(sel)].map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom(el));
      return { titles: px('.af-node-title'), notes: px('.af-note') };
    });
    expect(sizes.titles.length).toBeGreaterThan(3);
    expect(Math.min(...sizes.titles)).toBeGreaterThanOrEqual(11.9);
    if (sizes.notes.length) expect(Math.min(...sizes.notes)).toBeGreaterThanOrEqual(11.9);
    // The flow's first node (leftmost) is inside the canvas; the minimap is there for the rest.
    const canvas = (await page.locator('[data-testid="canvas"]').boundingBox())!;
    const first = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.react-flow__node-flow')].map((n) => n.getBoundingClientRect());
      const left = boxes.reduce((a, b) => (b.x < a.x ? b : a));
      return { x: left.x, y: left.y, right: left.right, bottom: left.bottom };
    });
    expect(first.x).toBeGreaterThanOrEqual(canvas.x);
    expect(first.right).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(first.y).toBeGreaterThanOrEqual(canvas.y);
    expect(first.bottom).toBeLessThanOrEqual(canvas.y + canvas.height);
    expect(await page.locator('.react-flow__minimap').isVisible()).toBe(true);
    await shot(page, 'ux-first-view');

    // Double-clicking a palette node places it in view, near the selected node, and selects it.
    await page.click('[data-testid="node-features"] .af-node-head');
    const before = await page.locator('.react-flow__node-flow').count();
    await page.dblclick('[data-testid="palette-view.table"]');
    await expect.poll(() => page.locator('.react-flow__node-flow').count()).toBe(before + 1);
    const added = page.locator('.react-flow__node-flow.selected');
    expect(await added.count()).toBe(1);
    expect(await added.locator('[data-testid^="node-"]').getAttribute('data-testid')).toMatch(/^node-table/);
    const nb = (await added.boundingBox())!;
    expect(nb.x).toBeGreaterThanOrEqual(canvas.x);
    expect(nb.x + nb.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(nb.y).toBeGreaterThanOrEqual(canvas.y);
    expect(nb.y + nb.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    const sel = (await page.locator('[data-testid="node-features"]').boundingBox())!;
    expect(Math.hypot(nb.x - sel.x, nb.y - sel.y)).toBeLessThan(400); // near the selection
    expect(await page.locator('.af-inspector').textContent()).toMatch(/View table|Xem bảng/);
    await shot(page, 'ux-palette-dblclick');
  });

  it('resizes the data panel by its top edge, maximises it, and remembers the size after a reload', async () => {
    const { page, errors } = await openPage(app);
    const height = async () => (await page.locator('.af-data').boundingBox())!.height;
    const h0 = await height();
    const bar = (await page.locator('[data-testid="data-resize"]').boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2, bar.y - 100, { steps: 5 });
    await page.mouse.move(bar.x + bar.width / 2, bar.y - 200, { steps: 5 });
    await page.mouse.up();
    const h1 = await height();
    expect(h1).toBeGreaterThan(h0 + 180);
    expect(h1).toBeLessThan(h0 + 220);
    await page.click('[data-testid="data-maximize"]');
    await expect.poll(height).toBeGreaterThan(650);
    await shot(page, 'ux-data-maximised');
    await page.click('[data-testid="data-maximize"]');
    await expect.poll(height).toBeCloseTo(h1, 0);
    await page.reload();
    await page.waitForSelector('[data-testid="canvas"] .react-flow__renderer');
    expect(Math.abs((await height()) - h1)).toBeLessThan(2);
    // The keyboard works too.
    await page.focus('[data-testid="data-resize"]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(height).toBeLessThan(h1 - 15);
    expect(errors).toEqual([]);
  });

  it('draws sentiment red–grey–green in bars and heatmaps, with no colour scale over the labels', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=sentiment-by-channel');
    await page.click('[data-testid="run"]');
    await waitState(page, 'topicmood', 'done');
    await waitState(page, 'moodbar', 'done');
    await fitCanvas(page); // the charts are at the right end of the flow
    for (const id of ['topicmood', 'moodbar']) {
      await page.click(`[data-testid="node-${id}"] .af-node-head`);
      await page.waitForSelector('[data-testid="chart"][data-ready="yes"]');
      await page.waitForTimeout(300);
      await shot(page, `ux-chart-${id}`);
    }
    // The journey map's stage × sentiment heatmap.
    await page.goto(app.url + '?fresh&template=customer-journey');
    await page.waitForSelector('[data-testid="node-map"]');
    await page.click('[data-testid="run"]');
    await waitState(page, 'map', 'done');
    await page.evaluate(() => (document.querySelector('.react-flow__controls-fitview') as HTMLElement | null)?.click());
    await page.click('[data-testid="node-map"] .af-node-head');
    await page.click('[data-testid="port-tab-heatmap"]');
    await page.waitForSelector('[data-testid="chart"][data-ready="yes"]');
    await page.waitForTimeout(300);
    await shot(page, 'ux-chart-journey-heatmap');
    expect(errors).toEqual([]);
  });

  it('shows info, warning and error messages in three colours with icons, under the ports, two lines at most', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=customer-journey');
    await page.click('[data-testid="run"]');
    await waitState(page, 'map', 'done');
    await fitCanvas(page);
    // "Kept N of M rows" is information; its node shows it in blue with the info icon.
    const info = page.locator('[data-testid="node-comments"] [data-level="info"]');
    await expect.poll(() => info.count()).toBeGreaterThan(0);
    expect(await info.first().textContent()).toMatch(/Kept [\d,]+ of [\d,]+ rows/);
    expect(await info.first().locator('svg[data-icon="info"]').count()).toBe(1);
    expect(await info.first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(29, 78, 216)'); // blue, not the warnings' amber
    // Every message of every node starts below that node's last port label and takes two lines at most.
    const layout = await page.evaluate(() =>
      [...document.querySelectorAll('.af-node')].map((node) => {
        const ports = [...node.querySelectorAll('.af-port')].map((p) => p.getBoundingClientRect().bottom);
        const notes = [...node.querySelectorAll('.af-node-note-text')].map((n) => {
          const r = n.getBoundingClientRect();
          const line = parseFloat(getComputedStyle(n).lineHeight) * (r.height / (n as HTMLElement).offsetHeight || 1);
          return { top: r.top, lines: Math.round(r.height / line) };
        });
        return { lastPort: Math.max(0, ...ports), notes };
      }),
    );
    for (const n of layout)
      for (const note of n.notes) {
        expect(note.top).toBeGreaterThanOrEqual(n.lastPort - 1);
        expect(note.lines).toBeLessThanOrEqual(2);
      }
    // The full text is in the inspector, with the same level.
    await page.click('[data-testid="node-comments"] .af-node-head');
    expect(await page.locator('[data-testid="inspector-messages"] [data-level="info"]').textContent()).toMatch(
      /Kept [\d,]+ of [\d,]+ rows/,
    );
    await shot(page, 'ux-message-levels');
    expect(errors).toEqual([]);
  });
});
