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
  NODE_ENV: envFields.NODE_ENV,
  /** Seconds between heartbeat jobs. */
  HEARTBEAT_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
};

export const loadWorkerEnv = (env: NodeJS.ProcessEnv = process.env) => parseEnv(workerEnvShape, env);
export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;
