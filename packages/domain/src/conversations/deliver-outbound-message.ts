// The send worker's work for one message: re-check consent and the window, respect the sender's rate, hand it
// to the provider once, record the outcome. A crash between the provider call and recording its id leaves
// the message `sending` with sendStartedAt set: the retry asks the provider before sending again.
// This is the hot path of every campaign, so it reads and writes with plain SQL (no entity hydration).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import { WhatsappProvider } from '../entities/whatsapp-provider.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { SendRateLimiter } from '../messaging/send-rate-limiter.ts';
import { twilioErrorMeaning } from '../messaging/twilio-errors.ts';
import {
  type MessagingProvider,
  type OutboundContent,
  type OutboundMessage,
  ProviderError,
  type SendResult,
} from '../providers/messaging-provider.ts';
import { webhookUrls } from '../providers/provider-settings.ts';
import { MESSAGE_VIEW_COLUMNS, type MessageViewRow, messageViewFromRow } from './message-view.ts';
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

interface SendRow {
  id: string;
  company_id: string;
  status: string;
  kind: 'text' | 'media' | 'location' | 'template' | 'button_reply';
  body: string | null;
  media: Record<string, unknown>[] | null;
  template_variables: Record<string, string> | null;
  provider_message_id: string | null;
  send_started_at: Date | string | null;
  created_at: Date | string;
  phone: string;
  whatsapp_opt_in: boolean;
  whatsapp_opted_out_at: Date | string | null;
  window_ends_at: Date | string | null;
  provider_id: string | null;
  provider_updated_at: Date | string | null;
  provider_mps: number | null;
  template_status: 'draft' | 'pending' | 'approved' | 'rejected' | 'archived' | null;
  template_content_sid: string | null;
}

const SELECT_FOR_SEND = `
  select m.id, m.company_id, m.status, m.kind, m.body, m.media, m.template_variables, m.provider_message_id, m.send_started_at, m.created_at,
         l.phone, l.whatsapp_opt_in, l.whatsapp_opted_out_at,
         s.window_ends_at, s.provider_id, p.updated_at as provider_updated_at, p.messages_per_second as provider_mps,
         t.status as template_status, t.content_sid as template_content_sid
  from messages m
  join leads l on l.id = m.lead_id
  left join whatsapp_sessions s on s.id = m.session_id
  left join whatsapp_providers p on p.id = s.provider_id
  left join templates t on t.id = m.template_id
  where m.id = ? and m.direction = 'outbound'`;

// Provider rows by id, refreshed when the row's updated_at moves (credentials edited): one load per process.
const providerRows = new WeakMap<DeliverDeps, Map<string, WhatsappProvider>>();

async function providerRow(deps: DeliverDeps, id: string, updatedAt: Date | string): Promise<WhatsappProvider | null> {
  let rows = providerRows.get(deps);
  if (!rows) {
    rows = new Map();
    providerRows.set(deps, rows);
  }
  const cached = rows.get(id);
  if (cached && cached.updatedAt.getTime() === new Date(updatedAt).getTime()) return cached;
  const row = await deps.em.fork().findOne(WhatsappProvider, { id });
  if (row) rows.set(id, row);
  return row;
}

function contentOf(m: SendRow): OutboundContent {
  if (m.kind === 'template') return { kind: 'template', contentSid: m.template_content_sid ?? '', variables: m.template_variables ?? {} };
  if (m.kind === 'media') return { kind: 'media', mediaUrl: String(m.media?.[0]?.url ?? ''), caption: m.body ?? undefined };
  return { kind: 'text', body: m.body ?? '' };
}

export async function deliverOutboundMessage(deps: DeliverDeps, messageId: string): Promise<DeliverOutcome> {
  const conn = deps.em.getConnection();
  const [m] = await conn.execute<SendRow[]>(SELECT_FOR_SEND, [messageId]);
  if (!m || (m.status !== 'queued' && m.status !== 'sending')) return { kind: 'skipped' };
  if (m.status === 'sending' && m.provider_message_id) return { kind: 'skipped' };
  const row = m.provider_id && m.provider_updated_at ? await providerRow(deps, m.provider_id, m.provider_updated_at) : null;
  if (!row) return finish(deps, m.id, { kind: 'failed', reason: 'The message has no WhatsApp sender' });
  const provider = deps.providerFor(row);
  const now = deps.clock.now();
  const outbound: OutboundMessage = {
    messageId: m.id,
    to: m.phone,
    content: contentOf(m),
    // Our id rides in the callback URL, covered by Twilio's signature, so callbacks find the message even
    // before its Twilio sid is recorded.
    statusCallbackUrl: `${webhookUrls(deps.publicUrl, row.id).status}?mid=${m.id}`,
    displayedBody: m.body,
  };

  if (m.status === 'sending') {
    // The previous attempt's outcome is unknown: it may have reached the provider.
    // Raw SQL gives timestamps as strings.
    const found = await provider.findSent?.(outbound, new Date(m.send_started_at ?? m.created_at));
    if (found) return recordSent(deps, m.id, found);
  } else {
    const refusal = sendRefusal({
      lead: { whatsappOptIn: m.whatsapp_opt_in, whatsappOptedOutAt: m.whatsapp_opted_out_at ? new Date(m.whatsapp_opted_out_at) : null },
      windowEndsAt: m.window_ends_at ? new Date(m.window_ends_at) : null,
      kind: m.kind === 'template' ? 'template' : m.kind === 'media' ? 'media' : 'text',
      template: m.kind === 'template' ? { status: m.template_status ?? 'draft', contentSid: m.template_content_sid } : null,
      now,
    });
    if (refusal) return finish(deps, m.id, { kind: 'refused', reason: refusal });
    const waitMs = await deps.limiter.acquire(row.id, m.provider_mps ?? row.messagesPerSecond, now.getTime());
    if (waitMs > 0) return { kind: 'retry', delayMs: waitMs, reason: 'sender rate limit' };
    // Claim it: only one worker moves it from queued to sending.
    const claimed = await conn.execute<{ id: string }[]>(
      `update messages set status = 'sending', send_started_at = ? where id = ? and status = 'queued' returning id`,
      [now, m.id],
    );
    if (!claimed[0]) return { kind: 'skipped' };
  }

  try {
    return await recordSent(deps, m.id, await provider.send(outbound));
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const meaning = twilioErrorMeaning(error.code, error.message);
    if (error.retryable) {
      // Nothing reached Twilio (or it said to slow down): back to queued and try again later.
      await conn.execute(
        `update messages set status = 'queued', send_started_at = null where id = ? and status = 'sending' and provider_message_id is null`,
        [m.id],
      );
      return { kind: 'retry', delayMs: error.code === 63018 ? 1000 : 0, reason: error.message };
    }
    await conn.execute('update messages set error_code = ? where id = ?', [error.code, m.id]);
    return finish(deps, m.id, { kind: 'failed', reason: meaning.reason });
  }
}

async function recordSent(deps: DeliverDeps, messageId: string, result: SendResult): Promise<DeliverOutcome> {
  // A callback may already have moved it further (sent, delivered): keep the furthest status.
  const [row] = await deps.em.getConnection().execute<MessageViewRow[]>(
    `update messages set provider_message_id = ?, price_micros = coalesce(?, price_micros), price_currency = coalesce(?, price_currency),
       status = case when status in ('queued', 'sending') then 'sending' else status end
     where id = ? returning ${MESSAGE_VIEW_COLUMNS}`,
    [result.providerMessageId, result.priceMicros, result.priceCurrency, messageId],
  );
  if (row) await publish(deps, row);
  return { kind: 'sent', providerMessageId: result.providerMessageId };
}

/** After the last retry: the message fails with the reason of its last attempt. */
export async function giveUpOnMessage(
  deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>,
  messageId: string,
  reason: string,
): Promise<void> {
  await finish(deps, messageId, { kind: 'failed', reason: `Gave up after repeated failures: ${reason}` });
}

async function finish(
  deps: Pick<DeliverDeps, 'em' | 'events' | 'clock'>,
  messageId: string,
  outcome: Extract<DeliverOutcome, { kind: 'refused' | 'failed' }>,
): Promise<DeliverOutcome> {
  const conn = deps.em.getConnection();
  const [row] = await conn.execute<MessageViewRow[]>(
    `update messages set status = 'failed', ${outcome.kind === 'refused' ? 'refusal_reason' : 'error_message'} = ?
     where id = ? and status in ('queued', 'sending') returning ${MESSAGE_VIEW_COLUMNS}`,
    [outcome.reason, messageId],
  );
  await conn.execute('update interaction_attempts set outcome = ?, ended_at = ? where message_id = ?', [
    outcome.kind === 'refused' ? 'refused' : 'failed',
    deps.clock.now(),
    messageId,
  ]);
  if (row) await publish(deps, row);
  return outcome;
}

async function publish(deps: Pick<DeliverDeps, 'events' | 'clock'>, row: MessageViewRow): Promise<void> {
  await deps.events.publish(row.company_id, {
    type: 'message.status',
    at: deps.clock.now().toISOString(),
    data: { message: messageViewFromRow(row) },
  });
}
