/**
 * User files in the browser: a dropped file is kept in IndexedDB (so a reload keeps it) and read by
 * the worker from there. Nothing leaves the machine.
 */
import { createStore, get, keys, set } from 'idb-keyval';
import type { FileSource } from './files';

export interface StoredFile {
  name: string;
  size: number;
  lastModified: number;
  bytes: ArrayBuffer;
}

const store = () => createStore('audience-flow-files', 'files');

export async function putFile(file: StoredFile): Promise<void> {
  await set(file.name, file, store());
}

export async function getFile(name: string): Promise<StoredFile | undefined> {
  return get<StoredFile>(name, store());
}

export const browserFiles: FileSource = {
  async read(path) {
    const file = await getFile(path);
    if (!file) {
      throw new Error(`The file "${path}" is not in this browser any more. Drop it on the canvas again.`);
    }
    return new Uint8Array(file.bytes);
  },
  async stamp(path) {
    const file = await getFile(path);
    return file ? `${file.size}:${file.lastModified}` : 'missing';
  },
};

/** The names of the files kept in this browser. */
export async function fileNames(): Promise<string[]> {
  return (await keys(store())).map(String);
}
