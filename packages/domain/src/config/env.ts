// Parses process environment with zod so a bad value stops the process with the variable's name, not a stack trace later.
import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Shared variable schemas (CONTRACT.md, Environment); each process picks the ones it needs. */
export const envFields = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// connection URL' }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// connection URL' }),
  /** Prefix of every Redis key the product writes (several deployments or test runs can share one Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_.:-]+$/, 'letters, digits, dot, colon, dash and underscore only')
    .default('sb'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TWILIO_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** No default: unset means production rules (a deployment that forgets it must not get development's leniency). */
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
};

/** development and test, named explicitly: the only runs allowed development's leniency (unset is production). */
export const isDevelopmentOrTest = (nodeEnv: string | undefined): boolean => nodeEnv === 'development' || nodeEnv === 'test';

export function parseEnv<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<S>> {
  // Empty strings count as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = z.object(shape).safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const missing = cleaned[name] === undefined;
      return `  ${name}: ${missing ? 'is required' : issue.message}`;
    });
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
