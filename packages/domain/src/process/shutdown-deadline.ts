// The deadline of a graceful shutdown: past it the process exits whatever it has in hand (a job waiting on a lock,
// a request that never ends). A timer on the main thread exits with code 1 and says so; a watchdog thread kills the
// process (SIGKILL) a second later in case the main thread is too busy to run that timer (a synchronous loop). A
// process whose main thread is already blocked when the signal arrives cannot see the signal at all: there, only
// the supervisor's own kill helps (set its grace period above SHUTDOWN_TIMEOUT_SECONDS).
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logging/logger.ts';

/** How long after the deadline the watchdog thread kills a main thread that could not exit by itself. */
const WATCHDOG_GRACE_MS = 1000;

// Runs on its own thread, so it fires even while the main thread's event loop is blocked.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setTimeout(() => process.kill(process.pid, 'SIGKILL'), workerData.afterMs);
`;

export function armShutdownDeadline(deadlineMs: number, logger: Logger): void {
  setTimeout(() => {
    logger.error({ deadlineMs }, 'shutdown deadline passed: exiting with work in hand');
    process.exit(1);
  }, deadlineMs).unref();
  try {
    new Worker(WATCHDOG, { eval: true, workerData: { afterMs: deadlineMs + WATCHDOG_GRACE_MS } }).unref();
  } catch (error) {
    // Without a thread to spare the main-thread timer still holds the deadline, unless the main thread spins.
    logger.warn({ err: error }, 'shutdown watchdog thread not started');
  }
}
