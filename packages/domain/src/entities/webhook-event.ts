// The webhook inbox: each provider event stored once under its dedupe key before any work is done. An event
// that keeps failing is set aside (dead-lettered) with its last error; processed events are kept only as long as
// Twilio may repeat them (the dedupe window), dead letters longer so that staff can see them (webhooks/inbox-retention.ts).
import { defineEntity, p } from '@mikro-orm/core';
import { uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

export const WebhookEventSchema = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_events',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    providerId: p.uuid(),
    kind: p.string().length(32),
    dedupeKey: p.string().length(200),
    payload: p.json<Record<string, string>>(),
    receivedAt: p.datetime(),
    processedAt: p.datetime().nullable(),
    /** Failed applies so far; at the limit the event is dead-lettered. */
    failures: p.integer().default(0),
    lastError: p.text().nullable(),
    /** Set aside after failing too often (or at once when it cannot be applied at all); no longer retried or swept. */
    deadLetteredAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['providerId', 'dedupeKey'] }],
  indexes: [
    { properties: ['company', 'receivedAt'] },
    // The inbox sweeper looks for events never applied nor set aside; they are few, whatever the table's size.
    {
      name: 'webhook_events_unprocessed_index',
      expression:
        'create index "webhook_events_unprocessed_index" on "webhook_events" ("received_at") where processed_at is null and dead_lettered_at is null',
    },
    // The upkeep deletes processed events past the dedupe window, oldest first, in small batches.
    {
      name: 'webhook_events_processed_index',
      expression: 'create index "webhook_events_processed_index" on "webhook_events" ("received_at") where processed_at is not null',
    },
    // Dead letters: a company's list in the console, their count for /metrics, and their own retention.
    {
      name: 'webhook_events_dead_letter_index',
      expression:
        'create index "webhook_events_dead_letter_index" on "webhook_events" ("company_id", "dead_lettered_at") where dead_lettered_at is not null',
    },
  ],
});
export class WebhookEvent extends WebhookEventSchema.class {}
WebhookEventSchema.setClass(WebhookEvent);
