/// <reference lib="webworker" />
/** A browser helper thread, started by the engine's worker for work split by rows. */
import * as Comlink from 'comlink';
import { helperApi } from './helper-api';

Comlink.expose(helperApi);
// For diagnostics (devtools console of the helper, and the browser tests): what it has done.
(self as unknown as { audienceFlowHelper: { stats: typeof helperApi.stats } }).audienceFlowHelper = { stats: helperApi.stats };
