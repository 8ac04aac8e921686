// A preHandler that lets a request through only with `Authorization: Bearer <token>` (METRICS_TOKEN).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { preHandlerHookHandler } from 'fastify';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function bearerGuard(token: string): preHandlerHookHandler {
  const expected = digest(`Bearer ${token}`);
  return async (request, reply) => {
    // Compared as fixed-length digests in constant time, so the answer's timing does not leak the token.
    const given = digest(request.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) {
      reply.code(401);
      return reply.send({ error: 'Unauthorized' });
    }
  };
}
