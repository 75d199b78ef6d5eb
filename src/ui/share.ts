/**
 * Share links: the whole flow travels in the URL fragment (`#flow=…`), deflated ('deflate-raw')
 * and base64url-encoded. Fragments never reach a server. A flow holds settings and file *names*
 * (ingest.file paths), never file contents or data. Opening a link validates it like any import.
 */
import { LIMITS } from '../core/flow/sanitize';
import { parseWorkflow, type ParseResult, type Workflow } from '../core/flow/workflow';

export const SHARE_PREFIX = '#flow=';

const toBase64Url = (bytes: Uint8Array) => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string) => {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

/** The fragment payload for a flow. */
export async function encodeFlow(w: Workflow): Promise<string> {
  const stream = new Blob([JSON.stringify(w)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** Reads a fragment payload back into a workflow; refuses more than 5 MB once inflated. */
export async function decodeFlow(payload: string): Promise<ParseResult> {
  try {
    const stream = new Blob([fromBase64Url(payload)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > LIMITS.fileChars) {
        await reader.cancel();
        return { ok: false, message: 'This share link is refused: the flow in it is larger than 5 MB.' };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return parseWorkflow(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, message: 'This share link is damaged: it could not be read (was it cut short when copied?).' };
  }
}

/** The share URL of a flow for the page at `base` (its query and fragment are dropped). */
export async function shareUrl(w: Workflow, base: string): Promise<string> {
  return `${base.split('#')[0].split('?')[0]}${SHARE_PREFIX}${await encodeFlow(w)}`;
}

/** The payload in a location hash, or null. */
export const sharedPayload = (hash: string): string | null => (hash.startsWith(SHARE_PREFIX) ? hash.slice(SHARE_PREFIX.length) : null);
