// WhatsApp provider settings of the caller's company. Credentials go in; they never come back out.
import { deactivateWhatsappProvider, listWhatsappProviders, testWhatsappProvider, upsertWhatsappProvider } from '@switchboard/domain';
import { roleProcedure, router } from '../trpc.ts';
import { providerIdInput, upsertWhatsAppInput } from './providers.schema.ts';

const admin = roleProcedure('admin');
const manager = roleProcedure('admin', 'manager');

export const providersRouter = router({
  list: manager.query(({ ctx }) => listWhatsappProviders(ctx.scope, ctx.deps.publicUrl)),
  upsertWhatsApp: admin.input(upsertWhatsAppInput).mutation(({ ctx, input }) => upsertWhatsappProvider(ctx.scope, ctx.deps, input)),
  testConnection: manager.input(providerIdInput).mutation(({ ctx, input }) => testWhatsappProvider(ctx.scope, ctx.deps, input.id)),
  deactivate: admin
    .input(providerIdInput)
    .mutation(({ ctx, input }) => deactivateWhatsappProvider(ctx.scope, input.id, ctx.deps.publicUrl)),
});
