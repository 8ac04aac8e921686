// The rows of the CSV files the product writes about leads: the export of a filtered list, and the report of an
// import's rejected rows. Each function returns one row's cells, already safe for spreadsheets; a streaming writer
// (csv-stringify with LEAD_CSV_OPTIONS) quotes them and joins the lines.
import type { Options as CsvStringifyOptions } from 'csv-stringify';
import type { PreferredChannel } from '../../entities/channel.ts';
import type { LeadStatus } from '../../entities/lead.ts';
import { spreadsheetSafeCell } from './spreadsheet-cell.ts';

/**
 * How lead files are written: a byte-order mark so that Excel reads UTF-8 names (José, 李) as such, and CRLF line
 * ends as RFC 4180 asks. csv-stringify quotes every cell holding a comma, quote or line break (RFC 4180 2.6, 2.7).
 */
export const LEAD_CSV_OPTIONS = { bom: true, record_delimiter: 'windows' } as const satisfies CsvStringifyOptions;

/** The export's fixed columns, in order; custom fields follow as `custom:<key>` columns. */
export const LEAD_EXPORT_COLUMNS = [
  'id',
  'name',
  'phone',
  'email',
  'timezone',
  'preferred_channel',
  'whatsapp_opt_in',
  'whatsapp_opt_in_at',
  'whatsapp_opt_in_source',
  'whatsapp_opted_out_at',
  'status',
  'tags',
  'owner_agent',
  'created_at',
] as const;

/** What the export needs of a lead (the service reads it from the leads table and the owner agent's name). */
export interface ExportedLead {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  timezone: string | null;
  preferredChannel: PreferredChannel;
  whatsappOptIn: boolean;
  whatsappOptInAt: Date | null;
  whatsappOptInSource: string | null;
  whatsappOptedOutAt: Date | null;
  status: LeadStatus;
  tags: readonly string[];
  customFields: Readonly<Record<string, string>>;
  /** The owner agent's name as the console shows it, null when none. */
  ownerAgentName: string | null;
  createdAt: Date;
}

/**
 * The header row. The file reads back into an import as it is: the column guess knows these names, and a
 * `custom:<key>` header maps back to its custom field.
 */
export function leadExportHeader(customKeys: readonly string[]): string[] {
  const header: string[] = [...LEAD_EXPORT_COLUMNS];
  for (const key of customKeys) header.push(spreadsheetSafeCell(`custom:${key}`));
  return header;
}

const instant = (date: Date | null): string => (date ? date.toISOString() : '');

/**
 * One lead's cells, in header order: ISO 8601 instants in UTC, consent as yes/no (words the import reads back),
 * tags joined with ";", empty cells for what is unknown. Every cell is formula-safe, the phone included:
 * +14155550100 is written '+14155550100, which a spreadsheet shows as text instead of computing it.
 */
export function leadExportRow(lead: ExportedLead, customKeys: readonly string[]): string[] {
  const row = [
    lead.id,
    spreadsheetSafeCell(lead.name),
    spreadsheetSafeCell(lead.phone),
    spreadsheetSafeCell(lead.email ?? ''),
    lead.timezone ?? '',
    lead.preferredChannel,
    lead.whatsappOptIn ? 'yes' : 'no',
    instant(lead.whatsappOptInAt),
    spreadsheetSafeCell(lead.whatsappOptInSource ?? ''),
    instant(lead.whatsappOptedOutAt),
    lead.status,
    spreadsheetSafeCell(lead.tags.join(';')),
    spreadsheetSafeCell(lead.ownerAgentName ?? ''),
    lead.createdAt.toISOString(),
  ];
  for (const key of customKeys) row.push(spreadsheetSafeCell(lead.customFields[key] ?? ''));
  return row;
}

/** The report's header: the row number, the reason, then the uploaded file's own header. */
export function rejectionReportHeader(fileHeader: readonly string[] = []): string[] {
  return ['row', 'reason', ...fileHeader.map(spreadsheetSafeCell)];
}

export interface RejectedImportRow {
  /** The row's line in the uploaded file, counting the header as 1 (so the first data row is 2). */
  rowNumber: number;
  reason: string;
  /** The row as uploaded, so the user can fix it and upload the report's rows again. */
  cells: readonly string[];
}

/** One rejected row of the report: its number, why, and its original cells (formula-safe like the export). */
export function rejectionReportRow(rejected: RejectedImportRow): string[] {
  const row = [String(rejected.rowNumber), spreadsheetSafeCell(rejected.reason)];
  for (const cell of rejected.cells) row.push(spreadsheetSafeCell(cell));
  return row;
}
