/**
 * The inspector's generic editors and the export/tidy tools as an analyst uses them, in real
 * headless Chromium: the filter's conditions, the journey lexicon table, downloading an
 * export.file as CSV, and "Tidy up" (auto-layout).
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, dropFile, hasChromium, mouseDrag, openPage, shot, startApp, waitState } from './browser';

let app: App;

const state = (page: Page, id: string) => page.getAttribute(`[data-testid="node-${id}"]`, 'data-state');
/** The row count a node's status line shows, e.g. "12,345 rows · 80 ms" → 12345. */
const rowsOf = async (page: Page, id: string) => {
  const text = (await page.locator(`[data-testid="status-${id}"]`).textContent()) ?? '';
  const m = /([\d,.\s]+)\s*rows/.exec(text);
  if (!m) throw new Error(`no row count in status of ${id}: "${text}"`);
  return Number(m[1].replace(/[^\d]/g, ''));
};
/** Screen boxes of the flow nodes on the canvas. */
const boxes = (page: Page, kind = 'flow') =>
  page.locator(`.react-flow__node-${kind}`).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: el.getAttribute('data-id') ?? '',
        transform: (el as HTMLElement).style.transform,
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
      };
    }),
  );

describe.skipIf(!hasChromium)('inspector editors, download and tidy up in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('edits the filter conditions: adds language = vi, runs, and only Vietnamese comments remain', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=customer-journey');
    await page.click('[data-testid="run"]');
    await waitState(page, 'comments', 'done');
    const before = await rowsOf(page, 'comments');
    expect(before).toBeGreaterThan(0);

    await page.click('[data-testid="node-comments"]');
    const row0 = page.locator('[data-testid="field-conditions"] [data-testid="condition-0"]');
    expect(await row0.locator('[aria-label="column"]').inputValue()).toBe('type');
    expect(await row0.locator('[aria-label="operator"]').inputValue()).toBe('=');
    expect(await row0.locator('[aria-label="value"]').inputValue()).toBe('comment');

    // Add a second condition: language = vi.
    await page.locator('[data-testid="field-conditions"] button', { hasText: /add/i }).click();
    const row1 = page.locator('[data-testid="field-conditions"] [data-testid="condition-1"]');
    await row1.waitFor();
    await row1.locator('[aria-label="column"]').selectOption('language');
    await row1.locator('[aria-label="operator"]').selectOption('=');
    await row1.locator('[aria-label="value"]').fill('vi');
    expect(await state(page, 'comments')).toBe('stale');
    await shot(page, 'forms-conditions');

    await page.click('[data-testid="run"]');
    await waitState(page, 'comments', 'done');
    const after = await rowsOf(page, 'comments');
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);

    await page.click('[data-testid="node-comments"]');
    await page.waitForSelector('[data-testid="data-table"] [role="columnheader"]');
    await expect
      .poll(() => page.locator('[data-testid="data-size"]').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`^${after.toLocaleString('en-US')} rows`));
    const lang = page.locator('[data-testid="data-table"] [role="gridcell"][data-col="language"]');
    const type = page.locator('[data-testid="data-table"] [role="gridcell"][data-col="type"]');
    // The columns may be off to the right: scroll until both are drawn.
    await page.locator('[data-testid="data-table"]').evaluate((el) => {
      el.scrollLeft = 0;
    });
    for (let x = 0; (await lang.count()) === 0 && x < 20; x++) {
      await page.locator('[data-testid="data-table"]').evaluate((el) => {
        el.scrollLeft += 300;
      });
      await page.waitForTimeout(50);
    }
    const langs = await lang.allTextContents();
    expect(langs.length).toBeGreaterThan(5);
    for (const l of langs) expect(l).toBe('vi');
    if ((await type.count()) > 0) for (const tt of await type.allTextContents()) expect(tt).toBe('comment');

    // Removing the new condition brings the count back.
    await page.click('[data-testid="node-comments"]');
    await row1.locator('button[aria-label="remove"]').click();
    expect(await page.locator('[data-testid="field-conditions"] [data-testid^="condition-"]').count()).toBe(1);
    await page.click('[data-testid="run"]');
    await waitState(page, 'comments', 'done');
    expect(await rowsOf(page, 'comments')).toBe(before);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('edits the journey lexicon: adds a phrase, removes one, the node turns stale and runs', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=customer-journey');
    await page.click('[data-testid="run"]');
    await waitState(page, 'stage', 'done', 120_000);

    await page.click('[data-testid="node-stage"]');
    const editor = page.locator('[data-testid="inspector"] .af-rows').first();
    await editor.waitFor();
    const rows = editor.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    const counter = async () => {
      const m = /(\d+)\/(\d+)/.exec((await editor.locator('small').first().textContent()) ?? '');
      return m ? Number(m[2]) : NaN;
    };
    const total = await counter();
    expect(total).toBeGreaterThan(3);
    await editor.scrollIntoViewIfNeeded();
    await shot(page, 'forms-lexicon');

    // Add a row and fill it in: stage, phrase, weight.
    await editor.locator('button', { hasText: /add/i }).click();
    await expect.poll(counter).toBe(total + 1);
    const first = rows.first();
    const stageSelect = first.locator('select[aria-label="Stage"]');
    const options = await stageSelect.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(1);
    expect(options).toContain('churn');
    await stageSelect.selectOption('churn');
    await first.locator('input[type="text"]').first().fill('hủy đơn hàng');
    await first.locator('input[type="number"]').first().fill('3');
    expect(await state(page, 'stage')).toBe('stale');
    expect(await stageSelect.inputValue()).toBe('churn');
    expect(await first.locator('input[type="text"]').first().inputValue()).toBe('hủy đơn hàng');
    expect(await first.locator('input[type="number"]').first().inputValue()).toBe('3');

    // Filter finds it; remove another row.
    await editor.locator('[aria-label="filter"]').fill('hủy đơn hàng');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    await editor.locator('[aria-label="filter"]').fill('');
    await rows.nth(1).locator('button[aria-label="remove"]').click();
    await expect.poll(counter).toBe(total);
    await rows.first().scrollIntoViewIfNeeded();
    await shot(page, 'forms-lexicon-edited');

    await page.click('[data-testid="run"]');
    await waitState(page, 'stage', 'done', 120_000);
    expect(await rowsOf(page, 'stage')).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="node-stage"] [role="alert"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('downloads an export.file as CSV (header, Vietnamese intact, formulas escaped), then as Parquet, Arrow and JSON', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=none');
    await dropFile(page, 'fans.csv', 'user,city,note\nan,Hà Nội,=SUM(A1)\nbình,Đà Nẵng,"Tuyệt vời, cảm ơn"\n', 400, 250);
    await page.waitForSelector('[data-testid="node-file"]');
    const canvas = (await page.locator('[data-testid="canvas"]').boundingBox())!;
    await page.locator('[data-testid="palette-search"]').fill('export');
    await page.dragAndDrop('[data-testid="palette-export.file"]', '[data-testid="canvas"]', {
      targetPosition: { x: canvas.width * 0.7, y: canvas.height * 0.6 },
    });
    await page.waitForSelector('[data-testid="node-file2"]');
    await mouseDrag(page, '[data-testid="handle-file-out-out"]', '[data-testid="handle-file2-in-in"]');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    await page.click('[data-testid="run"]');
    await waitState(page, 'file2', 'done');
    // Two nodes fill the view, zoomed in: fit the view so the minimap does not cover them.
    await page.click('.react-flow__controls-fitview');
    await page.waitForTimeout(300);
    await page.click('[data-testid="node-file2"] .af-node-head');
    await page.waitForSelector('[data-testid="download-export"]');
    await shot(page, 'forms-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-export"]')]);
    expect(download.suggestedFilename()).toBe('audience.csv');
    const file = await download.path();
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toBe('user,city,note');
    expect(text).toContain('Hà Nội');
    expect(text).toContain('Đà Nẵng');
    expect(text).toContain('"Tuyệt vời, cảm ơn"');
    // The formula is not left as a formula: no cell starts with "=".
    expect(text).not.toMatch(/(^|,)"?=SUM/m);
    expect(text).toContain('SUM(A1)');

    // The same table as Parquet, Arrow and JSON: each file reads back (with independent readers)
    // to the same rows, Vietnamese intact, and is named for its format.
    const expected = [
      { user: 'an', city: 'Hà Nội', note: '=SUM(A1)' },
      { user: 'bình', city: 'Đà Nẵng', note: 'Tuyệt vời, cảm ơn' },
    ];
    for (const format of ['parquet', 'arrow', 'json'] as const) {
      await page.locator('[data-testid="field-format"] select').selectOption(format);
      await page.click('[data-testid="run"]');
      await waitState(page, 'file2', 'done');
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-export"]')]);
      expect(dl.suggestedFilename()).toBe(`audience.${format}`);
      const bytes = readFileSync(await dl.path());
      let rows: Record<string, unknown>[];
      if (format === 'parquet') {
        const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        rows = await parquetReadObjects({ file: buffer });
      } else if (format === 'arrow')
        rows = tableFromIPC(bytes)
          .toArray()
          .map((r) => ({ ...r.toJSON() }));
      else rows = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>[];
      // Only CSV is opened by spreadsheets, so only CSV escapes formulas; the others keep the text as it is.
      expect(rows, format).toEqual(expected);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tidies up: nodes move and none overlaps another', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=customer-journey');
    const before = await boxes(page);
    expect(before.length).toBeGreaterThan(3);
    await page.click('[data-testid="auto-layout"]');
    await expect.poll(async () => (await boxes(page)).map((b) => b.transform).join('|')).not.toBe(before.map((b) => b.transform).join('|'));
    await page.waitForTimeout(300);
    const after = await boxes(page);
    expect(after.length).toBe(before.length);
    for (let i = 0; i < after.length; i++) {
      for (let j = i + 1; j < after.length; j++) {
        const [a, b] = [after[i], after[j]];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
    // The flow reads left to right, and the template's notes moved with their nodes instead of covering them.
    const x = (id: string) => after.find((b) => b.id === id)!.x;
    expect(x('sample')).toBeLessThan(x('comments'));
    expect(x('stage')).toBeLessThan(x('map'));
    const notes = await boxes(page, 'note');
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) {
      for (const b of after) {
        const overlap = n.x < b.x + b.w && b.x < n.x + n.w && n.y < b.y + b.h && b.y < n.y + n.h;
        expect(overlap, `note ${n.id} covers ${b.id}`).toBe(false);
      }
    }
    await shot(page, 'forms-tidy');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
