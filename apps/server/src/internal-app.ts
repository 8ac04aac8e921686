// The internal listener (METRICS_PORT): /metrics, /readyz and /healthz for Prometheus and orchestrators, on an
// address the internet does not reach (METRICS_HOST, 127.0.0.1 by default).
import type { Logger, Orm, Redis } from '@switchboard/domain';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Registry } from 'prom-client';
import { bearerGuard } from './http/bearer-guard.ts';
import { registerLiveness, registerReadiness } from './http/health.ts';
import { registerMetrics } from './http/metrics.ts';

export function buildInternalServer(deps: {
  orm: Orm;
  redis: Redis;
  logger: Logger;
  registry: Registry;
  token?: string | undefined;
}): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  const guard = deps.token ? bearerGuard(deps.token) : undefined;
  registerLiveness(app);
  registerReadiness(app, deps, guard);
  registerMetrics(app, deps.registry, guard);
  return app;
}
