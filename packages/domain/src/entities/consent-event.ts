// An append-only record of every consent change: who or what changed it, when, and from where.
import { defineEntity, p } from '@mikro-orm/core';
import { CONSENT_SOURCE_LENGTH } from './channel.ts';
import { uuidKey } from './common-properties.ts';
import { Company } from './company.ts';
import { Lead } from './lead.ts';
import { CONSENT_EVENT_REFERENCE_TRIGGERS } from './reference-checks.ts';

export const ConsentEventSchema = defineEntity({
  name: 'ConsentEvent',
  tableName: 'consent_events',
  properties: {
    id: uuidKey(),
    // Checked once per statement by a trigger, not per row by a foreign key (Migration20261125223000).
    company: () => p.manyToOne(Company).ref().createForeignKeyConstraint(false),
    lead: () => p.manyToOne(Lead).ref(),
    channel: p.enum(['whatsapp', 'voice'] as const),
    optIn: p.boolean(),
    source: p.string().length(CONSENT_SOURCE_LENGTH),
    actor: p.string().length(200),
    occurredAt: p.datetime(),
  },
  // Read per lead (the lead's history); the company is there for tenant scoping, never searched by on its own.
  indexes: [{ properties: ['lead', 'occurredAt'] }],
  triggers: CONSENT_EVENT_REFERENCE_TRIGGERS,
});
export class ConsentEvent extends ConsentEventSchema.class {}
ConsentEventSchema.setClass(ConsentEvent);
