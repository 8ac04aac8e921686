// The worker's environment (CONTRACT.md, Environment), validated at start-up.
import { envFields, parseEnv } from '@switchboard/domain';
import { z } from 'zod';

export const workerEnvShape = {
  DATABASE_URL: envFields.DATABASE_URL,
  REDIS_URL: envFields.REDIS_URL,
  REDIS_PREFIX: envFields.REDIS_PREFIX,
  SECRET_KEY: envFields.SECRET_KEY,
  LOG_LEVEL: envFields.LOG_LEVEL,
  TWILIO_API_URL: envFields.TWILIO_API_URL,
  /** Status callbacks point here, so the worker must know the server's public URL. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('http://127.0.0.1:3000'),
  /** Sends in flight at once per worker process; the per-sender rate limit applies on top. */
  SEND_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  /** How long a job's lock lasts; a worker that died is noticed (and its jobs retried) after about this long. */
  JOB_LOCK_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  NODE_ENV: envFields.NODE_ENV,
  /** Seconds between heartbeat jobs. */
  HEARTBEAT_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Seconds the jobs in hand get to finish on SIGTERM; then the process exits with code 1 and they are retried. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
};

export const loadWorkerEnv = (env: NodeJS.ProcessEnv = process.env) => parseEnv(workerEnvShape, env);
export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;
