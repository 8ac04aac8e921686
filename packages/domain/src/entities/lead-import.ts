// A CSV import of leads: the uploaded file (in chunks, so any server can store it and any worker can stream
// it), how its columns map to lead fields, its progress, and the rows it refused with their reasons.
import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidKey } from './common-properties.ts';
import { Company } from './company.ts';

export const LEAD_IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;
export type LeadImportStatus = (typeof LEAD_IMPORT_STATUSES)[number];

export const LeadImportSchema = defineEntity({
  name: 'LeadImport',
  tableName: 'lead_imports',
  properties: {
    id: uuidKey(),
    company: () => p.manyToOne(Company).ref(),
    createdBy: p.uuid().nullable(),
    filename: p.string().length(255),
    status: p.enum(LEAD_IMPORT_STATUSES).default('uploaded'),
    sizeBytes: p.bigint('number'),
    chunkCount: p.integer(),
    /** The header row, as read from the file. */
    headers: p.json<string[]>(),
    /** Column index → lead field (null: ignored), set when the import starts. */
    mapping: p.json<(string | null)[]>().nullable(),
    options: p.json<Record<string, unknown>>().nullable(),
    /** Data rows handled so far (blank rows included): a retried job continues after them. */
    rowsDone: p.integer().default(0),
    created: p.integer().default(0),
    updated: p.integer().default(0),
    rejected: p.integer().default(0),
    /** Of the updated leads, those whose opt-out the import did not override. */
    consentKept: p.integer().default(0),
    error: p.text().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
  indexes: [{ properties: ['company', 'createdAt'] }],
});
export class LeadImport extends LeadImportSchema.class {}
LeadImportSchema.setClass(LeadImport);

export const LeadImportChunkSchema = defineEntity({
  name: 'LeadImportChunk',
  tableName: 'lead_import_chunks',
  properties: {
    importId: p.uuid().primary(),
    seq: p.integer().primary(),
    data: p.blob(),
  },
});
export class LeadImportChunk extends LeadImportChunkSchema.class {}
LeadImportChunkSchema.setClass(LeadImportChunk);

export const LeadImportRejectionSchema = defineEntity({
  name: 'LeadImportRejection',
  tableName: 'lead_import_rejections',
  properties: {
    importId: p.uuid().primary(),
    /** As in the file: the header is row 1. */
    rowNumber: p.integer().primary(),
    reason: p.text(),
    cells: p.json<string[]>(),
  },
});
export class LeadImportRejection extends LeadImportRejectionSchema.class {}
LeadImportRejectionSchema.setClass(LeadImportRejection);
