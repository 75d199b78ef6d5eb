#!/usr/bin/env node
// The `audience-flow` command: runs the TypeScript CLI through tsx (a dependency), so the same
// sources serve the browser, the tests and the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
// The first Ctrl+C cancels the run (finished results are still written); a second one quits at once.
const stop = new AbortController();
process.once('SIGINT', () => {
  stop.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.exitCode = await main(process.argv.slice(2), undefined, { signal: stop.signal });
