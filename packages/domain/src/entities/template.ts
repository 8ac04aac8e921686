// A WhatsApp message template and its place in Twilio's approval workflow.
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

export const TEMPLATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export const TEMPLATE_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'archived'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TemplateSchema = defineEntity({
  name: 'Template',
  tableName: 'templates',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    name: p.string().length(512),
    language: p.string().length(16),
    category: p.enum(TEMPLATE_CATEGORIES),
    body: p.text(),
    header: p.json<Record<string, unknown>>().nullable(),
    footer: p.string().length(60).nullable(),
    buttons: p.json<Record<string, unknown>[]>().onCreate(() => []),
    variables: p.json<Record<string, unknown>[]>().onCreate(() => []),
    version: p.integer().default(1),
    status: p.enum(TEMPLATE_STATUSES).default('draft'),
    contentSid: p.string().length(64).nullable(),
    rejectionReason: p.text().nullable(),
    statusChangedAt: p.datetime().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  indexes: [{ properties: ['company', 'status'] }],
  uniques: [{ properties: ['company', 'name', 'language', 'version'] }],
});
export class Template extends TemplateSchema.class {}
TemplateSchema.setClass(Template);
