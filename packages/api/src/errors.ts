// The one place where domain errors become tRPC codes (CONTRACT.md, Errors).

import { DomainError, type DomainErrorKind } from '@switchboard/domain';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';

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
  return error;
}
