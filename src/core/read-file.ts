/** Reading the user's file named by a node's `path` param, with plain-language errors. */
import { CancelledError, NodeError } from './errors';
import type { RunContext } from './node';
import type { Text } from './text';

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
