// Liveness (/healthz: the process runs) and readiness (/readyz: PostgreSQL and Redis answer).

import type { Orm, Redis } from '@switchboard/domain';
import type { FastifyInstance } from 'fastify';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

export function registerHealth(app: FastifyInstance, deps: { orm: Orm; redis: Redis }): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const [postgres, redis] = await Promise.all([
      withTimeout(deps.orm.em.getConnection().execute('select 1'), 2000).then(
        () => 'ok',
        () => 'down',
      ),
      withTimeout(deps.redis.ping(), 2000).then(
        () => 'ok',
        () => 'down',
      ),
    ]);
    const ready = postgres === 'ok' && redis === 'ok';
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', postgres, redis };
  });
}
