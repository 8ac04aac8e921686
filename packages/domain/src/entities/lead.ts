// A person the company wants to reach, with consent and channel preference kept on the row for fast filtering.
import { defineEntity, p } from '@mikro-orm/core';
import { Agent } from './agent.ts';
import { PREFERRED_CHANNELS } from './channel.ts';
import { createdAt, updatedAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

/** What text search looks in: the expression of leads_search_index, which queries must repeat to use it. */
export const LEAD_SEARCH_TEXT = `lower("name" || ' ' || "phone" || ' ' || coalesce("email", ''))`;

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'appointment_set', 'won', 'lost', 'do_not_contact'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LeadSchema = defineEntity({
  name: 'Lead',
  tableName: 'leads',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    name: p.string().length(200),
    phone: p.string().length(20),
    email: p.string().length(320).nullable(),
    timezone: p.string().length(64).nullable(),
    preferredChannel: p.enum(PREFERRED_CHANNELS).default('both'),
    whatsappOptIn: p.boolean().default(false),
    whatsappOptInAt: p.datetime().nullable(),
    whatsappOptInSource: p.string().length(100).nullable(),
    whatsappOptedOutAt: p.datetime().nullable(),
    status: p.enum(LEAD_STATUSES).default('new'),
    tags: p.array<string>().onCreate(() => []),
    customFields: p.json<Record<string, string>>().onCreate(() => ({})),
    ownerAgent: () => p.manyToOne(Agent).ref().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  uniques: [{ properties: ['company', 'phone'] }],
  // The list pages by (created_at, id) newest first; each filter that can be selective has an index in that
  // order, so a page is read from an index however many leads there are. Tags and text search use GIN indexes
  // (the search one on trigrams, pg_trgm).
  indexes: [
    { properties: ['company', 'createdAt', 'id'] },
    { properties: ['company', 'status', 'createdAt', 'id'] },
    { properties: ['company', 'preferredChannel', 'createdAt', 'id'] },
    { properties: ['company', 'ownerAgent', 'createdAt', 'id'] },
    { name: 'leads_tags_index', expression: 'create index "leads_tags_index" on "leads" using gin ("tags")' },
    {
      name: 'leads_search_index',
      expression: `create index "leads_search_index" on "leads" using gin ((${LEAD_SEARCH_TEXT}) gin_trgm_ops)`,
    },
  ],
});
export class Lead extends LeadSchema.class {}
LeadSchema.setClass(Lead);
