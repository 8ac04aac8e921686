// AI agents of the caller's company: channels, prompt, WhatsApp settings, business hours and attempts per
// channel; the industry library to start from; a preview of what an agent would do with one lead.
import {
  AGENT_LIBRARY,
  archiveAgent,
  createAgent,
  createAgentFromLibrary,
  getAgent,
  listAgents,
  previewAgentForLead,
  updateAgent,
} from '@switchboard/domain';
import { protectedProcedure, roleProcedure, router } from '../trpc.ts';
import { agentIdInput, agentPreviewInput, createAgentInput, fromLibraryInput, updateAgentInput } from './agents.schema.ts';

const editor = roleProcedure('admin', 'manager');

export const agentsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listAgents(ctx.scope)),
  get: protectedProcedure.input(agentIdInput).query(({ ctx, input }) => getAgent(ctx.scope, input.id)),
  create: editor.input(createAgentInput).mutation(({ ctx, input }) => createAgent(ctx.scope, ctx.deps.events, input)),
  update: editor
    .input(updateAgentInput)
    .mutation(({ ctx, input: { id, ...changes } }) => updateAgent(ctx.scope, ctx.deps.events, id, changes)),
  archive: editor.input(agentIdInput).mutation(({ ctx, input }) => archiveAgent(ctx.scope, ctx.deps.events, input.id)),
  library: protectedProcedure.query(() => [...AGENT_LIBRARY]),
  createFromLibrary: editor.input(fromLibraryInput).mutation(({ ctx, input }) => createAgentFromLibrary(ctx.scope, ctx.deps.events, input)),
  preview: protectedProcedure.input(agentPreviewInput).query(({ ctx, input }) => previewAgentForLead(ctx.scope, input)),
});
