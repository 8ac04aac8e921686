// Builds the Fastify application from its dependencies; main.ts owns the process around it.
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import type { ApiDeps } from '@switchboard/api';
import { type JobQueues, type Logger, ProviderDirectory, type Redis } from '@switchboard/domain';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { registerHealth } from './http/health.ts';
import { registerLeadFiles } from './http/lead-files.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerTrpc } from './http/trpc.ts';
import { registerTwilioWebhooks } from './http/twilio-webhooks.ts';
import { registerWebhookMetrics } from './http/webhook-metrics.ts';

export interface ServerDeps extends ApiDeps {
  redis: Redis;
  logger: Logger;
  queues: JobQueues;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Per-request lines would drown the webhook traffic; /metrics counts requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    // Without this, closing with open SSE subscriptions waits for clients to hang up.
    forceCloseConnections: true,
    trustProxy: true,
    bodyLimit: 5 * 1024 * 1024,
  });
  // The desktop console loads from file:// or another origin; auth is a bearer token, never a cookie.
  await app.register(cors, { origin: true, methods: ['GET', 'POST', 'OPTIONS'] });
  await app.register(formbody);
  registerWebhookMetrics(registerMetrics(app), deps);
  registerHealth(app, deps);
  await registerTrpc(app, deps);
  registerLeadFiles(app, deps);
  registerTwilioWebhooks(app, { ...deps, providers: new ProviderDirectory({ em: deps.orm.em, secrets: deps.secrets, clock: deps.clock }) });
  return app;
}
