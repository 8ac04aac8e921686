// Leads of the caller's company: create and edit, the filtered list page by page, a lead's detail, consent,
// bulk operations and CSV imports (the file itself goes to POST /imports/leads; reports and exports are
// downloads, see apps/server/src/http/lead-files.ts).
import {
  countLeads,
  createLead,
  getBulkOperation,
  getLead,
  getLeadImport,
  leadTimeline,
  listLeadImports,
  listLeads,
  recentLeadTags,
  setWhatsappConsent,
  startBulkOperation,
  startLeadImport,
  updateLead,
} from '@switchboard/domain';
import { protectedProcedure, roleProcedure, router } from '../trpc.ts';
import {
  bulkInput,
  countLeadsInput,
  createLeadInput,
  leadIdInput,
  listLeadsInput,
  operationIdInput,
  setConsentInput,
  startImportInput,
  updateLeadInput,
} from './leads.schema.ts';

const manager = roleProcedure('admin', 'manager');

export const leadsRouter = router({
  create: protectedProcedure.input(createLeadInput).mutation(({ ctx, input }) => createLead(ctx.scope, ctx.deps.events, input)),
  update: protectedProcedure
    .input(updateLeadInput)
    .mutation(({ ctx, input: { id, ...changes } }) => updateLead(ctx.scope, ctx.deps.events, id, changes)),
  get: protectedProcedure.input(leadIdInput).query(({ ctx, input }) => getLead(ctx.scope, input.id)),
  timeline: protectedProcedure.input(leadIdInput).query(({ ctx, input }) => leadTimeline(ctx.scope, input.id)),
  list: protectedProcedure
    .input(listLeadsInput)
    .query(({ ctx, input: { after, limit, ...filter } }) => listLeads(ctx.scope, { filter, after, limit })),
  count: protectedProcedure.input(countLeadsInput).query(({ ctx, input }) => countLeads(ctx.scope, input)),
  tags: protectedProcedure.query(({ ctx }) => recentLeadTags(ctx.scope)),
  setConsent: protectedProcedure.input(setConsentInput).mutation(({ ctx, input }) => setWhatsappConsent(ctx.scope, ctx.deps.events, input)),
  bulk: manager.input(bulkInput).mutation(({ ctx, input }) => startBulkOperation(ctx.scope, ctx.deps, input)),
  bulkStatus: protectedProcedure.input(operationIdInput).query(({ ctx, input }) => getBulkOperation(ctx.scope, input.id)),
  imports: protectedProcedure.query(({ ctx }) => listLeadImports(ctx.scope)),
  importStatus: protectedProcedure.input(operationIdInput).query(({ ctx, input }) => getLeadImport(ctx.scope, input.id)),
  startImport: manager.input(startImportInput).mutation(({ ctx, input }) => startLeadImport(ctx.scope, ctx.deps, input)),
});
