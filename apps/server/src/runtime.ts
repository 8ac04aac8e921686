// Opens everything the server process needs from its environment, and closes it in reverse order.
import { connectRedis, createLogger, EventStream, LoginThrottle, migrate, openOrm, systemClock } from '@switchboard/domain';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.ts';
import type { ServerEnv } from './config/server-env.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startServer(env: ServerEnv): Promise<RunningServer> {
  const logger = createLogger('server', env.LOG_LEVEL);
  const orm = await openOrm(env.DATABASE_URL);
  const applied = await migrate(orm);
  if (applied.length) logger.info({ applied }, 'applied migrations');
  const redis = connectRedis({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const events = new EventStream(redis, env.REDIS_PREFIX);
  const throttle = new LoginThrottle(redis, env.REDIS_PREFIX);
  const app = await buildServer({ orm, clock: systemClock, events, throttle, redis, logger });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  logger.info({ address }, 'server listening');
  return {
    app,
    url: address,
    async close() {
      await app.close();
      redis.disconnect();
      await orm.close();
    },
  };
}
