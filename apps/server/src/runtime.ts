// Opens everything the server process needs from its environment, and closes it in reverse order.
import {
  connectRedis,
  createLogger,
  EventStream,
  JobQueues,
  LiveStreamSeats,
  type Logger,
  LoginThrottle,
  migrate,
  openOrm,
  resealProviderSecrets,
  resolveSecretKey,
  SecretBox,
  SessionRevocations,
  systemClock,
} from '@switchboard/domain';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.ts';
import { observabilityAccess } from './config/observability-access.ts';
import type { ServerEnv } from './config/server-env.ts';
import { serverMetrics } from './http/metrics.ts';
import { buildInternalServer } from './internal-app.ts';

export interface RunningServer {
  app: FastifyInstance;
  logger: Logger;
  url: string;
  publicUrl: string;
  /** The internal listener's address (METRICS_PORT), when there is one. */
  metricsUrl?: string | undefined;
  shutdownTimeoutMs: number;
  close(): Promise<void>;
}

/** Where development keeps its generated SECRET_KEY (the same file `pnpm start` writes). */
export const DEV_SECRET_KEY_FILE = '.data/secret-key';

export async function startServer(env: ServerEnv): Promise<RunningServer> {
  const logger = createLogger('server', env.LOG_LEVEL);
  // Fail at start, not at the first webhook, when production has no key.
  const secrets = new SecretBox(resolveSecretKey({ secretKey: env.SECRET_KEY, nodeEnv: env.NODE_ENV, devKeyFile: DEV_SECRET_KEY_FILE }));
  const publicUrl = env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  const orm = await openOrm(env.DATABASE_URL);
  const applied = await migrate(orm);
  if (applied.length) logger.info({ applied }, 'applied migrations');
  // Provider tokens sealed before they were bound to their row (v1) are re-sealed as v2, in one short transaction.
  const resealed = await resealProviderSecrets({ em: orm.em, secrets });
  if (resealed.resealed.length) logger.info({ providers: resealed.resealed.length }, 're-sealed provider secrets as v2');
  if (resealed.unreadable.length) {
    logger.warn({ providerIds: resealed.unreadable }, 'provider secrets this SECRET_KEY cannot open; left as they are');
  }
  const redis = connectRedis({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const events = new EventStream(redis, env.REDIS_PREFIX, {
    onPublishError: (err, companyIds) => logger.warn({ err, companyIds }, 'live event not published'),
  });
  const throttle = new LoginThrottle(redis, env.REDIS_PREFIX);
  // One subscriber connection for the whole process, opened with the first live stream.
  const revocations = new SessionRevocations(redis, env.REDIS_PREFIX);
  const queues = new JobQueues(redis, env.REDIS_PREFIX);
  const observability = observabilityAccess(env);
  const metrics = serverMetrics();
  const app = await buildServer({
    queues,
    orm,
    clock: systemClock,
    events,
    revocations,
    liveStreams: new LiveStreamSeats(),
    throttle,
    redis,
    logger,
    secrets,
    publicUrl,
    twilioApiUrl: env.TWILIO_API_URL,
    trustProxy: env.TRUST_PROXY,
    observability,
    metrics,
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  logger.info({ address, publicUrl }, 'server listening');
  let internal: FastifyInstance | null = null;
  let metricsUrl: string | undefined;
  if (observability.kind === 'internal') {
    internal = buildInternalServer({ orm, redis, logger, registry: metrics.registry, token: observability.token });
    metricsUrl = await internal.listen({ port: observability.port, host: observability.host });
    logger.info({ address: metricsUrl }, 'metrics and readiness listening');
  } else if (observability.kind === 'closed') {
    logger.warn(
      'GET /metrics and /readyz answer 404: set METRICS_PORT (an internal listener) or METRICS_TOKEN (a bearer token) to serve them',
    );
  }
  return {
    app,
    logger,
    url: address,
    publicUrl,
    metricsUrl,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    async close() {
      await app.close();
      await internal?.close();
      await queues.close();
      revocations.close();
      redis.disconnect();
      await orm.close();
    },
  };
}
