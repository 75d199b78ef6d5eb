import type { Text } from './text';

/**
 * An error meant for the analyst: its message says, in plain words, what is wrong and what to do.
 * Nodes throw it for bad input; the executor shows it on the failing node.
 */
export class NodeError extends Error {
  readonly vi: string;
  constructor(message: Text | string) {
    const text = typeof message === 'string' ? { en: message, vi: message } : message;
    super(text.en);
    this.name = 'NodeError';
    this.vi = text.vi;
  }
}

/** Thrown from `ctx.progress` when the run has been cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'CancelledError';
  }
}
