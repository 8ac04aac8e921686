// A process whose graceful close never finishes, for the shutdown-deadline test: `hang` waits on a promise that
// never settles, `spin` runs a synchronous loop (no timer on the main thread can fire again).
import { createLogger } from '../../src/logging/logger.ts';
import { runUntilSignal } from '../../src/process/run-until-signal.ts';

const mode = process.argv[2];
await runUntilSignal(
  async () => ({
    logger: createLogger('stuck', 'silent'),
    shutdownTimeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS),
    async close() {
      if (mode === 'spin') while (Date.now() > 0);
      await new Promise(() => {});
    },
  }),
  { closingMessage: 'closing' },
);
// Something to keep the event loop alive, as a server's socket or a worker's connections do.
setInterval(() => {}, 60_000);
console.log('ready');
