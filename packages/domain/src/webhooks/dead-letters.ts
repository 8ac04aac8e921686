// Dead-lettered webhook events, for staff: their count (server /metrics) and a company's list (the console's
// Settings). Both read webhook_events_dead_letter_index, which holds only dead letters (kept 30 days).
import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookEvent } from '../entities/webhook-event.ts';
import type { TenantScope } from '../tenancy/tenant-scope.ts';

export interface DeadLetterView {
  id: string;
  kind: string;
  /** The provider's id of the message the event is about, to look it up at Twilio. */
  messageSid: string | null;
  /** ISO instants (the API sends JSON). */
  receivedAt: string;
  deadLetteredAt: string;
  failures: number;
  lastError: string | null;
}

/** Every company's dead letters, for the metrics gauge. */
export async function countDeadLetteredEvents(em: EntityManager): Promise<number> {
  const [row] = await em
    .getConnection()
    .execute<{ n: string }[]>('select count(*) as n from webhook_events where dead_lettered_at is not null');
  return Number(row?.n ?? 0);
}

/** The company's dead letters, newest first. */
export async function listDeadLetters(scope: TenantScope, limit = 100): Promise<DeadLetterView[]> {
  const rows = await scope.find(WebhookEvent, { deadLetteredAt: { $ne: null } }, { orderBy: { deadLetteredAt: 'desc' }, limit });
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    messageSid: e.payload.MessageSid ?? e.payload.SmsSid ?? e.payload.SmsMessageSid ?? null,
    receivedAt: e.receivedAt.toISOString(),
    deadLetteredAt: (e.deadLetteredAt as Date).toISOString(),
    failures: e.failures,
    lastError: e.lastError ?? null,
  }));
}
