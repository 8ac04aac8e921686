// Structured JSON logs (pino) for every process; the process name goes on every line.
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(processName: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: processName, level, base: { process: processName } });
}
