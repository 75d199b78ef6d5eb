/** A Node helper thread (worker_threads), started through helper-node.mjs. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { helperApi } from './helper-api';

if (!parentPort) throw new Error('helper-node.ts runs only as a worker thread');
Comlink.expose(helperApi, nodeEndpoint(parentPort));
