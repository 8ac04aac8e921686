// The server's environment (CONTRACT.md, Environment), validated at start-up.
import { envFields, parseEnv } from '@switchboard/domain';
import { z } from 'zod';
import { trustProxyField } from './trust-proxy.ts';

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
  /** Proxies allowed to name the client's address: unset = none (a hop count, or addresses/CIDRs, comma-separated). */
  TRUST_PROXY: trustProxyField,
  /** An internal listener for /metrics, /readyz and /healthz (then the public one serves only /healthz). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Without METRICS_PORT: /metrics and /readyz on the public listener need `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** Seconds a graceful shutdown may take (requests in flight); then the process exits with code 1. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
};

export const loadServerEnv = (env: NodeJS.ProcessEnv = process.env) => parseEnv(serverEnvShape, env);
export type ServerEnv = ReturnType<typeof loadServerEnv>;
