// The webhook inbox: each provider event stored once under its dedupe key before any work is done.
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
  },
  uniques: [{ properties: ['providerId', 'dedupeKey'] }],
  indexes: [
    { properties: ['company', 'receivedAt'] },
    // The inbox sweeper looks for events never applied; they are few, whatever the table's size.
    {
      name: 'webhook_events_unprocessed_index',
      expression: 'create index "webhook_events_unprocessed_index" on "webhook_events" ("received_at") where processed_at is null',
    },
  ],
});
export class WebhookEvent extends WebhookEventSchema.class {}
WebhookEventSchema.setClass(WebhookEvent);
