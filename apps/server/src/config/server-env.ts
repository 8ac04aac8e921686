// The server's environment (CONTRACT.md, Environment), validated at start-up.
import { envFields, parseEnv } from '@switchboard/domain';
import { z } from 'zod';

export const serverEnvShape = {
  DATABASE_URL: envFields.DATABASE_URL,
  REDIS_URL: envFields.REDIS_URL,
  REDIS_PREFIX: envFields.REDIS_PREFIX,
  PORT: envFields.PORT,
  HOST: envFields.HOST,
  PUBLIC_URL: envFields.PUBLIC_URL,
  SECRET_KEY: envFields.SECRET_KEY,
  LOG_LEVEL: envFields.LOG_LEVEL,
  TWILIO_API_URL: envFields.TWILIO_API_URL,
  NODE_ENV: envFields.NODE_ENV,
  /** Seconds a graceful shutdown may take (requests in flight); then the process exits with code 1. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
};

export const loadServerEnv = (env: NodeJS.ProcessEnv = process.env) => parseEnv(serverEnvShape, env);
export type ServerEnv = ReturnType<typeof loadServerEnv>;
