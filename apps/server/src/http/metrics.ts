// Prometheus metrics: the process defaults plus request counts and durations per route. The public listener
// counts its requests; where they are served (there, behind a token, or on the internal listener) is the
// caller's choice (config/observability-access.ts).
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  /** Counts every request `app` answers. */
  countRequests(app: FastifyInstance): void;
}

export function serverMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests', labelNames: labels, registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: labels,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    registry,
    countRequests(app) {
      app.addHook('onResponse', async (request, reply) => {
        // The route pattern, not the URL, keeps label cardinality bounded.
        const route = request.routeOptions.url ?? 'unmatched';
        const l = { method: request.method, route, status: String(reply.statusCode) };
        requests.inc(l);
        duration.observe(l, reply.elapsedTime / 1000);
      });
    },
  };
}

export function registerMetrics(app: FastifyInstance, registry: Registry, guard?: preHandlerHookHandler): void {
  app.get('/metrics', { ...(guard ? { preHandler: guard } : {}) }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
