// Builds the Fastify application from its dependencies; main.ts owns the process around it.
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import type { ApiDeps } from '@switchboard/api';
import { type JobQueues, type Logger, ProviderDirectory, type Redis } from '@switchboard/domain';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { ObservabilityAccess } from './config/observability-access.ts';
import type { TrustedProxies } from './config/trust-proxy.ts';
import { bearerGuard } from './http/bearer-guard.ts';
import { registerLiveness, registerReadiness } from './http/health.ts';
import { registerInternalErrorReplies } from './http/internal-errors.ts';
import { registerLeadFiles } from './http/lead-files.ts';
import { registerMetrics, type ServerMetrics, serverMetrics } from './http/metrics.ts';
import { registerTrpc } from './http/trpc.ts';
import { registerTwilioWebhooks } from './http/twilio-webhooks.ts';
import { registerWebhookMetrics } from './http/webhook-metrics.ts';

export interface ServerDeps extends ApiDeps {
  redis: Redis;
  logger: Logger;
  queues: JobQueues;
  /** TRUST_PROXY: who may name the client's address (sign-in limits count it); none when not given. */
  trustProxy?: TrustedProxies | undefined;
  /** Who may read /metrics and /readyz here; neither is served when not given. */
  observability?: ObservabilityAccess | undefined;
  /** Where this listener's requests are counted (shared with the internal listener that serves them). */
  metrics?: ServerMetrics | undefined;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Per-request lines would drown the webhook traffic; /metrics counts requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    // Without this, closing with open SSE subscriptions waits for clients to hang up.
    forceCloseConnections: true,
    // Only configured proxies may name the client: anyone else could pick a fresh address for every guess.
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 5 * 1024 * 1024,
    // A tRPC batch names all its procedures in one path segment: room for a full batch of long names, so the batch
    // limit a caller meets is the API's (BAD_REQUEST, packages/api/src/batch-policy.ts), not an accidental 414.
    routerOptions: { maxParamLength: 1000 },
  });
  registerInternalErrorReplies(app);
  // The desktop console loads from file:// or another origin; auth is a bearer token, never a cookie.
  await app.register(cors, { origin: true, methods: ['GET', 'POST', 'OPTIONS'] });
  await app.register(formbody);
  const metrics = deps.metrics ?? serverMetrics();
  metrics.countRequests(app);
  registerWebhookMetrics(metrics.registry, deps);
  registerLiveness(app);
  const access = deps.observability ?? { kind: 'closed' };
  if (access.kind === 'open' || access.kind === 'token') {
    const guard = access.kind === 'token' ? bearerGuard(access.token) : undefined;
    registerMetrics(app, metrics.registry, guard);
    registerReadiness(app, deps, guard);
  }
  await registerTrpc(app, deps);
  registerLeadFiles(app, deps);
  registerTwilioWebhooks(app, { ...deps, providers: new ProviderDirectory({ em: deps.orm.em, secrets: deps.secrets, clock: deps.clock }) });
  return app;
}
