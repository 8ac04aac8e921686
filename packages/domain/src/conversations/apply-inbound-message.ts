// Applies an inbound WhatsApp message: finds or creates the lead (an unknown number becomes a new lead),
// opens or extends the lead's 24-hour window, stores the message, and acts on STOP / START. All of it commits
// in one transaction, so a job stopped at any point (a crash, a lost connection) leaves either nothing or
// everything, and its retry finds the message stored with its consent change; the live events go out after
// the commit, best-effort.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Message } from '../entities/message.ts';
import { DomainError } from '../errors/domain-errors.ts';
import type { EventStream } from '../events/event-stream.ts';
import { consentIntent } from '../messaging/consent-keywords.ts';
import { windowEndsAt } from '../messaging/session-window.ts';
import { inboundSender, parseInbound } from '../messaging/twilio-inbound.ts';
import { consentLiveEvent, type RecordedConsent, recordWhatsappConsent } from './consent.ts';
import { toMessageView } from './message-view.ts';

export interface InboundMessage {
  companyId: string;
  providerId: string;
  params: Record<string, string>;
  at: Date;
}

/** Throws a DomainError `invalid` for an event no retry can apply (no SID, a sender that is not a WhatsApp number). */
export async function applyInboundMessage(
  em: EntityManager,
  events: EventStream,
  inbound: InboundMessage,
): Promise<{ messageId: string; leadId: string }> {
  const sender = inboundSender(inbound.params);
  if ('unusable' in sender) throw new DomainError('invalid', `Inbound message not applicable: ${sender.unusable}`);
  const { sid, phone } = sender;
  const parsed = parseInbound(inbound.params);
  const endsAt = windowEndsAt(inbound.at);
  const intent = consentIntent(parsed.buttonPayload ?? parsed.body);

  const result = await em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    // Two jobs may apply the same message at once (the sweeper's copy and the original, or the same SID recorded
    // through two providers): the second waits here until the first commits, then finds the message stored.
    await conn.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`inbound:${inbound.companyId}:${sid}`], 'all', ctx);
    const existing = await tx.findOne(Message, { providerMessageId: sid, company: inbound.companyId });
    // Stored before, with its consent change (same transaction): a retry changes nothing twice.
    if (existing) return { messageId: existing.id, leadId: existing.lead.id, announce: null };

    // One statement each, so two messages from a new number at once still make one lead and one session.
    const [lead] = await conn.execute<{ id: string; created: boolean }[]>(
      `insert into leads (id, company_id, name, phone, preferred_channel, whatsapp_opt_in, status, tags, custom_fields, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, 'whatsapp', false, 'new', '{}', '{}', ?, ?)
       on conflict (company_id, phone) do update set updated_at = excluded.updated_at
       returning id, (xmax = 0) as created`,
      [inbound.companyId, sender.profileName ?? phone, phone, inbound.at, inbound.at],
      'all',
      ctx,
    );
    const leadId = (lead as { id: string }).id;
    const [session] = await conn.execute<{ id: string }[]>(
      `insert into whatsapp_sessions (id, company_id, lead_id, provider_id, last_inbound_at, window_ends_at, unread_count, last_message_at, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, 1, ?, ?)
       on conflict (lead_id, provider_id) do update set
         last_inbound_at = greatest(whatsapp_sessions.last_inbound_at, excluded.last_inbound_at),
         window_ends_at = greatest(whatsapp_sessions.window_ends_at, excluded.window_ends_at),
         last_message_at = greatest(whatsapp_sessions.last_message_at, excluded.last_message_at),
         unread_count = whatsapp_sessions.unread_count + 1
       returning id`,
      [inbound.companyId, leadId, inbound.providerId, inbound.at, endsAt, inbound.at, inbound.at],
      'all',
      ctx,
    );
    const message = tx.create(Message, {
      company: inbound.companyId,
      lead: leadId,
      session: (session as { id: string }).id,
      direction: 'inbound',
      kind: parsed.kind,
      body: parsed.body,
      media: parsed.media,
      status: 'received',
      providerMessageId: sid,
      createdAt: inbound.at,
    });
    await tx.flush();
    // Only a change is recorded: a second STOP is not a new consent event.
    const consent: RecordedConsent | null = intent
      ? await recordWhatsappConsent(
          tx,
          {
            companyId: inbound.companyId,
            leadId,
            optIn: intent === 'opt_in',
            source: 'whatsapp_keyword',
            actor: `lead:${phone}`,
            at: inbound.at,
          },
          { onlyIfChanged: true },
        )
      : null;
    const created = Boolean((lead as { created: boolean }).created);
    return { messageId: message.id, leadId, announce: { view: toMessageView(message), created, consent } };
  });

  if (result.announce) {
    const { view, created, consent } = result.announce;
    await events.publish(inbound.companyId, {
      type: 'message.received',
      at: inbound.at.toISOString(),
      data: { message: view, leadCreated: created, windowEndsAt: endsAt.toISOString() },
    });
    if (consent) await events.publish(inbound.companyId, consentLiveEvent(consent));
  }
  return { messageId: result.messageId, leadId: result.leadId };
}
