// The company's live events over SSE. tracked() gives each event its stream id, so a client that
// reconnects sends it back as lastEventId and resumes without a gap.
import { tracked } from '@trpc/server';
import { z } from 'zod';
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
      const { events, clock } = ctx.deps;
      const companyId = ctx.user.companyId;
      let cursor = input?.lastEventId ?? null;
      if (!cursor) {
        // A fresh subscriber first learns its position, so that even a reconnect before any event resumes without a gap,
        // and the console knows the moment it is live.
        cursor = await events.latestId(companyId);
        yield tracked(cursor, { id: cursor, type: STREAM_OPENED, at: clock.now().toISOString(), data: {} });
      }
      for await (const event of events.subscribe(companyId, cursor, signal ?? new AbortController().signal)) {
        yield tracked(event.id, event);
      }
    }),
});
