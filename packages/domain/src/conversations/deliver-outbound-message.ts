// The send worker's work for one message: re-check consent and the window, respect the sender's rate, hand it
// to the provider once, record the outcome. A crash between the provider call and recording its id leaves
// the message `sending` with sendStartedAt set: the retry asks the provider before sending again.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { Message } from '../entities/message.ts';
import type { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { SendRateLimiter } from '../messaging/send-rate-limiter.ts';
import { twilioErrorMeaning } from '../messaging/twilio-errors.ts';
import { type MessagingProvider, type OutboundContent, ProviderError, type SendResult } from '../providers/messaging-provider.ts';
import { webhookUrls } from '../providers/provider-settings.ts';
import { toMessageView } from './message-view.ts';
import { sendRefusal } from './send-rules.ts';

export interface DeliverDeps {
  em: EntityManager;
  events: EventStream;
  clock: Clock;
  limiter: SendRateLimiter;
  publicUrl: string;
  providerFor(row: WhatsappProvider): MessagingProvider;
}

export type DeliverOutcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped' }
  | { kind: 'retry'; delayMs: number; reason: string };

function contentOf(message: Message): OutboundContent {
  if (message.kind === 'template') {
    return { kind: 'template', contentSid: message.template?.getEntity().contentSid as string, variables: message.templateVariables ?? {} };
  }
  if (message.kind === 'media') {
    return { kind: 'media', mediaUrl: String(message.media?.[0]?.url ?? ''), caption: message.body ?? undefined };
  }
  return { kind: 'text', body: message.body ?? '' };
}

export async function deliverOutboundMessage(deps: DeliverDeps, messageId: string): Promise<DeliverOutcome> {
  const em = deps.em.fork();
  const message = await em.findOne(
    Message,
    { id: messageId, direction: 'outbound' },
    { populate: ['lead', 'session', 'session.provider', 'template'] },
  );
  if (!message || (message.status !== 'queued' && message.status !== 'sending')) return { kind: 'skipped' };
  if (message.status === 'sending' && message.providerMessageId) return { kind: 'skipped' };
  const session = message.session?.getEntity();
  const providerRow = session?.provider.getEntity();
  if (!session || !providerRow) return finish(deps, message, { kind: 'failed', reason: 'The message has no WhatsApp sender' });
  const provider = deps.providerFor(providerRow);
  const now = deps.clock.now();
  const outbound = {
    messageId: message.id,
    to: message.lead.getEntity().phone,
    content: contentOf(message),
    // Our id rides in the callback URL, covered by Twilio's signature, so callbacks find the message even
    // before its Twilio sid is recorded.
    statusCallbackUrl: `${webhookUrls(deps.publicUrl, providerRow.id).status}?mid=${message.id}`,
    displayedBody: message.body ?? null,
  };

  if (message.status === 'sending') {
    // The previous attempt's outcome is unknown: it may have reached the provider.
    const found = await provider.findSent?.(outbound, message.sendStartedAt ?? message.createdAt);
    if (found) return recordSent(deps, em, message, found);
  } else {
    const refusal = sendRefusal({
      lead: message.lead.getEntity(),
      windowEndsAt: session.windowEndsAt,
      kind: message.kind === 'template' ? 'template' : message.kind === 'media' ? 'media' : 'text',
      template: message.template?.getEntity() ?? null,
      now,
    });
    if (refusal) return finish(deps, message, { kind: 'refused', reason: refusal });
    const waitMs = await deps.limiter.acquire(providerRow.id, providerRow.messagesPerSecond, now.getTime());
    if (waitMs > 0) return { kind: 'retry', delayMs: waitMs, reason: 'sender rate limit' };
    // Claim it: only one worker moves it from queued to sending.
    const claimed = await em
      .getConnection()
      .execute<{ id: string }[]>(
        `update messages set status = 'sending', send_started_at = ? where id = ? and status = 'queued' returning id`,
        [now, message.id],
      );
    if (!claimed[0]) return { kind: 'skipped' };
  }

  try {
    return await recordSent(deps, em, message, await provider.send(outbound));
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const meaning = twilioErrorMeaning(error.code, error.message);
    if (error.retryable) {
      // Nothing reached Twilio (or it said to slow down): back to queued and try again later.
      await em
        .getConnection()
        .execute(
          `update messages set status = 'queued', send_started_at = null where id = ? and status = 'sending' and provider_message_id is null`,
          [message.id],
        );
      return { kind: 'retry', delayMs: error.code === 63018 ? 1000 : 0, reason: error.message };
    }
    await em.getConnection().execute('update messages set error_code = ? where id = ?', [error.code, message.id]);
    return finish(deps, message, { kind: 'failed', reason: meaning.reason });
  }
}

async function recordSent(deps: DeliverDeps, em: EntityManager, message: Message, result: SendResult): Promise<DeliverOutcome> {
  // A callback may already have moved it further (sent, delivered): keep the furthest status.
  await em.getConnection().execute(
    `update messages set provider_message_id = ?, price_micros = coalesce(?, price_micros), price_currency = coalesce(?, price_currency),
       status = case when status in ('queued', 'sending') then 'sending' else status end
     where id = ?`,
    [result.providerMessageId, result.priceMicros, result.priceCurrency, message.id],
  );
  await publish(deps, message.id);
  return { kind: 'sent', providerMessageId: result.providerMessageId };
}

/** After the last retry: the message fails with the reason of its last attempt. */
export async function giveUpOnMessage(
  deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>,
  messageId: string,
  reason: string,
): Promise<void> {
  const message = await deps.em.fork().findOne(Message, { id: messageId });
  if (message) await finish(deps, message, { kind: 'failed', reason: `Gave up after repeated failures: ${reason}` });
}

async function finish(
  deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>,
  message: Message,
  outcome: Extract<DeliverOutcome, { kind: 'refused' | 'failed' }>,
): Promise<DeliverOutcome> {
  await deps.em
    .getConnection()
    .execute(
      `update messages set status = 'failed', ${outcome.kind === 'refused' ? 'refusal_reason' : 'error_message'} = ? where id = ? and status in ('queued', 'sending')`,
      [outcome.reason, message.id],
    );
  await deps.em
    .getConnection()
    .execute(`update interaction_attempts set outcome = ?, ended_at = ? where message_id = ?`, [
      outcome.kind === 'refused' ? 'refused' : 'failed',
      deps.clock.now(),
      message.id,
    ]);
  await publish(deps, message.id);
  return outcome;
}

async function publish(deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>, messageId: string): Promise<void> {
  const message = await deps.em.fork().findOneOrFail(Message, { id: messageId });
  await deps.events.publish(message.company.id, {
    type: 'message.status',
    at: deps.clock.now().toISOString(),
    data: { message: toMessageView(message) },
  });
}
