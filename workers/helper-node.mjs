// Entry of a Node helper thread: worker_threads run plain Node, so register tsx (as the CLI's
// bin does) before loading the TypeScript helper.
import { register } from 'tsx/esm/api';

register();
await import('./helper-node.ts');
