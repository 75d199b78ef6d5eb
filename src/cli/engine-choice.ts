/**
 * Which engine runs a flow's relational nodes in the CLI. `--engine` wins, then the flow's own
 * `engine`, else `auto`: DuckDB when a file that an `ingest.file` node loads is larger than
 * AUTO_DUCKDB_BYTES (big files are where DuckDB's out-of-core engine pays), the memory engine
 * otherwise. The choice and its reason are printed, so the rule is visible.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Text } from '../core/contract/i18n';
import type { Workflow } from '../core/flow/workflow';
import { formatSize } from './node-files';

/** Above this size, a loaded file makes `auto` choose DuckDB. */
export const AUTO_DUCKDB_BYTES = 100 * 1024 * 1024;

export interface EngineChoice {
  engine: 'memory' | 'duckdb';
  why: Text;
}

export async function chooseEngine(
  flow: Workflow,
  asked: 'auto' | 'memory' | 'duckdb' | undefined,
  baseDir: string,
): Promise<EngineChoice> {
  const wanted = asked ?? flow.engine ?? 'auto';
  const source: Text = asked
    ? { en: '--engine', vi: '--engine' }
    : { en: "the flow's engine setting", vi: 'thiết lập engine của quy trình' };
  if (wanted !== 'auto') return { engine: wanted, why: { en: `chosen by ${source.en}`, vi: `do ${source.vi} chọn` } };
  let largest = { file: '', size: -1 };
  for (const node of flow.nodes) {
    if (node.type !== 'ingest.file' || typeof node.params.path !== 'string' || !node.params.path) continue;
    const size = await stat(path.resolve(baseDir, node.params.path)).then(
      (s) => s.size,
      () => -1,
    );
    if (size > largest.size) largest = { file: node.params.path, size };
  }
  const limit = formatSize(AUTO_DUCKDB_BYTES);
  if (largest.size > AUTO_DUCKDB_BYTES)
    return {
      engine: 'duckdb',
      why: {
        en: `auto: "${path.basename(largest.file)}" is ${formatSize(largest.size)}, over ${limit}`,
        vi: `tự động: "${path.basename(largest.file)}" có ${formatSize(largest.size)}, lớn hơn ${limit}`,
      },
    };
  return {
    engine: 'memory',
    why:
      largest.size >= 0
        ? {
            en: `auto: the largest file loaded is ${formatSize(largest.size)}, at most ${limit}`,
            vi: `tự động: tệp lớn nhất được nạp có ${formatSize(largest.size)}, không quá ${limit}`,
          }
        : { en: 'auto: the flow loads no file', vi: 'tự động: quy trình không nạp tệp nào' },
  };
}
