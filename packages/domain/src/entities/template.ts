// A WhatsApp message template, one row per version, and its place in Twilio's approval workflow. Versions of
// one template share a family id: editing an approved template adds a version, and the approved one stays
// usable until the new one is approved (template-versions.ts).
import { defineEntity, p } from '@mikro-orm/core';
import type { TemplateButton, TemplateHeader, TemplateVariable } from '../templates/template-definition.ts';
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
    /** The first version's id, shared by every version of the template (a first version is its own family). */
    familyId: p.uuid().onCreate((t: { id: string }) => t.id),
    name: p.string().length(512),
    language: p.string().length(16),
    category: p.enum(TEMPLATE_CATEGORIES),
    body: p.text(),
    header: p.json<TemplateHeader>().nullable(),
    footer: p.string().length(60).nullable(),
    buttons: p.json<TemplateButton[]>().onCreate(() => []),
    variables: p.json<TemplateVariable[]>().onCreate(() => []),
    version: p.integer().default(1),
    status: p.enum(TEMPLATE_STATUSES).default('draft'),
    contentSid: p.string().length(64).nullable(),
    /** The provider it was submitted through: its content SID belongs to that account. */
    providerId: p.uuid().nullable(),
    rejectionReason: p.text().nullable(),
    submittedAt: p.datetime().nullable(),
    statusChangedAt: p.datetime().nullable(),
    /** The library entry it was copied from, if any. */
    libraryKey: p.string().length(100).nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  indexes: [{ properties: ['company', 'status'] }, { properties: ['company', 'familyId', 'version'] }],
  uniques: [{ properties: ['company', 'name', 'language', 'version'] }],
});
export class Template extends TemplateSchema.class {}
TemplateSchema.setClass(Template);
