// Changing a lead's WhatsApp consent: the flag on the lead, an append-only consent event, and on opt-out the
// lead's queued outbound messages cancelled at once so that none goes out. The change is written inside a
// transaction (the caller's, when it must commit with something else: an inbound STOP commits with its message),
// and announced after the commit, best-effort.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentEvent } from '../entities/consent-event.ts';
import { Lead } from '../entities/lead.ts';
import type { EventStream } from '../events/event-stream.ts';
import type { LiveEvent } from '../events/live-event.ts';

export const OPTED_OUT_REASON = 'Cancelled: the lead opted out of WhatsApp';

export interface ConsentChange {
  companyId: string;
  leadId: string;
  optIn: boolean;
  source: string;
  actor: string;
  at: Date;
}

export interface RecordedConsent {
  change: ConsentChange;
  /** Outbound messages the opt-out cancelled. */
  cancelledMessageIds: string[];
}

/**
 * Writes the change within `tx` (a transaction): locks the lead, sets its flag, appends the consent event and, on
 * opt-out, cancels its queued messages. With `onlyIfChanged`, a change that changes nothing (a second STOP) records
 * nothing and returns null; the lock makes that check safe against a concurrent change of the same lead.
 */
export async function recordWhatsappConsent(
  tx: EntityManager,
  change: ConsentChange,
  opts: { onlyIfChanged?: boolean } = {},
): Promise<RecordedConsent | null> {
  const lead = await tx.findOneOrFail(Lead, { id: change.leadId, company: change.companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const unchanged = change.optIn ? lead.whatsappOptIn : !lead.whatsappOptIn && lead.whatsappOptedOutAt !== null;
  if (opts.onlyIfChanged && unchanged) return null;
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
  if (change.optIn) return { change, cancelledMessageIds: [] };
  // Messages not yet handed to the provider are cancelled; the send worker re-checks consent too.
  const rows = await tx
    .getConnection()
    .execute<{ id: string }[]>(
      `update messages set status = 'failed', refusal_reason = ? where company_id = ? and lead_id = ? and direction = 'outbound' and status = 'queued' returning id`,
      [OPTED_OUT_REASON, change.companyId, change.leadId],
      'all',
      tx.getTransactionContext(),
    );
  return { change, cancelledMessageIds: rows.map((r) => r.id) };
}

/** The live event announcing a recorded change (published after its commit). */
export function consentLiveEvent({ change, cancelledMessageIds }: RecordedConsent): LiveEvent {
  return {
    type: 'lead.consent',
    at: change.at.toISOString(),
    data: { leadId: change.leadId, channel: 'whatsapp', optIn: change.optIn, source: change.source, cancelledMessageIds },
  };
}

/** Applies the change in a transaction of its own, then announces it; returns the ids of the messages it cancelled. */
export async function changeWhatsappConsent(em: EntityManager, events: EventStream, change: ConsentChange): Promise<string[]> {
  const recorded = (await em.fork().transactional((tx) => recordWhatsappConsent(tx, change))) as RecordedConsent;
  await events.publish(change.companyId, consentLiveEvent(recorded));
  return recorded.cancelledMessageIds;
}
