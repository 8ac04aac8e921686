// Which calls may share one HTTP request. Batching is for the console's many small reads; a sign-in, sign-up or
// other auth call travels alone, so that every password guess costs an attacker one request of its own and a
// batch cannot start many guesses at the same instant.
import { TRPCError } from '@trpc/server';

/** The most calls one batched request may carry (the console's client sends at most this many). */
export const MAX_BATCH_SIZE = 10;

const isAuthCall = (path: string) => path.startsWith('auth.');

/** Throws BAD_REQUEST for a batch the API does not take; the whole request is refused and nothing in it runs. */
export function assertBatchAllowed(paths: readonly string[]): void {
  if (paths.length > MAX_BATCH_SIZE) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `A batch may carry at most ${MAX_BATCH_SIZE} calls` });
  }
  if (paths.length > 1 && paths.some(isAuthCall)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Send auth calls on their own, not in a batch' });
  }
}
