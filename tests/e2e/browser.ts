/**
 * End-to-end harness: builds the app with Vite, serves it with `vite preview` on localhost, and
 * drives Debian's Chromium through playwright-core. Browser tests are required when CI=true.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

if (!hasChromium) {
  const message = `Chromium is not installed at ${CHROMIUM}: browser tests need it (apt-get install -y chromium).`;
  if (process.env.CI) throw new Error(`${message} CI requires the browser tests.`);
  console.warn(`${message} Skipping the browser tests on this machine.`);
}

export interface App {
  browser: Browser;
  server: PreviewServer;
  url: string;
  close: () => Promise<void>;
}

/** Builds and serves the editor, and starts Chromium. */
export async function startApp(): Promise<App> {
  const outDir = path.join(ROOT, 'dist-e2e');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/` : server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser,
    server,
    url,
    close: async () => {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    },
  };
}

/**
 * A new page that fails the test on any request that leaves localhost (privacy). The editor opens
 * a flow at a readable zoom, which may leave its right part out of view; unless `fitAll` is false,
 * the page then presses the canvas' "fit view" control so that every node can be clicked.
 */
export async function openPage(
  app: App,
  query = '?fresh',
  { fitAll = true } = {},
): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1|blob:|data:)/.test(r.url())) external.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url + query);
  await page.waitForSelector('[data-testid="canvas"] .react-flow__renderer');
  if (fitAll) await fitCanvas(page);
  return { page, external, errors };
}

/** Shows the whole flow (the canvas' own "fit view" control), after the first view has been set. */
export async function fitCanvas(page: Page): Promise<void> {
  // React Flow queues a fit asked for on an empty canvas until nodes appear: ask only when there are some.
  const some = await page.waitForSelector('.react-flow__node', { timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  if (!some) return;
  await page.waitForTimeout(150);
  await page.evaluate(() => (document.querySelector('.react-flow__controls-fitview') as HTMLElement | null)?.click());
  await page.waitForTimeout(100);
}

/** Drags from one element's centre to another's with real mouse moves (React Flow connections). */
export async function mouseDrag(page: Page, from: string, to: string): Promise<void> {
  const a = await page.locator(from).boundingBox();
  const b = await page.locator(to).boundingBox();
  if (!a || !b) throw new Error(`cannot find ${!a ? from : to}`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

/** Waits until a node on the canvas reaches a run state (`done`, `error`, `stale`…). */
export const waitState = (page: Page, id: string, state: string, timeout = 90_000) =>
  page.waitForSelector(`[data-testid="node-${id}"][data-state="${state}"]`, { timeout });

/** Drops a text file on the canvas at (x, y), as a user dragging it from the desktop. */
export async function dropFile(page: Page, name: string, content: string, x: number, y: number): Promise<void> {
  const dt = await page.evaluateHandle(
    ([n, c]) => {
      const d = new DataTransfer();
      d.items.add(new File([c], n, { type: 'text/csv' }));
      return d;
    },
    [name, content],
  );
  await page.dispatchEvent('[data-testid="canvas"]', 'drop', { dataTransfer: dt, clientX: x, clientY: y });
}
