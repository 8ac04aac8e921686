// AI agents of the caller's company.
import { createAgent, getAgent, listAgents, updateAgent } from '@switchboard/domain';
import { protectedProcedure, roleProcedure, router } from '../trpc.ts';
import { agentIdInput, createAgentInput, updateAgentInput } from './agents.schema.ts';

const editor = roleProcedure('admin', 'manager');

export const agentsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listAgents(ctx.scope)),
  get: protectedProcedure.input(agentIdInput).query(({ ctx, input }) => getAgent(ctx.scope, input.id)),
  create: editor.input(createAgentInput).mutation(({ ctx, input }) => createAgent(ctx.scope, ctx.deps.events, input)),
  update: editor.input(updateAgentInput).mutation(({ ctx, input }) => {
    const { id, ...changes } = input;
    return updateAgent(ctx.scope, ctx.deps.events, id, changes);
  }),
});
