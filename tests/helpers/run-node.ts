/** Runs one node through its public contract (params parsed by its schema, a real context). */
import type { NodeDef, PortValue, RunContext } from '../../src/core/contract/node';
import type { Text } from '../../src/core/contract/i18n';
import { parseParams } from '../../src/core/contract/params';
import { createRandom, seedFrom } from '../../src/core/contract/random';
import { memoryFiles, type FileSource } from '../../workers/files';

export interface NodeRunResult {
  outputs: Record<string, PortValue>;
  /** Everything the node said with ctx.warn or ctx.info, in English (all languages in `notes`). */
  warnings: string[];
  /** What it said with ctx.info only (plain information), in English. */
  infos: string[];
  notes: Text[];
  progress: { fraction: number; message?: string }[];
}

export async function runNode(
  def: NodeDef,
  inputs: Record<string, PortValue | undefined>,
  rawParams: Record<string, unknown> = {},
  options: { files?: FileSource | Record<string, Uint8Array | string>; signal?: AbortSignal } = {},
): Promise<NodeRunResult> {
  const parsed = parseParams(def, rawParams);
  if (!parsed.ok) throw new Error(`invalid params: ${parsed.problems.map((p) => p.en).join(' ')}`);
  const files =
    options.files && 'read' in options.files
      ? (options.files as FileSource)
      : memoryFiles((options.files ?? {}) as Record<string, Uint8Array | string>);
  const warnings: string[] = [];
  const infos: string[] = [];
  const notes: Text[] = [];
  /** Each progress report: its English message (what most tests match) and the text in both languages. */
  const progress: { fraction: number; message?: string; text?: Text }[] = [];
  const signal = options.signal ?? new AbortController().signal;
  const params = parsed.params;
  const ctx: RunContext = {
    signal,
    random: createRandom(typeof params.seed === 'number' ? seedFrom(params.seed) : seedFrom('test')),
    warn: (text) => {
      notes.push(text);
      warnings.push(text.en);
    },
    info: (text) => {
      notes.push(text);
      warnings.push(text.en);
      infos.push(text.en);
    },
    readFile: (p) => files.read(p),
    progress: async (fraction, message) => {
      progress.push({ fraction, message: message?.en, text: message });
      if (signal.aborted) {
        const { CancelledError } = await import('../../src/core/contract/errors');
        throw new CancelledError();
      }
    },
  };
  const outputs = await def.run(inputs, params as never, ctx);
  return { outputs, warnings, infos, notes, progress };
}
