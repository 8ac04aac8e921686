// The tRPC instance and the procedure builders every router uses.

import { authenticate, type PublicUser, TenantScope, type UserRole } from '@switchboard/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from './context.ts';
import { internalErrorId, internalErrorMessage, toTRPCError } from './errors.ts';

const t = initTRPC.context<Context>().create({
  // Stack traces stay in the server log, never in responses.
  isDev: false,
  // Pings keep SSE alive through proxies; the client reconnects (with its last event id) when they stop.
  sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 25_000 } },
  errorFormatter({ shape, error }) {
    // BAD_REQUEST from input validation carries the zod issues so a client can show them per field.
    const zodIssues = error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError ? error.cause.issues : null;
    if (error.code !== 'INTERNAL_SERVER_ERROR') return { ...shape, data: { ...shape.data, zodIssues, requestId: null } };
    // An internal error's text stays in the server log (onError logs it under the same id).
    const requestId = internalErrorId(error);
    return { ...shape, message: internalErrorMessage(requestId), data: { ...shape.data, zodIssues, requestId } };
  },
});

export const router = t.router;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped instanceof TRPCError) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Signed in: puts the user and a company-scoped data access (TenantScope) in the context. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.token) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  const user: PublicUser = await authenticate({ em: ctx.deps.orm.em, clock: ctx.deps.clock }, ctx.token).catch((error: unknown) => {
    throw toTRPCError(error);
  });
  const scope = new TenantScope(ctx.deps.orm.em.fork(), user.companyId, ctx.deps.clock, { userId: user.id, role: user.role });
  return next({ ctx: { ...ctx, token: ctx.token, user, scope } });
});

/** Signed in with one of the given roles; others get FORBIDDEN. */
export const roleProcedure = (...roles: UserRole[]) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${roles.join(' or ')} role` });
    }
    return next();
  });
