export { loadWorkerEnv, type WorkerEnv } from './config/worker-env.ts';
export { type RunningWorker, startWorker, type WorkerOptions } from './runtime.ts';
