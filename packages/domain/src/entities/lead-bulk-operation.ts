// One bulk change to many leads (a selection or everything matching a filter): what to do, to whom, and how
// it went, with the leads it could not change counted by reason (a template to those who may receive it, say).
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

export const BULK_OPERATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const LeadBulkOperationSchema = defineEntity({
  name: 'LeadBulkOperation',
  tableName: 'lead_bulk_operations',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    createdBy: p.uuid().nullable(),
    action: p.json<Record<string, unknown>>(),
    target: p.json<Record<string, unknown>>(),
    status: p.enum(BULK_OPERATION_STATUSES).default('queued'),
    total: p.integer().default(0),
    processed: p.integer().default(0),
    affected: p.integer().default(0),
    /** Leads left unchanged, by reason. */
    skipped: p.json<Record<string, number>>().onCreate(() => ({})),
    /** Where a retried job continues: the (created_at, id) of the last lead handled. */
    cursor: p.string().length(100).nullable(),
    error: p.text().nullable(),
    finishedAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
  indexes: [{ properties: ['company', 'createdAt'] }],
});
export class LeadBulkOperation extends LeadBulkOperationSchema.class {}
LeadBulkOperationSchema.setClass(LeadBulkOperation);
