/**
 * The built page's Content-Security-Policy in Chromium: nothing leaves localhost, a WebSocket to
 * an outside host is blocked (a securitypolicyviolation event, no connection), and an inline
 * script injected into the page does not run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts } from '../../src/build/csp';
import { hasChromium, openPage, ROOT, startApp, type App } from './browser';

let app: App;

describe.skipIf(!hasChromium)('Content-Security-Policy of the built page', () => {
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is the strict policy in the build output, with no inline script', () => {
    const html = readFileSync(path.join(ROOT, 'dist-e2e', 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toBe(contentSecurityPolicy());
    expect(csp).not.toMatch(/ws:|unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(inlineScripts(html)).toEqual([]);
  });

  it('blocks a WebSocket to an outside host and an injected inline script', async () => {
    const { page, external, errors } = await openPage(app, '?fresh');
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const result = await page.evaluate(async () => {
      const violations: { directive: string; blocked: string }[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      );
      let opened = false,
        failed = false,
        threw = '';
      try {
        const ws = new WebSocket('ws://example.com/');
        ws.onopen = () => {
          opened = true;
        };
        ws.onerror = () => {
          failed = true;
        };
      } catch (e) {
        threw = String(e);
      }
      // An inline script, as an attacker's injected markup would add.
      const s = document.createElement('script');
      s.textContent = 'window.__afInline = true;';
      document.head.appendChild(s);
      await new Promise((r) => setTimeout(r, 1500));
      return { violations, opened, failed, threw, inline: (window as unknown as { __afInline?: boolean }).__afInline === true };
    });
    expect(result.opened).toBe(false);
    expect(result.failed || result.threw !== '').toBe(true);
    expect(result.violations.some((v) => v.directive === 'connect-src' && /example\.com/.test(v.blocked))).toBe(true);
    expect(result.inline).toBe(false);
    expect(result.violations.some((v) => v.directive === 'script-src-elem' || v.directive === 'script-src')).toBe(true);
    // No socket was opened and no request left localhost.
    expect(sockets.filter((u) => /example\.com/.test(u))).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
