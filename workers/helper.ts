/// <reference lib="webworker" />
/** A browser helper thread, started by the engine's worker for work split by rows. */
import * as Comlink from 'comlink';
import { helperApi } from './helper-api';

Comlink.expose(helperApi);
