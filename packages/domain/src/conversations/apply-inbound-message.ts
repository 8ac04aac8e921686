// Applies an inbound WhatsApp message: finds or creates the lead (an unknown number becomes a new lead),
// opens or extends the lead's 24-hour window, stores the message, and acts on STOP / START.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Lead } from '../entities/lead.ts';
import { Message } from '../entities/message.ts';
import type { EventStream } from '../events/event-stream.ts';
import { consentIntent } from '../messaging/consent-keywords.ts';
import { windowEndsAt } from '../messaging/session-window.ts';
import { changeWhatsappConsent } from './consent.ts';
import { toMessageView } from './message-view.ts';

export interface InboundMessage {
  companyId: string;
  providerId: string;
  params: Record<string, string>;
  at: Date;
}

type Parsed = Pick<Message, 'kind' | 'body' | 'media'> & { buttonPayload: string | null };

/** The message's content from Twilio's inbound parameters (TWILIO.md §5.1). */
export function parseInbound(params: Record<string, string>): Parsed {
  const body = params.Body ?? null;
  if (params.ButtonPayload || params.ButtonText) {
    return {
      kind: 'button_reply',
      body: params.ButtonText ?? body,
      media: [{ payload: params.ButtonPayload ?? null }],
      buttonPayload: params.ButtonPayload ?? null,
    };
  }
  if (params.Latitude && params.Longitude) {
    const location = {
      latitude: Number(params.Latitude),
      longitude: Number(params.Longitude),
      address: params.Address ?? null,
      label: params.Label ?? null,
    };
    return { kind: 'location', body: params.Label ?? params.Address ?? body, media: [location], buttonPayload: null };
  }
  const count = Number(params.NumMedia ?? 0);
  if (count > 0) {
    const media = Array.from({ length: count }, (_, i) => ({
      url: params[`MediaUrl${i}`] ?? null,
      contentType: params[`MediaContentType${i}`] ?? null,
    }));
    return { kind: 'media', body: body || null, media, buttonPayload: null };
  }
  return { kind: 'text', body, media: null, buttonPayload: null };
}

const phoneOf = (address: string) => address.replace(/^whatsapp:/, '');

export async function applyInboundMessage(
  em: EntityManager,
  events: EventStream,
  inbound: InboundMessage,
): Promise<{ messageId: string; leadId: string } | null> {
  const sid = inbound.params.MessageSid ?? inbound.params.SmsSid;
  const from = inbound.params.From;
  if (!sid || !from) return null;
  const phone = phoneOf(from);
  const parsed = parseInbound(inbound.params);
  const endsAt = windowEndsAt(inbound.at);

  // A retried job (a crash after the commit) finds its message already stored and changes nothing twice.
  const existing = await em.fork().findOne(Message, { providerMessageId: sid, company: inbound.companyId });
  if (existing) return { messageId: existing.id, leadId: existing.lead.id };

  const result = await em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    // One statement each, so two messages from a new number at once still make one lead and one session.
    const [lead] = await conn.execute<{ id: string; created: boolean }[]>(
      `insert into leads (id, company_id, name, phone, preferred_channel, whatsapp_opt_in, status, tags, custom_fields, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, 'whatsapp', false, 'new', '{}', '{}', ?, ?)
       on conflict (company_id, phone) do update set updated_at = excluded.updated_at
       returning id, (xmax = 0) as created`,
      [inbound.companyId, inbound.params.ProfileName || phone, phone, inbound.at, inbound.at],
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
    return { messageId: message.id, leadId, created: Boolean((lead as { created: boolean }).created), view: toMessageView(message) };
  });

  await events.publish(inbound.companyId, {
    type: 'message.received',
    at: inbound.at.toISOString(),
    data: { message: result.view, leadCreated: result.created, windowEndsAt: endsAt.toISOString() },
  });
  const intent = consentIntent(parsed.buttonPayload ?? parsed.body);
  if (intent) {
    const lead = await em.fork().findOneOrFail(Lead, { id: result.leadId });
    // Only a change is recorded: a second STOP is not a new consent event.
    if (lead.whatsappOptIn !== (intent === 'opt_in') || (intent === 'opt_out' && !lead.whatsappOptedOutAt)) {
      await changeWhatsappConsent(em, events, {
        companyId: inbound.companyId,
        leadId: result.leadId,
        optIn: intent === 'opt_in',
        source: 'whatsapp_keyword',
        actor: `lead:${phone}`,
        at: inbound.at,
      });
    }
  }
  return { messageId: result.messageId, leadId: result.leadId };
}
