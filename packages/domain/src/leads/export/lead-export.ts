// Downloads as CSV, streamed page by page so that a million leads never sit in memory: the export of a filtered
// lead list, and the report of an import's refused rows. Every cell is formula-safe (lead-csv.ts).
import { stringify } from 'csv-stringify/sync';
import { Agent } from '../../entities/agent.ts';
import { LeadImport } from '../../entities/lead-import.ts';
import type { TenantScope } from '../../tenancy/tenant-scope.ts';
import { importRejections } from '../import/lead-import-service.ts';
import { type LeadFilter, leadFilterSql, pageOfLeads } from '../lead-query.ts';
import { LEAD_CSV_OPTIONS, leadExportHeader, leadExportRow, rejectionReportHeader, rejectionReportRow } from './lead-csv.ts';

const PAGE = 1000;
const csv = (rows: string[][], first: boolean) => stringify(rows, { ...LEAD_CSV_OPTIONS, bom: first && LEAD_CSV_OPTIONS.bom });

export async function* leadExportCsv(scope: TenantScope, filter: LeadFilter): AsyncGenerator<string> {
  const { where, params } = leadFilterSql(scope.companyId, filter);
  // Custom fields become columns: those the matching leads use, in name order.
  const keys = await scope.em
    .getConnection()
    .execute<{ key: string }[]>(
      `select distinct jsonb_object_keys(custom_fields) as key from leads where ${where} order by 1 limit 50`,
      params,
    );
  const customKeys = keys.map((k) => k.key);
  const agents = new Map((await scope.find(Agent, {})).map((a) => [a.id, a.name]));
  yield csv([leadExportHeader(customKeys)], true);
  let after: string | undefined;
  for (;;) {
    const page = await pageOfLeads(scope.em, scope.companyId, { filter, after, limit: PAGE });
    if (page.length === 0) return;
    const rows = page.map((l) =>
      leadExportRow(
        {
          ...l,
          whatsappOptInAt: l.whatsappOptInAt ? new Date(l.whatsappOptInAt) : null,
          whatsappOptedOutAt: l.whatsappOptedOutAt ? new Date(l.whatsappOptedOutAt) : null,
          createdAt: new Date(l.createdAt),
          ownerAgentName: l.ownerAgentId ? (agents.get(l.ownerAgentId) ?? null) : null,
        },
        customKeys,
      ),
    );
    yield csv(rows, false);
    after = page[page.length - 1]?.cursor;
  }
}

/** The rows an import refused, with the reason and the original cells, so they can be fixed and uploaded again. */
export async function* rejectionReportCsv(scope: TenantScope, importId: string): AsyncGenerator<string> {
  const imp = await scope.get(LeadImport, importId, 'Import');
  yield csv([rejectionReportHeader(imp.headers)], true);
  let afterRow = 0;
  for (;;) {
    const rows = await importRejections(scope, importId, { afterRow, limit: PAGE });
    if (rows.length === 0) return;
    yield csv(rows.map(rejectionReportRow), false);
    afterRow = rows[rows.length - 1]?.rowNumber ?? afterRow;
  }
}
