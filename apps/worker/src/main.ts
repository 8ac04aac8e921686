// `pnpm start:worker`: the queue-processing process, configured only by the environment.
import { ConfigError } from '@switchboard/domain';
import { loadWorkerEnv } from './config/worker-env.ts';
import { startWorker } from './runtime.ts';

try {
  const worker = await startWorker(loadWorkerEnv());
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    worker.logger.info({ signal }, 'finishing jobs in hand, then stopping');
    await worker.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
