// Leads of the caller's company and their WhatsApp consent.
import { createLead, getLead, listLeads, setWhatsappConsent } from '@switchboard/domain';
import { protectedProcedure, router } from '../trpc.ts';
import { createLeadInput, leadIdInput, listLeadsInput, setConsentInput } from './leads.schema.ts';

export const leadsRouter = router({
  create: protectedProcedure.input(createLeadInput).mutation(({ ctx, input }) => createLead(ctx.scope, ctx.deps.events, input)),
  get: protectedProcedure.input(leadIdInput).query(({ ctx, input }) => getLead(ctx.scope, input.id)),
  list: protectedProcedure.input(listLeadsInput).query(({ ctx, input }) => listLeads(ctx.scope, input)),
  setConsent: protectedProcedure.input(setConsentInput).mutation(({ ctx, input }) => setWhatsappConsent(ctx.scope, ctx.deps.events, input)),
});
