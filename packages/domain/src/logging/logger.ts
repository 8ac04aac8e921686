// Structured JSON logs (pino) for every process; the process name goes on every line.
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Lines go to stdout; a test may pass its own destination to read them. */
export function createLogger(
  processName: string,
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = { name: processName, level, base: { process: processName } };
  return destination ? pino(options, destination) : pino(options);
}
