/**
 * The public data sets beside the project (`../shared/data`, never copied into the repository).
 * The one place that finds them: a test file names the files it reads, and gets their paths.
 * When a file is missing, the file's tests are skipped with one line saying which folder is
 * missing, except under CI=true, where the data tests are required and the file fails.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

/** The project's root folder (this file is tests/helpers/shared-data.ts). */
const ROOT = path.resolve(__dirname, '../..');
/** `../shared/data`, beside the project. */
export const SHARED_DATA = path.resolve(ROOT, '../shared/data');

export interface SharedData {
  /** Every named file is there. */
  available: boolean;
  /** The folders (under ../shared/data) of the missing files. */
  missing: string[];
  /** The absolute path of a file under ../shared/data. */
  path: (...parts: string[]) => string;
}

/** CI=true (or any CI value but false/0): tests that need something are required. */
export const requiredByCi = () => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

const present = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Checks that the files a test file reads (paths under ../shared/data) are there. Without them it
 * prints one line (or throws under CI=true); use `describe.skipIf(!data.available)`.
 */
export function sharedData(...files: string[]): SharedData {
  const at = (...parts: string[]) => path.join(SHARED_DATA, ...parts);
  const missing = [...new Set(files.filter((f) => !present(at(f))).map((f) => f.split(/[\\/]/)[0]))];
  if (missing.length) {
    const what = missing.map((m) => `../shared/data/${m}`).join(', ');
    const line = `skipped: needs ${what} (the public data sets beside the project; see README)`;
    if (requiredByCi()) {
      throw new Error(`${line.replace('skipped: needs', 'missing:')}. CI=true requires the data tests.`);
    }
    console.warn(line);
  }
  return { available: missing.length === 0, missing, path: at };
}
