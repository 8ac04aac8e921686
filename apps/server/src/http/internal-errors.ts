// Every route's 5xx: the error goes to the log under a request id, and the client gets only that id with generic
// words (Fastify's own handler would send the error's message: a database error's text, say). Client errors (4xx)
// keep Fastify's answer, which says what was wrong with the request. Set before any route is registered, since a
// route takes the error handler in force when it is added.
import { randomUUID } from 'node:crypto';
import { internalErrorMessage } from '@switchboard/api';
import type { FastifyError, FastifyInstance } from 'fastify';

export function registerInternalErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    // Sent on to Fastify's default handler, as if this one were not there.
    if (status < 500) return reply.send(error);
    const requestId = randomUUID();
    request.log.error({ err: error, requestId, method: request.method, url: request.routeOptions.url ?? request.url }, 'request failed');
    return reply.code(status).send({ error: internalErrorMessage(requestId), requestId });
  });
}
