// WhatsApp templates of the caller's company, as the composer needs them (issue 4 adds the editor and approval).
import { listTemplates } from '@switchboard/domain';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc.ts';

export const templatesRouter = router({
  list: protectedProcedure
    .input(z.object({ status: z.enum(['draft', 'pending', 'approved', 'rejected', 'archived']).optional() }).default({}))
    .query(({ ctx, input }) => listTemplates(ctx.scope, input)),
});
