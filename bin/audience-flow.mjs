#!/usr/bin/env node
// The `audience-flow` command: runs the TypeScript CLI through tsx (a dependency), so the same
// sources serve the browser, the tests and the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
