// A person the company wants to reach, with consent and channel preference kept on the row for fast filtering.
import { defineEntity, p } from '@mikro-orm/core';
import { LEAD_EMAIL_SEARCH, LEAD_NAME_SEARCH, LEAD_PHONE_SUFFIX } from '../leads/lead-search.ts';
import { Agent } from './agent.ts';
import { CONSENT_SOURCE_LENGTH, PREFERRED_CHANNELS } from './channel.ts';
import { createdAt, updatedAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';
import { LEAD_REFERENCE_TRIGGERS } from './reference-checks.ts';

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'appointment_set', 'won', 'lost', 'do_not_contact'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LeadSchema = defineEntity({
  name: 'Lead',
  tableName: 'leads',
  properties: {
    id: uuidKey(),
    // Checked once per statement by a trigger, not per row by a foreign key (Migration20261125223000).
    company: () => p.manyToOne(Company).ref().createForeignKeyConstraint(false),
    name: p.string().length(200),
    phone: p.string().length(20),
    email: p.string().length(320).nullable(),
    timezone: p.string().length(64).nullable(),
    preferredChannel: p.enum(PREFERRED_CHANNELS).default('both'),
    whatsappOptIn: p.boolean().default(false),
    whatsappOptInAt: p.datetime().nullable(),
    whatsappOptInSource: p.string().length(CONSENT_SOURCE_LENGTH).nullable(),
    whatsappOptedOutAt: p.datetime().nullable(),
    status: p.enum(LEAD_STATUSES).default('new'),
    tags: p.array<string>().onCreate(() => []),
    customFields: p.json<Record<string, string>>().onCreate(() => ({})),
    ownerAgent: () => p.manyToOne(Agent).ref().nullable().createForeignKeyConstraint(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  uniques: [{ properties: ['company', 'phone'] }],
  // The list pages by (created_at, id) newest first; each filter that can be selective has an index in that
  // order, so a page is read from an index however many leads there are. Owners: only owned leads are in the
  // index (leads no agent owns are found from the others), so an import without an owner skips it. Tags use a GIN
  // index; search (leads/lead-search.ts) uses trigrams of the name (pg_trgm) and btrees on the email's start and
  // the phone's end, the phone's start being the (company, phone) unique index.
  indexes: [
    { properties: ['company', 'createdAt', 'id'] },
    { properties: ['company', 'status', 'createdAt', 'id'] },
    { properties: ['company', 'preferredChannel', 'createdAt', 'id'] },
    {
      name: 'leads_owned_index',
      expression:
        'create index "leads_owned_index" on "leads" ("company_id", "owner_agent_id", "created_at", "id") where "owner_agent_id" is not null',
    },
    { name: 'leads_tags_index', expression: 'create index "leads_tags_index" on "leads" using gin ("tags")' },
    {
      name: 'leads_name_search_index',
      expression: `create index "leads_name_search_index" on "leads" using gin ((${LEAD_NAME_SEARCH}) gin_trgm_ops)`,
    },
    {
      name: 'leads_email_search_index',
      expression: `create index "leads_email_search_index" on "leads" ("company_id", (${LEAD_EMAIL_SEARCH}) text_pattern_ops)`,
    },
    {
      name: 'leads_phone_suffix_index',
      expression: `create index "leads_phone_suffix_index" on "leads" ("company_id", (${LEAD_PHONE_SUFFIX}) text_pattern_ops)`,
    },
  ],
  triggers: LEAD_REFERENCE_TRIGGERS,
});
export class Lead extends LeadSchema.class {}
LeadSchema.setClass(Lead);
