/**
 * One ingest measurement in its own process: `ours` runs the ingest.file node on the file (read the
 * bytes, parse to an Arrow table); `papaparse` parses the same file with dynamicTyping.
 * Usage: node --import tsx bench/cases/ingest-csv.ts ours|papaparse FILE
 */
import { readFile } from 'node:fs/promises';
import type { Table } from 'apache-arrow';
import Papa from 'papaparse';
import node from '../../nodes/ingest.file';
import { caseMain } from '../lib';

const [which, file] = process.argv.slice(2);

await caseMain(async () => {
  if (which === 'ours') {
    const params = node.params.parse({ path: file });
    const out = await node.run({}, params, {
      signal: new AbortController().signal,
      random: Math.random,
      warn: () => {},
      readFile: async (p) => new Uint8Array(await readFile(p)),
      progress: async () => {},
    });
    const table = out.out as Table;
    return { rows: table.numRows, cols: table.numCols };
  }
  const text = await readFile(file, 'utf8');
  const result = Papa.parse<unknown[]>(text, { dynamicTyping: true, skipEmptyLines: true });
  return { rows: result.data.length - 1, cols: result.data[0]?.length ?? 0 };
});
