// The one place where domain errors become tRPC codes (CONTRACT.md, Errors).

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
