/** User files for the CLI: paths are taken relative to the workflow file's folder, then the current one. */
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FileSource } from '../../workers/files';

export function diskFiles(baseDir: string): FileSource {
  const resolve = (p: string) => {
    if (path.isAbsolute(p)) return p;
    const near = path.resolve(baseDir, p);
    return existsSync(near) ? near : path.resolve(p);
  };
  return {
    async read(p) {
      try {
        return new Uint8Array(await readFile(resolve(p)));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new Error(`The file "${p}" does not exist (looked in ${baseDir} and ${process.cwd()}).`);
        if (code === 'EISDIR') throw new Error(`"${p}" is a folder, not a file.`);
        throw new Error(`The file "${p}" cannot be read (${code ?? (e as Error).message}).`);
      }
    },
    async stamp(p) {
      const s = await stat(resolve(p));
      return `${s.size}:${s.mtimeMs}`;
    },
  };
}
