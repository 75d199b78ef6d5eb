/**
 * Work is never lost or misread, in real headless Chromium: deleting a connected node undoes in one
 * step (connections included); opening a flow over unsaved edits asks first; a flow with problems
 * shows them all on its nodes when it opens; a share link says which files it needs; trainer mode's
 * panel is docked beside the canvas and never covers the node it explains.
 */
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, ROOT, hasChromium, openPage, shot, startApp, waitState } from './browser';

/** k = 500, an unknown setting and a chart wired into a table input: three problems. */
const PROBLEMS = path.join(ROOT, 'tests', 'fixtures', 'problems.flow.json');

/** A share link's fragment, made as the page makes it (deflate-raw, base64url). */
const shareFragment = (w: object) => `#flow=${deflateRawSync(Buffer.from(JSON.stringify(w))).toString('base64url')}`;

const COMMENTS_FLOW = {
  schema: 'audience-flow/workflow@2',
  name: 'Comments',
  nodes: [
    { id: 'comments', type: 'ingest.file', params: { path: 'comments.csv' }, position: [0, 0] },
    { id: 'view', type: 'view.table', params: {}, position: [320, 0] },
  ],
  edges: [{ from: 'comments.out', to: 'view.in' }],
  notes: [],
};
const COMMENTS_CSV = 'id,text\n1,Rất thích sản phẩm\n2,Giao hàng chậm\n3,Ok\n';

/** Drops a file onto one element (not the canvas), as dragged from the desktop. */
async function dropOn(page: Page, selector: string, name: string, content: string) {
  const dt = await page.evaluateHandle(
    ([n, c]) => {
      const d = new DataTransfer();
      d.items.add(new File([c], n, { type: 'text/csv' }));
      return d;
    },
    [name, content],
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

/** Makes an edit through the interface: renames the flow. */
async function edit(page: Page, name = 'My edited flow') {
  await page.fill('.af-flow-name', name);
}

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

  it('opening a file over unsaved edits asks Save first / Replace / Cancel, then shows all three problems on their nodes', async () => {
    const { page, errors } = await openPage(app);
    await page.waitForSelector('[data-testid="node-personas"]');
    // Nothing edited yet: a file opens without a question.
    await edit(page);
    await page.setInputFiles('[data-testid="open-file"]', PROBLEMS);
    await page.waitForSelector('[data-testid="replace-dialog"]');
    expect(await page.textContent('[data-testid="replace-dialog"]')).toMatch(/not saved.*Save first.*Replace.*Cancel/s);
    // Focus starts on "Save first" and Tab stays inside the dialog.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('replace-save');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('replace-save');
    await shot(page, 'safety-replace-dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="replace-dialog"]', { state: 'detached' });
    expect(await page.locator('[data-testid="node-personas"]').count()).toBe(1);
    expect(await page.inputValue('.af-flow-name')).toBe('My edited flow');

    // "Save first" downloads the flow, then opens the file.
    await page.setInputFiles('[data-testid="open-file"]', PROBLEMS);
    await page.waitForSelector('[data-testid="replace-dialog"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="replace-save"]')]);
    expect(download.suggestedFilename()).toBe('my-edited-flow.flow.json');
    await page.waitForSelector('[data-testid="node-kmeans"] [data-testid="problem-kmeans"]');
    expect(await page.locator('[data-testid="node-personas"]').count()).toBe(0);

    // Every problem at once: on its node, and in the banner.
    expect(await page.textContent('[data-testid="open-problems"] strong')).toBe('This flow has 3 problems');
    expect(await page.textContent('[data-testid="problem-kmeans"]')).toMatch(/at most 50 \(it is 500\)/);
    expect(await page.textContent('[data-testid="problem-pick"]')).toMatch(/Unknown setting.*colour/);
    expect(await page.textContent('[data-testid="problem-table"]')).toMatch(/expects a table.*gives a chart/);
    await page.locator('[data-testid="open-problem"]').nth(2).click();
    await expect.poll(() => page.getAttribute('[data-testid="node-table"]', 'class')).toMatch(/af-selected/);
    await page.waitForTimeout(300);
    await shot(page, 'safety-open-problems');
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="open-problems"] strong')).toBe('Luồng này có 3 vấn đề');
    expect(await page.textContent('[data-testid="problem-table"]')).toMatch(/cần một bảng.*cho ra một biểu đồ/);
    await shot(page, 'safety-open-problems-vi');
    await page.click('[data-testid="lang"]');

    // Opened = not unsaved: the next open asks nothing. Fixing a problem takes it off the list.
    await page.click('[data-testid="node-kmeans"] .af-node-title');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.textContent('[data-testid="open-problems"] strong')).toBe('This flow has 1 problem');

    // A template over unsaved edits asks too; Cancel keeps the canvas and the gallery open.
    await page.click('text=Templates');
    await page.click('[data-testid="gallery-use-audience-segmentation"]');
    await page.click('[data-testid="inputs-open"]');
    await page.waitForSelector('[data-testid="replace-dialog"]');
    await page.click('[data-testid="replace-cancel"]');
    expect(await page.locator('[data-testid="gallery"]').count()).toBe(1);
    expect(await page.locator('[data-testid="node-pick"]').count()).toBe(1);
    await page.click('[data-testid="inputs-open"]');
    await page.click('[data-testid="replace-replace"]');
    await page.waitForSelector('[data-testid="node-personas"]');
    expect(await page.locator('[data-testid="open-banner"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a share link names the files it reads; dropping one on its node fulfils it and the flow runs; over unsaved edits it asks', async () => {
    const { page, errors } = await openPage(app, `?fresh${shareFragment(COMMENTS_FLOW)}`);
    await page.waitForSelector('[data-testid="drop-file-comments"]');
    expect(await page.textContent('[data-testid="open-files"]')).toMatch(/reads 1 file.*This flow reads comments\.csv — drop it here/s);
    expect(await page.textContent('[data-testid="drop-file-comments"]')).toMatch(/Reads comments\.csv: drop it on this node/);
    await shot(page, 'safety-share-files');
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="open-files"]')).toMatch(/Luồng này đọc comments\.csv — hãy thả tệp vào đây/);
    await shot(page, 'safety-share-files-vi');
    await page.click('[data-testid="lang"]');

    await dropOn(page, '[data-testid="drop-file-comments"]', 'comments.csv', COMMENTS_CSV);
    await page.waitForSelector('[data-testid="open-banner"]', { state: 'detached' });
    expect(await page.locator('[data-testid="drop-file-comments"]').count()).toBe(0);
    expect(await page.locator('.react-flow__node').count()).toBe(2);
    await page.click('[data-testid="run"]');
    await waitState(page, 'view', 'done');
    expect(await page.textContent('[data-testid="status-view"]')).toMatch(/3 rows/);

    // The same browser, with unsaved edits in its autosave: a share link asks before replacing them.
    await edit(page, 'Edited before the link');
    await page.waitForTimeout(600); // autosave
    await page.goto(`${app.url}?again${shareFragment({ ...COMMENTS_FLOW, name: 'From the link' })}`);
    await page.waitForSelector('[data-testid="replace-dialog"]');
    await page.click('[data-testid="replace-cancel"]');
    await page.waitForSelector('[data-testid="replace-dialog"]', { state: 'detached' });
    expect(await page.inputValue('.af-flow-name')).toBe('Edited before the link');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('trainer mode docks its panel beside the canvas: the explained node is in view and uncovered, canvas nodes take clicks', async () => {
    const { page, errors } = await openPage(app, '?fresh', { fitAll: false });
    await page.waitForSelector('[data-testid="node-sample"]');
    type Box = { x: number; y: number; width: number; height: number };
    const box = async (sel: string) => (await page.locator(sel).boundingBox()) as Box;
    const inside = (a: Box, b: Box) =>
      a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
    const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    /** After a step: the node is highlighted, fully inside the canvas, and not under the panel. */
    const check = async (id: string) => {
      await expect.poll(() => page.getAttribute(`[data-testid="node-${id}"]`, 'class')).toMatch(/af-step-current/);
      await page.waitForTimeout(450); // the pan
      const node = await box(`[data-testid="node-${id}"]`);
      const canvas = await box('[data-testid="canvas"]');
      const panel = await box('[data-testid="trainer-panel"]');
      expect(inside(node, canvas), `${id} in view`).toBe(true);
      expect(overlaps(node, panel), `${id} under the panel`).toBe(false);
      expect(overlaps(canvas, panel)).toBe(false);
    };
    for (const id of ['sample', 'features', 'missing', 'scale', 'kmeans']) {
      await page.click('[data-testid="step"]');
      await waitState(page, id, 'done');
      await check(id);
    }
    await shot(page, 'safety-trainer-docked');
    // A node right of the explained one takes a real click (the panel blocks nothing on the canvas).
    await page.click('[data-testid="node-segments"] .af-node-title', { timeout: 5_000 });
    await expect.poll(() => page.getAttribute('[data-testid="node-segments"]', 'class')).toMatch(/af-selected/);
    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="step"]');
    await check('segments');
    await shot(page, 'safety-trainer-docked-vi');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
