/**
 * The preview before the first Run, in real Chromium: a dropped CSV, Parquet or JSON file is read
 * by the worker (its header and first rows), so the column pickers of the steps after it — also
 * two steps down — list its columns with their types, and the data panel shows the first rows
 * marked as a preview, all without pressing Run. After a Run the run's columns take over.
 */
import { tableFromArrays } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBytes } from '../../src/core/io/write';
import { type App, dropFile, hasChromium, mouseDrag, openPage, shot, startApp, waitState } from './browser';

let app: App;

/** A customers file like the marketing-campaign export: ids, money, a text date, a category. */
function customersCsv(rows: number): string {
  const lines = ['ID,Year_Birth,Education,Income,Dt_Customer,MntWines,MntFruits,MntMeatProducts,NumWebPurchases'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      [
        5524 + i,
        1950 + (i % 40),
        ['Graduation', 'PhD', 'Master'][i % 3],
        30000 + ((i * 7919) % 60000),
        `${day}-${month}-2013`,
        (i * 37) % 1400,
        (i * 13) % 200,
        (i * 53) % 1700,
        i % 11,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Drops a binary file (Parquet) on the canvas at (x, y). */
async function dropBytes(page: Page, name: string, bytes: Uint8Array, x: number, y: number): Promise<void> {
  const dt = await page.evaluateHandle(
    ([n, b64]) => {
      const raw = atob(b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const d = new DataTransfer();
      d.items.add(new File([data], n, { type: 'application/octet-stream' }));
      return d;
    },
    [name, Buffer.from(bytes).toString('base64')],
  );
  await page.dispatchEvent('[data-testid="canvas"]', 'drop', { dataTransfer: dt, clientX: x, clientY: y });
}

const nodeStates = (page: Page) =>
  page.locator('.react-flow__node [data-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));

describe.skipIf(!hasChromium)('preview before the first Run in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a dropped CSV gives its columns (with types) to the pickers two steps down and a preview of its first rows, before any Run', async () => {
    const { page, errors, external } = await openPage(app, '?fresh&template=none', { fitAll: false });
    await dropFile(page, 'customers.csv', customersCsv(1500), 420, 260);
    await page.waitForSelector('[data-testid="node-file"]');

    // Two steps after it, added from the palette (double-click adds next to the selection) and connected.
    await page.locator('[data-testid="palette-search"]').fill('select');
    await page.dblclick('[data-testid="palette-clean.select"]');
    await page.waitForSelector('[data-testid="node-select"]');
    await mouseDrag(page, '[data-testid="handle-file-out-out"]', '[data-testid="handle-select-in-in"]');
    await page.locator('[data-testid="palette-search"]').fill('time');
    await page.dblclick('[data-testid="palette-feature.time"]');
    await page.waitForSelector('[data-testid="node-time"]');
    await mouseDrag(page, '[data-testid="handle-select-out-out"]', '[data-testid="handle-time-in-in"]');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    // Select columns: the file's columns, each with its type, without a Run.
    await page.click('[data-testid="node-select"] .af-node-title');
    const box = page.locator('[data-testid="field-columns"]');
    await box.locator('.af-columns label').first().waitFor({ timeout: 20_000 });
    const labels = (await box.locator('.af-columns label').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(labels).toEqual([
      'ID number',
      'Year_Birth number',
      'Education text',
      'Income number',
      'Dt_Customer date',
      'MntWines number',
      'MntFruits number',
      'MntMeatProducts number',
      'NumWebPurchases number',
    ]);
    expect(await page.textContent('[data-testid="inspector-preview-hint"]')).toContain('first 200 rows');
    // The Mnt* pattern picks from them as after a run.
    await box.locator('[data-testid="filter-columns"]').fill('Mnt*');
    await box.locator('[data-testid="all-columns"]').click();
    await box.locator('[data-testid="filter-columns"]').fill('');
    await box.locator('.af-columns label', { hasText: 'Dt_Customer' }).locator('input').check();
    expect(await box.locator('[data-testid="count-columns"]').textContent()).toMatch(/^4 of 9 chosen/);

    // Its data panel: the first rows of the chosen columns, marked as a preview.
    await page.waitForSelector('[data-testid="preview-badge"]');
    await page.waitForSelector('[data-testid="data-table"] [role="columnheader"][data-col="MntWines"]');
    await expect.poll(() => page.locator('[data-testid="data-size"]').textContent()).toMatch(/^200 rows × 4 columns/);
    expect(await page.locator('[data-testid="data-table"] [role="columnheader"][data-col="Income"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="preview-note"]')).toMatch(/first 200 rows of the file/);

    // Two steps down: the time step's date picker lists Dt_Customer first, as a date — from the select's output.
    await page.click('[data-testid="node-time"] .af-node-title');
    await expect.poll(() => page.locator('#param-column option').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const options = await page.locator('#param-column option').allTextContents();
    expect(options).toEqual(['—', 'Dt_Customer (date)', 'MntWines (number)', 'MntFruits (number)', 'MntMeatProducts (number)']);
    await page.selectOption('#param-column', 'Dt_Customer');
    // …and its preview has the columns it adds.
    await page.waitForSelector('[data-testid="data-table"] [role="columnheader"]', { timeout: 20_000 });
    await page.locator('[data-testid="data-table"]').evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await page.waitForSelector('[data-testid="data-table"] [role="columnheader"][data-col="Dt_Customer_weekday"]', { timeout: 20_000 });

    // Nothing has run: every node is still "not run".
    expect(new Set(await nodeStates(page))).toEqual(new Set(['idle']));
    // The column summaries of the preview arrive, and the spinner goes (also when the last one comes after the answer "all done").
    await expect.poll(() => page.locator('[data-testid="summaries-computing"]').count(), { timeout: 30_000 }).toBe(0);
    await shot(page, 'preview-before-run-en');

    // In Vietnamese: the types are Vietnamese words too.
    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="node-select"] .af-node-title');
    const vi = (await box.locator('.af-columns label').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(vi).toContain('Education văn bản');
    expect(vi).toContain('Dt_Customer ngày');
    expect(vi).toContain('ID số');
    expect(await page.textContent('[data-testid="inspector-preview-hint"]')).toContain('200 dòng đầu');
    expect(await page.textContent('[data-testid="preview-badge"]')).toBe('Xem trước');
    await shot(page, 'preview-before-run-vi');
    await page.click('[data-testid="lang"]');

    // After a Run, the run's results take over: no preview mark, every row.
    await page.click('[data-testid="run"]');
    await waitState(page, 'time', 'done');
    await page.click('[data-testid="node-select"] .af-node-title');
    await expect.poll(() => page.locator('[data-testid="data-size"]').textContent()).toMatch(/^1,500 rows × 4 columns/);
    expect(await page.locator('[data-testid="preview-badge"]').count()).toBe(0);
    expect(await page.locator('[data-testid="inspector-preview-hint"]').count()).toBe(0);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it('a dropped Parquet and a JSON file show their columns and first rows before any Run', async () => {
    const { page, errors } = await openPage(app, '?fresh&template=none', { fitAll: false });
    const n = 500;
    const table = tableFromArrays({
      user_id: Float64Array.from({ length: n }, (_, i) => i + 1),
      channel: Array.from({ length: n }, (_, i) => ['web', 'store', 'app'][i % 3]),
      spend: Float64Array.from({ length: n }, (_, i) => (i * 17) % 300),
    });
    const parquet = await exportBytes(table, 'parquet', 'orders');
    await dropBytes(page, 'orders.parquet', parquet.bytes, 420, 200);
    await page.waitForSelector('[data-testid="node-file"]');
    await page.click('[data-testid="node-file"] .af-node-title');
    await page.waitForSelector('[data-testid="preview-badge"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="data-table"] [role="gridcell"][data-col="channel"]');
    expect(await page.locator('[data-testid="data-size"]').textContent()).toMatch(/^200 rows × 3 columns/);
    const channels = await page.locator('[data-testid="data-table"] [role="gridcell"][data-col="channel"]').allTextContents();
    expect(channels.slice(0, 3)).toEqual(['web', 'store', 'app']);

    const json = JSON.stringify(
      Array.from({ length: 50 }, (_, i) => ({
        post: `p${i}`,
        likes: i * 3,
        published: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
      })),
    );
    await dropFile(page, 'posts.json', json, 420, 420);
    await page.waitForSelector('[data-testid="node-file2"]');
    await page.click('[data-testid="node-file2"] .af-node-title');
    await page.locator('[data-testid="palette-search"]').fill('time');
    await page.dblclick('[data-testid="palette-feature.time"]');
    await page.waitForSelector('[data-testid="node-time"]');
    await mouseDrag(page, '[data-testid="handle-file2-out-out"]', '[data-testid="handle-time-in-in"]');
    await shot(page, 'preview-parquet-json-connect');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await page.click('[data-testid="node-file2"] .af-node-title');
    await page.waitForSelector('[data-testid="data-table"] [role="gridcell"][data-col="published"]', { timeout: 20_000 });
    expect(await page.locator('[data-testid="data-size"]').textContent()).toMatch(/^50 rows × 3 columns/);
    await page.click('[data-testid="node-time"] .af-node-title');
    await expect.poll(() => page.locator('#param-column option').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    expect(await page.locator('#param-column option').allTextContents()).toEqual([
      '—',
      'published (date)',
      'post (text)',
      'likes (number)',
    ]);
    expect(new Set(await nodeStates(page))).toEqual(new Set(['idle']));
    await shot(page, 'preview-parquet-json');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
