// The life of a process (server, worker): start, then on SIGINT/SIGTERM close gracefully and exit 0 — or, when
// closing takes longer than the process's shutdown deadline, exit 1 at the deadline (shutdown-deadline.ts).
// A bad environment exits 78 (EX_CONFIG) with the message naming the variable, not a stack trace.
import { ConfigError } from '../config/env.ts';
import type { Logger } from '../logging/logger.ts';
import { armShutdownDeadline } from './shutdown-deadline.ts';

export interface Closable {
  logger: Logger;
  close(): Promise<void>;
  /** How long close() may take before the process exits anyway (from SHUTDOWN_TIMEOUT_SECONDS). */
  shutdownTimeoutMs?: number;
}

export async function runUntilSignal(
  start: () => Promise<Closable>,
  opts: { forceExitAfterMs?: number; closingMessage: string },
): Promise<void> {
  let running: Closable;
  try {
    running = await start();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    running.logger.info({ signal }, opts.closingMessage);
    const deadlineMs = running.shutdownTimeoutMs ?? opts.forceExitAfterMs;
    if (deadlineMs) armShutdownDeadline(deadlineMs, running.logger);
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
