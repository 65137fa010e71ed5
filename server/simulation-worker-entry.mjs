// Entry of a simulation-pool worker thread: the worker code is TypeScript, so register tsx's loader in
// this thread first (the server itself runs under `tsx`, tests under vitest; neither passes its
// loader to worker threads reliably), then hand tinypool the task function.
import { register } from 'tsx/esm/api';

register();
const { default: runSimulationTask } = await import('./simulation-worker.ts');

export default runSimulationTask;
