// `pnpm start:worker`: the queue-processing process, configured only by the environment.
import './heap-growth.ts';
import { runUntilSignal } from '@switchboard/domain';
import { loadWorkerEnv } from './config/worker-env.ts';
import { startWorker } from './runtime.ts';

// No forced exit: the job in hand is finished, however long it takes.
await runUntilSignal(() => startWorker(loadWorkerEnv()), { closingMessage: 'finishing jobs in hand, then stopping' });
