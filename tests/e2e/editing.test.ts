/**
 * Never lose work, and share: undo/redo, copy/paste (also across tabs), autosave across a reload,
 * share links, hostile files and an engine crash — in real headless Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, mouseDrag, openPage, shot, startApp, type App } from './browser';

let app: App;
const edges = (page: Page) => page.locator('.react-flow__edge').count();
const flowNodes = (page: Page) => page.locator('.react-flow__node-flow').count();
const toast = (page: Page) => page.locator('[data-testid="toast"]').textContent();
const field = async (page: Page, node: string, name: string) => {
  await page.click(`[data-testid="node-${node}"] .af-node-head`);
  return page.locator(`[data-testid="field-${name}"] input`).first().inputValue();
};
/** Clicks an empty part of the canvas so that keys go to the editor, not a text field. */
/** The frame's size in flow units (screen size divided by the zoom), the same whatever the zoom. */
const frameSize = async (page: Page) => {
  const box = (await page.locator('.react-flow__node-frame').boundingBox())!;
  const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  return { width: Math.round(box.width / zoom), height: Math.round(box.height / zoom) };
};
/** Sizes equal up to the 2 px of borders and sub-pixel rounding at another zoom. */
const sameSize = (a: { width: number; height: number }, b: { width: number; height: number }) =>
  Math.abs(a.width - b.width) <= 2 && Math.abs(a.height - b.height) <= 2;
const focusCanvas = (page: Page) => page.click('[data-testid="canvas"] .react-flow__pane', { position: { x: 40, y: 40 } });

describe.skipIf(!hasChromium)('editing in Chromium', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('undoes and redoes adding a node, connecting it and changing a setting', async () => {
    const { page, errors } = await openPage(app);
    expect(await page.isDisabled('[data-testid="undo"]')).toBe(true);
    const [n0, e0] = [await flowNodes(page), await edges(page)];
    const canvas = (await page.locator('[data-testid="canvas"]').boundingBox())!;
    await page.locator('[data-testid="palette-search"]').fill('table');
    await page.dragAndDrop('[data-testid="palette-view.table"]', '[data-testid="canvas"]', {
      targetPosition: { x: canvas.width * 0.45, y: canvas.height - 90 },
    });
    await page.waitForSelector('[data-testid="node-table"]');
    await mouseDrag(page, '[data-testid="handle-kmeans-out-out"]', '[data-testid="handle-table-in-in"]');
    await expect.poll(() => edges(page)).toBe(e0 + 1);
    const before = await field(page, 'table', 'limit');
    await page.locator('[data-testid="field-limit"] input').first().fill('500');

    await focusCanvas(page);
    await page.keyboard.press('Control+z');
    expect(await field(page, 'table', 'limit')).toBe(before);
    await focusCanvas(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => edges(page)).toBe(e0);
    await page.click('[data-testid="undo"]');
    await expect.poll(() => page.locator('[data-testid="node-table"]').count()).toBe(0);
    expect(await flowNodes(page)).toBe(n0);

    await focusCanvas(page);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForSelector('[data-testid="node-table"]');
    await page.keyboard.press('Control+y');
    await expect.poll(() => edges(page)).toBe(e0 + 1);
    await page.click('[data-testid="redo"]');
    expect(await field(page, 'table', 'limit')).toBe('500');
    expect(await page.isDisabled('[data-testid="redo"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('copies and pastes a selection with its connection, in the same tab and in another tab', async () => {
    const { page, errors } = await openPage(app);
    const [n0, e0] = [await flowNodes(page), await edges(page)];
    await page.click('[data-testid="node-scale"] .af-node-head');
    await page.click('[data-testid="node-kmeans"] .af-node-head', { modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.react-flow__node-flow.selected').count()).toBe(2);
    await page.keyboard.press('Control+c');
    await expect.poll(() => toast(page)).toMatch(/Copied 2/);
    await page.keyboard.press('Control+v');
    await page.waitForSelector('[data-testid="node-kmeans2"]');
    await page.waitForSelector('[data-testid="node-scale2"]');
    await expect.poll(() => edges(page)).toBe(e0 + 1);
    expect(
      await page.locator('.react-flow__edge[data-id="scale2.out->kmeans2.in"], [data-testid="rf__edge-scale2.out->kmeans2.in"]').count(),
    ).toBe(1);
    // Delete removes the whole selection (the pasted pair is selected).
    await page.keyboard.press('Delete');
    await expect.poll(() => flowNodes(page)).toBe(n0);
    await expect.poll(() => edges(page)).toBe(e0);

    // Another tab of the same browser pastes what this one copied.
    const other = await page.context().newPage();
    await other.goto(app.url + '?fresh&template=none');
    await other.waitForSelector('[data-testid="canvas"] .react-flow__renderer');
    await focusCanvas(other);
    await other.keyboard.press('Control+v');
    await other.waitForSelector('[data-testid="node-kmeans"]');
    await other.waitForSelector('[data-testid="node-scale"]');
    await expect.poll(() => edges(other)).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps settings, notes and frames after a reload; notes are edited in place', async () => {
    const { page, errors } = await openPage(app);
    await page.click('[data-testid="node-kmeans"] .af-node-head');
    await page.locator('[data-testid="field-k"] input[type="number"]').fill('3');
    await page.click('[data-testid="add-note"]');
    await shot(page, 'editing-note-added');
    await page.locator('.react-flow__node-note.selected .af-note').dblclick();
    await page.locator('[data-testid="note-editor"]').fill('Check k with the marketing team');
    await focusCanvas(page);
    await page.click('[data-testid="add-frame"]');
    await page.waitForSelector('.react-flow__node-frame');
    await page.keyboard.press('?');
    await page.waitForSelector('[data-testid="shortcuts"]');
    expect(await page.locator('[data-testid="shortcuts"]').textContent()).toMatch(/Ctrl \+ Z.*Undo/);
    await shot(page, 'editing-shortcuts');
    await page.keyboard.press('Escape');
    await page.click('[data-testid="lang"]');
    await page.keyboard.press('?');
    expect(await page.locator('[data-testid="shortcuts"]').textContent()).toMatch(/Hoàn tác/);
    await page.keyboard.press('Escape');
    await page.click('[data-testid="lang"]');

    await page.waitForTimeout(800);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="node-kmeans"]');
    expect(await field(page, 'kmeans', 'k')).toBe('3');
    expect(await page.locator('.af-note', { hasText: 'Check k with the marketing team' }).count()).toBe(1);
    expect(await page.locator('.react-flow__node-frame').count()).toBe(1);
    await shot(page, 'editing-after-reload');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('resizes a frame by its corner as one undo step; a canvas of only that frame survives a reload', async () => {
    // An empty canvas: no node may lie over the frame's corner.
    const { page, errors } = await openPage(app, '?fresh&template=none');
    await page.click('[data-testid="add-frame"]');
    const frame = page.locator('.react-flow__node-frame');
    await frame.waitFor();
    if (!(await frame.getAttribute('class'))?.includes('selected')) await frame.locator('.af-frame-label').click();
    const before = await frameSize(page);
    const corner = page.locator('.react-flow__node-frame .react-flow__resize-control.handle.bottom.right');
    const c = (await corner.boundingBox())!;
    await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
    await page.mouse.down();
    await page.mouse.move(c.x + 90, c.y + 50, { steps: 6 });
    await page.mouse.move(c.x + 180, c.y + 100, { steps: 6 });
    await page.mouse.up();
    const grown = await frameSize(page);
    expect(grown.width).toBeGreaterThan(before.width + 60);
    expect(grown.height).toBeGreaterThan(before.height + 30);
    await shot(page, 'editing-frame-resized');

    // One undo step takes the whole resize back; redo brings it again.
    await focusCanvas(page);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => sameSize(await frameSize(page), before)).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => sameSize(await frameSize(page), grown)).toBe(true);

    // A canvas with only a frame is the user's work too: the reload restores it (not the template).
    await page.waitForTimeout(800);
    await page.goto(app.url);
    await page.waitForSelector('.react-flow__node-frame');
    expect(await page.locator('.react-flow__node-flow').count()).toBe(0);
    // The view settles (fit to the canvas) after the load: wait for it, then compare.
    await expect.poll(async () => sameSize(await frameSize(page), grown), { timeout: 5000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shares a flow as a link that opens the same flow in a new page', async () => {
    const { page, external } = await openPage(app);
    await page.click('[data-testid="add-note"]');
    await page.locator('.react-flow__node-note.selected .af-note').dblclick();
    await page.locator('[data-testid="note-editor"]').fill('Sent by link — Gửi qua liên kết');
    await focusCanvas(page);
    expect(await page.getAttribute('[data-testid="share"]', 'title')).toMatch(/never the contents of your files/);
    await page.click('[data-testid="share"]');
    const link = await page
      .waitForFunction(() => (window as { __afLastShare?: string }).__afLastShare)
      .then((h) => h.jsonValue() as Promise<string>);
    expect(link).toMatch(/#flow=[A-Za-z0-9_-]+$/);
    const ids = await page.locator('.react-flow__node-flow').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());

    const { page: fresh } = await openPage(app, '?template=none');
    await fresh.goto(link);
    await fresh.waitForSelector('[data-testid="node-kmeans"]');
    expect(await fresh.locator('.react-flow__node-flow').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort())).toEqual(
      ids,
    );
    expect(await fresh.locator('.af-note', { hasText: 'Sent by link — Gửi qua liên kết' }).count()).toBe(1);
    expect(await fresh.evaluate(() => location.hash)).toBe('');
    expect(external).toEqual([]);
    await fresh.context().close();
    await page.context().close();
  });

  it('opens a hostile file safely: HTML stays text, unsafe keys are removed, unknown nodes say so', async () => {
    const { page, errors } = await openPage(app);
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const text = JSON.stringify({
      schema: 'audience-flow/workflow@1',
      name: evil,
      nodes: [
        { id: 'evil', type: 'evil.type', label: evil, params: {}, position: [0, 0] },
        { id: 'sample', type: 'ingest.sample', params: { size: 1000 }, position: [0, 200] },
      ],
      notes: [{ text: evil, position: [300, 0] }],
    }).replace('"size":1000', '"size":1000,"__proto__":{"polluted":true}');
    await page.setInputFiles('[data-testid="open-file"]', {
      name: 'evil.flow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.waitForSelector('[data-testid="node-evil"]');
    await expect.poll(() => toast(page)).toMatch(/Unsafe settings were removed.*nodes\.1\.params\.__proto__/);
    expect(await page.locator('[data-testid="node-evil"] [role="alert"]').textContent()).toMatch(/Unknown node type "evil.type"/);
    expect(await page.locator('.af-note').first().textContent()).toBe(evil);
    expect(await page.locator('.react-flow img, .react-flow script').count()).toBe(0);
    expect(await page.locator('[data-testid="node-evil"] .af-node-title').textContent()).toBe(evil);
    expect(await page.evaluate(() => [(window as { __pwned?: number }).__pwned, ({} as { polluted?: boolean }).polluted])).toEqual([
      undefined,
      undefined,
    ]);
    await shot(page, 'editing-hostile-file');

    // Absurd files are refused with a message and the canvas is kept.
    const big = JSON.stringify({ schema: 'audience-flow/workflow@2', nodes: [], pad: 'x'.repeat(6 * 1024 * 1024) });
    await page.setInputFiles('[data-testid="open-file"]', {
      name: 'big.flow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(big),
    });
    await expect.poll(() => toast(page)).toMatch(/limit is 5 MB/);
    const deep = `{"schema":"audience-flow/workflow@2","nodes":[{"id":"a","type":"view.table","params":{"p":${'['.repeat(30)}${']'.repeat(30)}}}]}`;
    await page.setInputFiles('[data-testid="open-file"]', {
      name: 'deep.flow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(deep),
    });
    await expect.poll(() => toast(page)).toMatch(/nested more than 20 levels/);
    expect(await page.locator('[data-testid="node-evil"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('restarts a crashed engine, says so, and keeps the canvas', async () => {
    const { page, errors } = await openPage(app, '?fresh&debug');
    const [n0, e0] = [await flowNodes(page), await edges(page)];
    await page.click('[data-testid="node-sample"] .af-node-head');
    await page.locator('[data-testid="field-size"] input[type="number"]').fill('2000');
    await page.click('[data-testid="run"]');
    await page.waitForSelector('[data-testid="cancel"]');
    await page.click('[data-testid="debug-crash"]');
    await expect.poll(() => toast(page)).toMatch(/restarted/);
    await page.waitForSelector('[data-testid="run"]');
    expect(await flowNodes(page)).toBe(n0);
    expect(await edges(page)).toBe(e0);
    expect(await field(page, 'sample', 'size')).toBe('2000');
    await page.click('[data-testid="run"]');
    await page.waitForSelector('[data-testid="node-segments"][data-state="done"]', { timeout: 90_000 });
    await shot(page, 'editing-after-crash');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
