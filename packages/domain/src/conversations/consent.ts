// Changing a lead's WhatsApp consent: the flag on the lead, an append-only consent event, and on opt-out the
// lead's queued outbound messages cancelled at once so that none goes out.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentEvent } from '../entities/consent-event.ts';
import { Lead } from '../entities/lead.ts';
import type { EventStream } from '../events/event-stream.ts';

export const OPTED_OUT_REASON = 'Cancelled: the lead opted out of WhatsApp';

export interface ConsentChange {
  companyId: string;
  leadId: string;
  optIn: boolean;
  source: string;
  actor: string;
  at: Date;
}

/** Applies the change in one transaction; returns the ids of the outbound messages it cancelled. */
export async function changeWhatsappConsent(em: EntityManager, events: EventStream, change: ConsentChange): Promise<string[]> {
  const cancelled = await em.fork().transactional(async (tx) => {
    const lead = await tx.findOneOrFail(Lead, { id: change.leadId, company: change.companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    lead.whatsappOptIn = change.optIn;
    if (change.optIn) {
      lead.whatsappOptInAt = change.at;
      lead.whatsappOptInSource = change.source;
      lead.whatsappOptedOutAt = null;
    } else {
      lead.whatsappOptedOutAt = change.at;
    }
    tx.create(ConsentEvent, {
      company: change.companyId,
      lead: lead.id,
      channel: 'whatsapp',
      optIn: change.optIn,
      source: change.source,
      actor: change.actor,
      occurredAt: change.at,
    });
    await tx.flush();
    if (change.optIn) return [];
    // Messages not yet handed to the provider are cancelled; the send worker re-checks consent too.
    const rows = await tx
      .getConnection()
      .execute<{ id: string }[]>(
        `update messages set status = 'failed', refusal_reason = ? where company_id = ? and lead_id = ? and direction = 'outbound' and status = 'queued' returning id`,
        [OPTED_OUT_REASON, change.companyId, change.leadId],
        'all',
        tx.getTransactionContext(),
      );
    return rows.map((r) => r.id);
  });
  await events.publish(change.companyId, {
    type: 'lead.consent',
    at: change.at.toISOString(),
    data: { leadId: change.leadId, channel: 'whatsapp', optIn: change.optIn, source: change.source, cancelledMessageIds: cancelled },
  });
  return cancelled;
}
