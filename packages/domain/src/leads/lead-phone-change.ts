// What a lead's old phone number leaves behind when the number changes. WhatsApp consent and the 24-hour window
// belong to a number, not to a person, so neither carries over: inside the edit's transaction the lead goes back
// to "not opted in" (with a consent event saying why), its conversation windows close, and the outbound messages
// still queued are cancelled, since the send worker would otherwise deliver them to the new number.
//
// What does carry over, on purpose: an opt-out (the person asked us to stop; a new number is no reason to start
// again; the lead can opt back in by writing START from the new number, or staff can record a consent on the
// lead's page) and the lead's status, do-not-contact included, which is about the person. No voice consent is
// stored per number (a "do not call" is the do-not-contact status), so there is nothing of voice to reset.
import type { EntityManager } from '@mikro-orm/postgresql';
import { MESSAGE_VIEW_COLUMNS, type MessageViewRow } from '../conversations/message-view.ts';
import { ConsentEvent } from '../entities/consent-event.ts';
import type { Lead } from '../entities/lead.ts';

export const NUMBER_CHANGED_SOURCE = 'number changed';
export const NUMBER_CHANGED_REASON = 'Cancelled: the lead’s phone number changed';

export interface OldNumberForgotten {
  /** The lead was opted in on the old number and no longer is. */
  consentReset: boolean;
  /** Outbound messages that were queued for the old number, now failed with NUMBER_CHANGED_REASON. */
  cancelled: MessageViewRow[];
}

/** Inside the transaction that gives `lead` its new number (the lead row locked); `tx` must be that transaction. */
export async function forgetOldNumber(tx: EntityManager, lead: Lead, change: { actor: string; at: Date }): Promise<OldNumberForgotten> {
  const company = lead.company.id;
  const consentReset = lead.whatsappOptIn;
  if (consentReset) {
    // Not an opt-out (the new number never said STOP): consent is simply "never asked" again.
    lead.whatsappOptIn = false;
    lead.whatsappOptInAt = null;
    lead.whatsappOptInSource = null;
    tx.create(ConsentEvent, {
      company,
      lead: lead.id,
      channel: 'whatsapp',
      optIn: false,
      source: NUMBER_CHANGED_SOURCE,
      actor: change.actor,
      occurredAt: change.at,
    });
  }
  await tx.flush();
  const run = <T extends object[]>(sql: string, params: unknown[]) =>
    tx.getConnection().execute<T>(sql, params, 'all', tx.getTransactionContext());
  await run('update whatsapp_sessions set window_ends_at = ? where company_id = ? and lead_id = ? and window_ends_at > ?', [
    change.at,
    company,
    lead.id,
    change.at,
  ]);
  const cancelled = await run<MessageViewRow[]>(
    `update messages set status = 'failed', refusal_reason = ?
     where company_id = ? and lead_id = ? and direction = 'outbound' and status = 'queued' returning ${MESSAGE_VIEW_COLUMNS}`,
    [NUMBER_CHANGED_REASON, company, lead.id],
  );
  return { consentReset, cancelled };
}
