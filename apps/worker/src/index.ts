export { loadWorkerEnv, type WorkerEnv } from './config/worker-env.ts';
export { type RunningWorker, startWorker } from './runtime.ts';
