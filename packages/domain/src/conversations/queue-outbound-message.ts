// A send request from the console: checked at once (so the user hears "no" immediately), stored as `queued`
// with its interaction attempt, and enqueued. The send worker checks the same rules again before sending,
// because consent or the window can change while the message waits.

import { newId } from '../db/new-id.ts';
import { InteractionAttempt } from '../entities/interaction-attempt.ts';
import { Lead } from '../entities/lead.ts';
import { Message } from '../entities/message.ts';
import type { Template } from '../entities/template.ts';
import { WhatsappSession } from '../entities/whatsapp-session.ts';
import { precondition } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import { activeWhatsappProvider } from '../providers/provider-settings.ts';
import type { JobQueues } from '../queues/job-queues.ts';
import { templateMessage } from '../templates/template-sending.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';
import { toMessageView } from './message-view.ts';
import { sendRefusal } from './send-rules.ts';

export type OutboundRequest = (
  | { kind: 'text'; leadId: string; text: string }
  | { kind: 'media'; leadId: string; mediaUrl: string; caption?: string | undefined }
  | { kind: 'template'; leadId: string; templateId: string; variables?: Record<string, string> | undefined }
) & {
  /** A caller that may repeat the request (a retried bulk job) names the message: a repeat queues nothing new. */
  messageId?: string | undefined;
};

export async function queueOutboundMessage(
  scope: TenantScope,
  deps: { queues: JobQueues; events: EventStream },
  request: OutboundRequest,
): Promise<{ messageId: string }> {
  const lead = await scope.get(Lead, request.leadId, 'Lead');
  if (request.messageId && (await scope.count(Message, { id: request.messageId }))) return { messageId: request.messageId };
  const provider = await activeWhatsappProvider(scope).catch(() => {
    throw precondition('Set up a WhatsApp provider in Settings first');
  });
  let session = (await scope.find(WhatsappSession, { lead: lead.id, provider: provider.id }, { limit: 1 }))[0];
  const now = scope.clock.now();

  let template: Template | null = null;
  let body: string | null = null;
  let variables: Record<string, string> | null = null;
  let templateParts: Record<string, unknown> | null = null;
  if (request.kind === 'template') {
    // The family's approved version, filled for this lead; refused by name when a value is missing.
    const message = await templateMessage(scope, request.templateId, lead, request.variables);
    template = message.template;
    body = message.body;
    variables = message.contentVariables;
    templateParts = { name: template.name, ...message.parts };
  } else {
    body = request.kind === 'text' ? request.text : (request.caption ?? null);
  }

  const refusal = sendRefusal({ lead, windowEndsAt: session?.windowEndsAt ?? null, kind: request.kind, template, now });
  if (refusal) throw precondition(refusal);

  session ??= scope.create(WhatsappSession, { lead: lead.id, provider: provider.id });
  // The conversation list is ordered by this time: it only moves forward, as the inbound path's greatest() does.
  if (!session.lastMessageAt || session.lastMessageAt < now) session.lastMessageAt = now;
  const message = scope.create(Message, {
    id: request.messageId ?? newId(),
    lead: lead.id,
    session: session.id,
    direction: 'outbound',
    kind: request.kind,
    body,
    media: request.kind === 'media' ? [{ url: request.mediaUrl }] : null,
    template: template?.id ?? null,
    templateVariables: variables,
    templateParts,
    status: 'queued',
    createdAt: now,
  });
  scope.create(InteractionAttempt, { lead: lead.id, channel: 'whatsapp', session: session.id, message: message.id, startedAt: now });
  await scope.em.flush();
  // Stored first, then enqueued: if Redis is down now, or does not answer within the queue's short wait, the
  // request still answers, and the worker's upkeep finds the queued message later. The event is best-effort too.
  await deps.queues.enqueueSend(message.id).catch(() => undefined);
  await deps.events.publish(scope.companyId, { type: 'message.queued', at: now.toISOString(), data: { message: toMessageView(message) } });
  return { messageId: message.id };
}
