/**
 * The page's Content-Security-Policy, written into index.html by a Vite plugin, strict in the
 * production build: scripts only from the page's own origin (no inline script, no eval in the
 * page), connections only to the page's origin, blob: and data: — no WebSocket at all. While
 * developing (`vite` serve), the one WebSocket allowed is the dev server's own hot-reload socket
 * on localhost / 127.0.0.1 at its port, and React's inline fast-refresh preamble is moved into a
 * module script served by Vite, so the dev page has no inline script either.
 *
 * Workers are not governed by this policy (they get their own from their response), which is why
 * the numeric kernels compiled with `new Function` still run in the engine and helper workers.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** Where the policy goes in index.html. */
export const CSP_PLACEHOLDER = '__AUDIENCE_FLOW_CSP__';

/** The policy for the production build (`hmrPort` undefined) or the dev server at `hmrPort`. */
export function contentSecurityPolicy(hmrPort?: number): string {
  const sockets = hmrPort === undefined ? [] : [`ws://localhost:${hmrPort}`, `ws://127.0.0.1:${hmrPort}`];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "worker-src 'self' blob:",
    ['connect-src', "'self'", 'blob:', 'data:', ...sockets].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Inline `<script>` elements (with a body) left in the page. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1]) && m[2].trim())
    .map((m) => m[2]);
}

/** The virtual module that holds React's fast-refresh preamble (see @vitejs/plugin-react). */
const PREAMBLE = '/@id/__x00__@vitejs/plugin-react/preamble';

export function cspPlugin(): Plugin {
  let serving = false;
  return {
    name: 'audience-flow:csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        let page = html;
        const tags: HtmlTagDescriptor[] = [];
        let port: number | undefined;
        if (serving && ctx.server) {
          // React's preamble comes inline; the same code is served as a module by plugin-react.
          page = page.replace(/<script type="module">\s*import \{ injectIntoGlobalHook \}[\s\S]*?<\/script>/, () => {
            tags.push({ tag: 'script', attrs: { type: 'module', src: PREAMBLE }, injectTo: 'head-prepend' });
            return '';
          });
          const address = ctx.server.httpServer?.address();
          const hmr = ctx.server.config.server.hmr;
          const hmrPort =
            typeof hmr === 'object' && hmr?.clientPort ? hmr.clientPort : typeof hmr === 'object' && hmr?.port ? hmr.port : undefined;
          port = hmrPort ?? (typeof address === 'object' && address ? address.port : (ctx.server.config.server.port ?? 5173));
        }
        const left = inlineScripts(page);
        if (left.length)
          throw new Error(
            `index.html has an inline script, which the Content-Security-Policy forbids; move it into a module file: ${left[0].slice(0, 80)}`,
          );
        if (!page.includes(CSP_PLACEHOLDER))
          throw new Error(`index.html must hold the placeholder ${CSP_PLACEHOLDER} for the Content-Security-Policy`);
        return { html: page.replace(CSP_PLACEHOLDER, contentSecurityPolicy(serving ? port : undefined)), tags };
      },
    },
  };
}
