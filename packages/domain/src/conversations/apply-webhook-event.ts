// The worker's entry for one recorded webhook event: applies it once and marks it processed.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { WebhookEvent } from '../entities/webhook-event.ts';
import type { EventStream } from '../events/event-stream.ts';
import { applyInboundMessage } from './apply-inbound-message.ts';
import { applyStatusCallback } from './apply-status-callback.ts';

export async function applyWebhookEvent(
  deps: { em: EntityManager; events: EventStream; clock: Clock },
  eventId: string,
): Promise<'applied' | 'already' | 'missing'> {
  const em = deps.em.fork();
  const event = await em.findOne(WebhookEvent, { id: eventId });
  if (!event) return 'missing';
  if (event.processedAt) return 'already';
  const p = event.payload;
  if (event.kind === 'twilio.status') {
    const code = p.ErrorCode ? Number(p.ErrorCode) : null;
    await applyStatusCallback(deps.em, deps.events, {
      companyId: event.company.id,
      messageId: p['?mid'] ?? null,
      providerMessageId: p.MessageSid ?? p.SmsSid ?? '',
      status: p.MessageStatus ?? p.SmsStatus ?? '',
      errorCode: Number.isFinite(code) ? code : null,
      at: event.receivedAt,
    });
  } else if (event.kind === 'twilio.inbound') {
    await applyInboundMessage(deps.em, deps.events, {
      companyId: event.company.id,
      providerId: event.providerId,
      params: p,
      at: event.receivedAt,
    });
  }
  event.processedAt = deps.clock.now();
  await em.flush();
  return 'applied';
}
