/**
 * The page's Content-Security-Policy: strict in the production build (no WebSocket, no inline or
 * evaluated script in the page), and in development only the dev server's own hot-reload socket.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspPlugin, inlineScripts } from '../../src/build/csp';

const ROOT = path.resolve(__dirname, '../..');
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';
const metaCsp = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('Content-Security-Policy', () => {
  it('allows no WebSocket and no inline script in the production build', () => {
    const csp = contentSecurityPolicy();
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' blob: data:");
    expect(csp).not.toMatch(/ws:|wss:|unsafe-eval/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it("allows only the dev server's own socket while developing", () => {
    const csp = contentSecurityPolicy(5173);
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' blob: data: ws://localhost:5173 ws://127.0.0.1:5173");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
  });

  it('finds inline scripts but not module files', () => {
    expect(inlineScripts('<script type="module" src="./main.tsx"></script><script>alert(1)</script>')).toEqual(['alert(1)']);
    expect(inlineScripts('<script type="module" src="/x.js"></script>')).toEqual([]);
  });

  it('refuses to build a page with an inline script', () => {
    const plugin = cspPlugin();
    (plugin.configResolved as (c: unknown) => void)({ command: 'build' });
    const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: unknown) => unknown };
    expect(() => hook.handler('<meta content="__AUDIENCE_FLOW_CSP__"><script>window.x = 1</script>', {})).toThrow(/inline script/);
    const out = hook.handler('<meta content="__AUDIENCE_FLOW_CSP__"><script type="module" src="./main.tsx"></script>', {}) as {
      html: string;
    };
    expect(out.html).toContain(contentSecurityPolicy());
  });

  let server: ViteDevServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it("serves the dev page with the HMR socket of its port only and React's preamble as a module", async () => {
    server = await createServer({
      configFile: path.join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      server: { port: 5199, strictPort: false, host: '127.0.0.1' },
    });
    await server.listen();
    const port = (server.httpServer!.address() as { port: number }).port;
    const raw = readFileSync(path.join(ROOT, 'src/ui/index.html'), 'utf8');
    const html = await server.transformIndexHtml('/index.html', raw);
    const csp = metaCsp(html);
    expect(directive(csp, 'connect-src')).toBe(`connect-src 'self' blob: data: ws://localhost:${port} ws://127.0.0.1:${port}`);
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(inlineScripts(html)).toEqual([]);
    // The Vite client and the fast-refresh preamble are module files now, served by the dev server.
    expect(html).toContain('/@vite/client');
    const preamble = /<script type="module" src="(\/@id\/[^"]*preamble)"/.exec(html)?.[1];
    expect(preamble).toBeDefined();
    const res = await fetch(`http://127.0.0.1:${port}${preamble}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/injectIntoGlobalHook/);
  });
});
