/** Reading the user's file named by a node's `path` param, with plain-language errors. */
import { CancelledError, NodeError } from '../contract/errors';
import type { RunContext } from '../contract/node';
import type { Text } from '../contract/i18n';

/** The file's bytes; `noFile` is said when no file is chosen yet, and any read error names the file. */
export async function readUserFile(ctx: RunContext, path: string, noFile: Text): Promise<Uint8Array> {
  if (!path) throw new NodeError(noFile);
  try {
    return await ctx.readFile(path);
  } catch (err) {
    if (err instanceof NodeError || err instanceof CancelledError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new NodeError({ en: `Could not read the file "${path}": ${why}`, vi: `Không đọc được tệp "${path}": ${why}` });
  }
}

/** The largest file the editor keeps: the browser holds it whole in memory (and in IndexedDB). */
export const MAX_BROWSER_FILE_BYTES = 1024 * 1024 * 1024;

/** The refusal for a file too big to hold, before any of it is read; null when it fits. */
export function fileTooBig(name: string, size: number, limit = MAX_BROWSER_FILE_BYTES): Text | null {
  if (size <= limit) return null;
  const gb = (n: number, lang: string) => (n / 1024 ** 3).toLocaleString(lang, { maximumFractionDigits: 1 });
  return {
    en: `"${name}" is ${gb(size, 'en-US')} GB; files up to ${gb(limit, 'en-US')} GB can be loaded in the browser, so it was not read. Keep only the rows and columns you need (or split it into parts) and load that, or run the flow with the command line.`,
    vi: `"${name}" có dung lượng ${gb(size, 'vi-VN')} GB; trình duyệt chỉ nạp được tệp tối đa ${gb(limit, 'vi-VN')} GB, nên tệp không được đọc. Hãy chỉ giữ những dòng và cột cần dùng (hoặc chia thành nhiều phần) rồi nạp lại, hoặc chạy quy trình bằng dòng lệnh.`,
  };
}
