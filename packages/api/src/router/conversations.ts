// Messaging leads on WhatsApp and reading the conversations. Sends return at once with the message id;
// the worker sends, and the status arrives live on the event stream.
import {
  conversationTimeline,
  listConversations,
  markConversationRead,
  queueOutboundMessage,
  simulateLeadMessage,
} from '@switchboard/domain';
import { protectedProcedure, router } from '../trpc.ts';
import {
  conversationListInput,
  leadIdInput,
  sendMediaInput,
  sendTemplateInput,
  sendTextInput,
  simulateInboundInput,
} from './conversations.schema.ts';

export const conversationsRouter = router({
  list: protectedProcedure.input(conversationListInput).query(({ ctx, input }) => listConversations(ctx.scope, input ?? {})),
  timeline: protectedProcedure.input(leadIdInput).query(({ ctx, input }) => conversationTimeline(ctx.scope, input.leadId)),
  markRead: protectedProcedure.input(leadIdInput).mutation(async ({ ctx, input }) => {
    await markConversationRead(ctx.scope, input.leadId);
    return { ok: true as const };
  }),
  /** Simulator companies only: a message from a lead, through the real inbound webhook. */
  simulateInbound: protectedProcedure.input(simulateInboundInput).mutation(async ({ ctx, input }) => {
    await simulateLeadMessage(ctx.scope, ctx.deps, input);
    return { ok: true as const };
  }),
  sendText: protectedProcedure
    .input(sendTextInput)
    .mutation(({ ctx, input }) => queueOutboundMessage(ctx.scope, ctx.deps, { kind: 'text', leadId: input.leadId, text: input.text })),
  sendMedia: protectedProcedure
    .input(sendMediaInput)
    .mutation(({ ctx, input }) =>
      queueOutboundMessage(ctx.scope, ctx.deps, { kind: 'media', leadId: input.leadId, mediaUrl: input.mediaUrl, caption: input.caption }),
    ),
  sendTemplate: protectedProcedure.input(sendTemplateInput).mutation(({ ctx, input }) =>
    queueOutboundMessage(ctx.scope, ctx.deps, {
      kind: 'template',
      leadId: input.leadId,
      templateId: input.templateId,
      variables: input.variables,
    }),
  ),
});
