/** Where the executor reads user files from: IndexedDB in the browser, the disk in Node. */
export interface FileSource {
  /** The file's bytes; throws a plain-language error when it is not there. */
  read(path: string): Promise<Uint8Array>;
  /** A short string that changes when the file changes (size and date), for the cache key. */
  stamp(path: string): Promise<string>;
  /**
   * The file's path on this machine, checked as `read` checks it (allowed folder, regular file,
   * size limit), for an engine that reads the file itself (DuckDB). Absent where files are not on disk.
   */
  localPath?(path: string): Promise<string>;
}

/** A file source over an in-memory map, for tests. */
export function memoryFiles(files: Record<string, Uint8Array | string>): FileSource {
  const bytes = (path: string) => {
    const f = files[path];
    if (f === undefined) throw new Error(`The file "${path}" is not available. Add it again.`);
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  return {
    read: async (path) => bytes(path),
    stamp: async (path) => {
      const b = bytes(path);
      let h = 0;
      for (let i = 0; i < b.length; i += Math.max(1, b.length >> 12)) h = (h * 31 + b[i]) | 0;
      return `${b.length}:${h}`;
    },
  };
}
