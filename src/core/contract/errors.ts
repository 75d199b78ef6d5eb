import type { Text } from './i18n';

/**
 * Why a node (or a whole run) did not produce its outputs. A closed list: the interface decides
 * what to show from the code, never from the wording of a message.
 *
 * - `cancelled`: the analyst cancelled the run (the node was running or had not started yet).
 * - `upstream-failed`: not run because a node before it failed.
 * - `bad-input`: the node refused its data or settings (the message says what to change).
 * - `parse`: a file (data or workflow) could not be read as its format.
 * - `too-large`: the data does not fit in memory.
 * - `crashed`: the worker stopped (out of memory, killed); the run is lost.
 * - `internal`: an unexpected fault in a node (a bug), with its technical message.
 * - the graph problems found before running (see validate.ts): `missing-input`,
 *   `invalid-params`, `unknown-type`, `unknown-node`, `unknown-port`, `kind-mismatch`,
 *   `input-taken`, `duplicate-id`, `cycle`.
 */
export type ErrorCode =
  | 'cancelled'
  | 'upstream-failed'
  | 'bad-input'
  | 'parse'
  | 'too-large'
  | 'crashed'
  | 'internal'
  | 'missing-input'
  | 'invalid-params'
  | 'unknown-type'
  | 'unknown-node'
  | 'unknown-port'
  | 'kind-mismatch'
  | 'input-taken'
  | 'duplicate-id'
  | 'cycle';

export const ERROR_CODES: readonly ErrorCode[] = [
  'cancelled',
  'upstream-failed',
  'bad-input',
  'parse',
  'too-large',
  'crashed',
  'internal',
  'missing-input',
  'invalid-params',
  'unknown-type',
  'unknown-node',
  'unknown-port',
  'kind-mismatch',
  'input-taken',
  'duplicate-id',
  'cycle',
];

/**
 * An error meant for the analyst: its message says, in plain words, what is wrong and what to do.
 * Nodes throw it for bad input; the executor shows it on the failing node. `code` defaults to
 * `bad-input`; file readers use `parse`, size limits `too-large`.
 */
export class NodeError extends Error {
  readonly vi: string;
  readonly code: ErrorCode;
  constructor(message: Text | string, code: ErrorCode = 'bad-input') {
    const text = typeof message === 'string' ? { en: message, vi: message } : message;
    super(text.en);
    this.name = 'NodeError';
    this.vi = text.vi;
    this.code = code;
  }
}

/** Thrown from `ctx.progress` when the run has been cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'CancelledError';
  }
}
