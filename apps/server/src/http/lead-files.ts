// Files in and out of the lead list, which tRPC's JSON is not made for: the CSV upload of an import (streamed
// into storage, never held whole in memory), the report of an import's refused rows, and the export of a
// filtered list. Each takes the same bearer token as the API and works inside the caller's company.
import { Readable } from 'node:stream';
import type { ApiDeps } from '@switchboard/api';
import {
  authenticate,
  bulkFilterSchema,
  DomainError,
  type DomainErrorKind,
  guessColumnMapping,
  LEAD_IMPORT_FIELD_LABELS,
  leadExportCsv,
  receiveLeadImport,
  rejectionReportCsv,
  TenantScope,
  type UserRole,
} from '@switchboard/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

const STATUS: Record<DomainErrorKind, number> = {
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  precondition: 412,
  rate_limited: 429,
  invalid: 400,
};

async function scopeOf(deps: ApiDeps, request: FastifyRequest, roles: UserRole[] | null): Promise<TenantScope> {
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new DomainError('unauthorized', 'Sign in first');
  const user = await authenticate({ em: deps.orm.em, clock: deps.clock }, token);
  if (roles && !roles.includes(user.role)) throw new DomainError('forbidden', `This needs the ${roles.join(' or ')} role`);
  return new TenantScope(deps.orm.em.fork(), user.companyId, deps.clock, { userId: user.id, role: user.role });
}

/** Domain and input errors answered here; anything else is internal, answered by the app's handler without its text. */
function fail(reply: FastifyReply, error: unknown) {
  if (error instanceof DomainError) return reply.code(STATUS[error.kind]).send({ error: error.message, code: error.kind });
  if (error instanceof z.ZodError)
    return reply.code(400).send({ error: error.issues[0]?.message ?? 'Invalid request', issues: error.issues });
  throw error;
}

function download(reply: FastifyReply, filename: string, body: AsyncIterable<string>) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]+/g, '_')}"`)
    .send(Readable.from(body));
}

export function registerLeadFiles(app: FastifyInstance, deps: ApiDeps): void {
  app.register(async (scoped) => {
    // The body is read as a stream by the handler, not parsed up front (and not limited to the JSON body size).
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scoped.post('/imports/leads', async (request, reply) => {
      try {
        const scope = await scopeOf(deps, request, ['admin', 'manager']);
        const filename = z
          .string()
          .trim()
          .max(255)
          .catch('leads.csv')
          .parse((request.query as Record<string, unknown>).filename);
        const uploaded = await receiveLeadImport(scope, { filename, body: request.raw });
        return { ...uploaded, guessedMapping: guessColumnMapping(uploaded.import.headers).columns, fieldLabels: LEAD_IMPORT_FIELD_LABELS };
      } catch (error) {
        // Whatever was not read of the upload is discarded with the connection.
        return fail(reply, error);
      }
    });
  });

  app.get('/imports/:id/rejected.csv', async (request, reply) => {
    try {
      const scope = await scopeOf(deps, request, null);
      const { id } = z.object({ id: z.uuid() }).parse(request.params);
      const body = rejectionReportCsv(scope, id);
      // The first chunk finds the import (or fails), before any header goes out.
      const first = await body.next();
      return download(
        reply,
        `rejected-rows-${id}.csv`,
        (async function* () {
          if (!first.done) yield first.value;
          yield* body;
        })(),
      );
    } catch (error) {
      return fail(reply, error);
    }
  });

  app.get('/exports/leads.csv', async (request, reply) => {
    try {
      const scope = await scopeOf(deps, request, null);
      const filter = bulkFilterSchema.parse(request.query);
      return download(reply, `leads-${deps.clock.now().toISOString().slice(0, 10)}.csv`, leadExportCsv(scope, filter));
    } catch (error) {
      return fail(reply, error);
    }
  });
}
