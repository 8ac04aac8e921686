// A lead import from the console's side: confirm the column mapping and start it, follow it, and read the
// rows it refused (the downloadable report). The worker does the reading and writing (lead-import-runner.ts).
import { Agent } from '../../entities/agent.ts';
import type { PreferredChannel } from '../../entities/channel.ts';
import { LeadImport } from '../../entities/lead-import.ts';
import { DomainError, precondition } from '../../errors/domain-errors.ts';
import type { EventStream } from '../../events/event-stream.ts';
import type { JobQueues } from '../../queues/job-queues.ts';
import type { TenantScope } from '../../tenancy/tenant-scope.ts';
import { normaliseTags } from '../lead-tags.ts';
import type { CountryCode } from '../phone/phone-number.ts';
import { importConsentSource } from './import-consent-source.ts';
import { columnMappingSchema } from './lead-columns.ts';
import { type LeadImportView, toLeadImportView } from './lead-import-view.ts';

export interface StartImportInput {
  importId: string;
  /** Checked here against the file (columnMappingSchema): a lead field, `custom:<key>` or null per column. */
  mapping: readonly (string | null)[];
  defaultCountry?: CountryCode | null | undefined;
  defaultChannel?: PreferredChannel | undefined;
  /** Added to every imported lead. */
  tags?: string[] | undefined;
  /** Where the file's consent came from, recorded in each lead's consent history. */
  consentSource?: string | undefined;
  ownerAgentId?: string | null | undefined;
}

export async function startLeadImport(
  scope: TenantScope,
  deps: { queues: JobQueues; events: EventStream },
  input: StartImportInput,
): Promise<LeadImportView> {
  const imp = await scope.get(LeadImport, input.importId, 'Import');
  if (imp.status !== 'uploaded') throw precondition('This import has already started');
  if (input.mapping.length !== imp.headers.length) {
    throw new DomainError('invalid', `The file has ${imp.headers.length} columns; the mapping names ${input.mapping.length}`);
  }
  const parsed = columnMappingSchema.safeParse({ columns: input.mapping });
  // Each problem names its column (path columns.<index>), for the mapping screen to point at.
  if (!parsed.success) throw parsed.error;
  if (input.ownerAgentId) await scope.get(Agent, input.ownerAgentId, 'Agent');
  imp.mapping = parsed.data.columns;
  imp.options = {
    ...(imp.options ?? {}),
    defaultCountry: input.defaultCountry ?? null,
    ...(input.defaultChannel ? { defaultChannel: input.defaultChannel } : {}),
    tags: normaliseTags(input.tags ?? []),
    consentSource: importConsentSource(input.consentSource, imp.filename),
    ownerAgentId: input.ownerAgentId ?? null,
  };
  imp.status = 'queued';
  await scope.em.flush();
  await deps.queues.enqueueLeadImport(imp.id);
  const view = toLeadImportView(imp);
  await deps.events.publish(scope.companyId, { type: 'import.progress', at: scope.clock.now().toISOString(), data: { import: view } });
  return view;
}

export async function getLeadImport(scope: TenantScope, id: string): Promise<LeadImportView> {
  return toLeadImportView(await scope.get(LeadImport, id, 'Import'));
}

export async function listLeadImports(scope: TenantScope, limit = 20): Promise<LeadImportView[]> {
  const rows = await scope.find(LeadImport, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  return rows.map(toLeadImportView);
}

/** The refused rows in file order, a page at a time (the report streams them all). */
export async function importRejections(
  scope: TenantScope,
  importId: string,
  opts: { afterRow?: number; limit: number },
): Promise<{ rowNumber: number; reason: string; cells: string[] }[]> {
  await scope.get(LeadImport, importId, 'Import');
  const rows = await scope.em
    .getConnection()
    .execute<{ row_number: number; reason: string; cells: string[] }[]>(
      'select row_number, reason, cells from lead_import_rejections where import_id = ? and row_number > ? order by row_number limit ?',
      [importId, opts.afterRow ?? 0, opts.limit],
    );
  return rows.map((r) => ({ rowNumber: r.row_number, reason: r.reason, cells: r.cells }));
}
