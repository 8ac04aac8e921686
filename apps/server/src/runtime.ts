// Opens everything the server process needs from its environment, and closes it in reverse order.
import {
  connectRedis,
  createLogger,
  EventStream,
  JobQueues,
  type Logger,
  LoginThrottle,
  migrate,
  openOrm,
  resolveSecretKey,
  SecretBox,
  systemClock,
} from '@switchboard/domain';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.ts';
import type { ServerEnv } from './config/server-env.ts';

export interface RunningServer {
  app: FastifyInstance;
  logger: Logger;
  url: string;
  publicUrl: string;
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
  const redis = connectRedis({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const events = new EventStream(redis, env.REDIS_PREFIX, {
    onPublishError: (err, companyIds) => logger.warn({ err, companyIds }, 'live event not published'),
  });
  const throttle = new LoginThrottle(redis, env.REDIS_PREFIX);
  const queues = new JobQueues(redis, env.REDIS_PREFIX);
  const app = await buildServer({
    queues,
    orm,
    clock: systemClock,
    events,
    throttle,
    redis,
    logger,
    secrets,
    publicUrl,
    twilioApiUrl: env.TWILIO_API_URL,
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  logger.info({ address, publicUrl }, 'server listening');
  return {
    app,
    logger,
    url: address,
    publicUrl,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    async close() {
      await app.close();
      await queues.close();
      redis.disconnect();
      await orm.close();
    },
  };
}
