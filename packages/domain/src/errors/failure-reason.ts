// What a user may read of a failure the worker gave up on. A domain error says what is wrong in the product's words;
// anything else (a database, network or programming error) is the server's own business: the worker logs it with
// its job id, and the user reads a generic reason that names that job.
import { DomainError } from './domain-errors.ts';

export function userFacingFailure(error: unknown, jobId: string | undefined): string {
  if (error instanceof DomainError) return error.message;
  return `Stopped by an internal error, retried and logged by the worker (job ${jobId ?? 'unknown'}); what was done before it stays`;
}
