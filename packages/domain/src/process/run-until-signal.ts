// The life of a process (server, worker): start, then on SIGINT/SIGTERM close gracefully and exit 0.
// A bad environment exits 78 (EX_CONFIG) with the message naming the variable, not a stack trace.
import { ConfigError } from '../config/env.ts';
import type { Logger } from '../logging/logger.ts';

export interface Closable {
  logger: Logger;
  close(): Promise<void>;
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
    if (opts.forceExitAfterMs) setTimeout(() => process.exit(1), opts.forceExitAfterMs).unref();
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
