// Who may read /metrics and /readyz. They tell a stranger the process's internals and whether PostgreSQL and
// Redis are up, and the server's public listener also takes Twilio's webhooks from the internet. So: an internal
// listener when METRICS_PORT is set; else a bearer token when METRICS_TOKEN is set; else open only to an
// explicit development or test run, and answered 404 otherwise (the start log says which variables to set).
import { isDevelopmentOrTest } from '@switchboard/domain';

export type ObservabilityAccess =
  /** /metrics, /readyz and /healthz on host:port; the public listener keeps only /healthz. */
  | { kind: 'internal'; port: number; host: string; token?: string }
  /** On the public listener, behind `Authorization: Bearer <token>`. */
  | { kind: 'token'; token: string }
  | { kind: 'open' }
  | { kind: 'closed' };

export interface ObservabilityEnv {
  METRICS_PORT?: number | undefined;
  METRICS_HOST: string;
  METRICS_TOKEN?: string | undefined;
  NODE_ENV?: string | undefined;
}

export function observabilityAccess(env: ObservabilityEnv): ObservabilityAccess {
  if (env.METRICS_PORT !== undefined) {
    return { kind: 'internal', port: env.METRICS_PORT, host: env.METRICS_HOST, ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}) };
  }
  if (env.METRICS_TOKEN) return { kind: 'token', token: env.METRICS_TOKEN };
  return isDevelopmentOrTest(env.NODE_ENV) ? { kind: 'open' } : { kind: 'closed' };
}
