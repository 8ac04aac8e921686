// The company's live events over SSE. tracked() gives each event its stream id, so a client that
// reconnects sends it back as lastEventId and resumes without a gap. A stream lives only as long as the session
// that opened it: a sign-out anywhere ends it at once, an expiry at the next session check; and one user holds at
// most a few streams per server.
import { unauthorized, watchSession } from '@switchboard/domain';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { toTRPCError } from '../errors.ts';
import { protectedProcedure, router } from '../trpc.ts';

export const STREAM_OPENED = 'stream.opened';

export const eventsRouter = router({
  stream: protectedProcedure
    .input(
      z
        .object({
          lastEventId: z
            .string()
            .regex(/^\d+-\d+$/)
            .nullish(),
        })
        .optional(),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const { events, clock, liveStreams, revocations } = ctx.deps;
      const companyId = ctx.user.companyId;
      // Errors thrown in here reach the client as the stream's error event, past the procedure's error mapping.
      let releaseSeat: () => void;
      try {
        releaseSeat = liveStreams.take(ctx.user.id);
      } catch (error) {
        throw toTRPCError(error);
      }
      const session = await watchSession({ em: ctx.deps.orm.em, clock, revocations }, ctx.token, ctx.deps.sessionCheckMs).catch(
        (error: unknown) => {
          releaseSeat();
          throw error;
        },
      );
      const stop = signal ? AbortSignal.any([signal, session.ended]) : session.ended;
      try {
        let cursor = input?.lastEventId ?? null;
        if (!cursor) {
          // A fresh subscriber first learns its position, so that even a reconnect before any event resumes without a gap,
          // and the console knows the moment it is live.
          cursor = await events.latestId(companyId);
          yield tracked(cursor, { id: cursor, type: STREAM_OPENED, at: clock.now().toISOString(), data: {} });
        }
        for await (const event of events.subscribe(companyId, cursor, stop)) {
          // Events already read with the last batch are not delivered once the session has ended.
          if (session.ended.aborted) break;
          yield tracked(event.id, event);
        }
        if (session.ended.aborted) throw toTRPCError(unauthorized('Your session has ended. Sign in again.'));
      } finally {
        session.stop();
        releaseSeat();
      }
    }),
});
