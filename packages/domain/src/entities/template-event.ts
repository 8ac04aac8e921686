// What happened to a template, version by version: created, edited, submitted, approved, rejected, archived.
// The editor's approval history reads it; nothing deletes it.
import { defineEntity, p } from '@mikro-orm/core';
import { uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

export const TEMPLATE_EVENT_KINDS = [
  'created',
  'edited',
  'new_version',
  'submitted',
  'approved',
  'rejected',
  'paused',
  'archived',
] as const;
export type TemplateEventKind = (typeof TEMPLATE_EVENT_KINDS)[number];

export const TemplateEventSchema = defineEntity({
  name: 'TemplateEvent',
  tableName: 'template_events',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    familyId: p.uuid(),
    templateId: p.uuid(),
    version: p.integer(),
    kind: p.enum(TEMPLATE_EVENT_KINDS),
    /** A rejection reason, WhatsApp's own status word, or what changed. */
    detail: p.text().nullable(),
    /** `user:<id>`, `twilio` or `system`. */
    actor: p.string().length(200),
    occurredAt: p.datetime(),
  },
  indexes: [{ properties: ['company', 'familyId', 'occurredAt'] }],
});
export class TemplateEvent extends TemplateEventSchema.class {}
TemplateEventSchema.setClass(TemplateEvent);
