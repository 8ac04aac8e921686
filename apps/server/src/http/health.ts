// Liveness (/healthz: the process runs) and readiness (/readyz: PostgreSQL and Redis answer).

import type { Orm, Redis } from '@switchboard/domain';
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/** Always public: a load balancer's liveness probe needs nothing else, and it says nothing about the backends. */
export function registerLiveness(app: FastifyInstance): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
}

export function registerReadiness(app: FastifyInstance, deps: { orm: Orm; redis: Redis }, guard?: preHandlerHookHandler): void {
  app.get('/readyz', { ...(guard ? { preHandler: guard } : {}) }, async (_request, reply) => {
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
