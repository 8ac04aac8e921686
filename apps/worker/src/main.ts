// `pnpm start:worker`: the queue-processing process, configured only by the environment.
import './heap-growth.ts';
import { runUntilSignal } from '@switchboard/domain';
import { loadWorkerEnv } from './config/worker-env.ts';
import { startWorker } from './runtime.ts';

// The jobs in hand get SHUTDOWN_TIMEOUT_SECONDS (default 30) to finish, then the process exits with code 1 anyway:
// a job cut short is retried once its lock lapses (JOB_LOCK_MS), and every job is safe to run again (sends ask the
// provider before sending twice, imports resume after their last batch, webhook events apply once).
await runUntilSignal(() => startWorker(loadWorkerEnv()), { closingMessage: 'finishing jobs in hand, then stopping' });
