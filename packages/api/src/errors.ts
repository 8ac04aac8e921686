// The one place where domain errors become tRPC codes (CONTRACT.md, Errors), and where an internal error gets the
// id it is logged under and the generic words a client reads instead of its text.

import { randomUUID } from 'node:crypto';
import { DomainError, type DomainErrorKind } from '@switchboard/domain';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { z } from 'zod';

const CODES: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  precondition: 'PRECONDITION_FAILED',
  rate_limited: 'TOO_MANY_REQUESTS',
  invalid: 'BAD_REQUEST',
};

export function toTRPCError(error: unknown): unknown {
  if (error instanceof DomainError) return new TRPCError({ code: CODES[error.kind], message: error.message, cause: error });
  // Input validation, and rules checked with zod inside the domain (merged agent settings): the first problem as the
  // message ("name: Name is required"), every problem per field in error.data.zodIssues.
  if (error instanceof z.ZodError)
    return new TRPCError({ code: 'BAD_REQUEST', message: error.issues[0]?.message ?? 'Invalid input', cause: error });
  return error;
}

const requestIds = new WeakMap<object, string>();

/**
 * The id an internal error is known by: the same for its log line and for the answer the client gets, whichever asks
 * first (tRPC formats the answer and reports the error separately, with the same error object).
 */
export function internalErrorId(error: object): string {
  let id = requestIds.get(error);
  if (!id) {
    id = randomUUID();
    requestIds.set(error, id);
  }
  return id;
}

/** What a client reads of an internal error: never its text (a database message can name tables, values, secrets). */
export const internalErrorMessage = (requestId: string): string =>
  `Something went wrong on the server: its log has the details under request id ${requestId}`;
