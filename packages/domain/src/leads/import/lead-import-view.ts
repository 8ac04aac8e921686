// How an import appears in the console and in its live progress events.
import type { LeadImport, LeadImportStatus } from '../../entities/lead-import.ts';

export interface LeadImportView {
  id: string;
  filename: string;
  status: LeadImportStatus;
  sizeBytes: number;
  headers: string[];
  mapping: (string | null)[] | null;
  /** Data rows read so far (the header is not counted). */
  rowsRead: number;
  created: number;
  updated: number;
  rejected: number;
  /** Updated leads whose opt-out the file's consent column did not override. */
  consentKept: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}

export const toLeadImportView = (i: LeadImport): LeadImportView => ({
  id: i.id,
  filename: i.filename,
  status: i.status,
  sizeBytes: i.sizeBytes,
  headers: i.headers,
  mapping: i.mapping ?? null,
  rowsRead: i.rowsDone,
  created: i.created,
  updated: i.updated,
  rejected: i.rejected,
  consentKept: i.consentKept,
  error: i.error ?? null,
  startedAt: i.startedAt?.toISOString() ?? null,
  finishedAt: i.finishedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
});
