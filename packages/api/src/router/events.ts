// The company's live events over SSE. tracked() gives each event its stream id, so a client that
// reconnects sends it back as lastEventId and resumes without a gap.
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc.ts';

export const eventsRouter = router({
  stream: protectedProcedure.input(z.object({ lastEventId: z.string().regex(/^\d+-\d+$/).nullish() }).optional()).subscription(async function* ({ ctx, input, signal }) {
    const abort = signal ?? new AbortController().signal;
    for await (const event of ctx.deps.events.subscribe(ctx.user.companyId, input?.lastEventId ?? undefined, abort)) {
      yield tracked(event.id, event);
    }
  }),
});
