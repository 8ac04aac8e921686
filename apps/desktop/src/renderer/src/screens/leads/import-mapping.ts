// The column mapping of an import as the mapping step edits it: per column of the file, a lead field, a custom
// field with its key, or nothing; what startImport is given; and the file's likely number of rows.
import type { UploadedLeadFile } from './lead-types.ts';

/** '' ignores the column; 'custom' keeps it as the custom field `customKey`; anything else is a lead field. */
export interface ColumnChoice {
  target: string;
  customKey: string;
}

export const CONSENT_FIELD = 'whatsapp_opt_in';
const CUSTOM_PREFIX = 'custom:';
export const CUSTOM_KEY = /^[A-Za-z0-9_]{1,40}$/;

/** A custom field key from a header: "Plan (2024)" → "Plan_2024". */
export function customKeyFor(header: string): string {
  return (
    header
      .trim()
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'field'
  );
}

export function initialChoices(file: UploadedLeadFile): ColumnChoice[] {
  return file.import.headers.map((header, i) => {
    const guess = file.guessedMapping[i] ?? null;
    if (guess?.startsWith(CUSTOM_PREFIX)) return { target: 'custom', customKey: guess.slice(CUSTOM_PREFIX.length) };
    return { target: guess ?? '', customKey: customKeyFor(header) };
  });
}

export function mappingOf(choices: ColumnChoice[]): (string | null)[] {
  return choices.map((c) => (c.target === '' ? null : c.target === 'custom' ? `${CUSTOM_PREFIX}${c.customKey.trim()}` : c.target));
}

export const consentMapped = (choices: ColumnChoice[]) => choices.some((c) => c.target === CONSENT_FIELD);

/** Up to three non-empty values of column `index` from the file's first rows. */
export function sampleValues(file: UploadedLeadFile, index: number): string[] {
  return file.sample
    .map((row) => row[index]?.trim() ?? '')
    .filter((v) => v !== '')
    .slice(0, 3);
}

/**
 * Rows the file probably holds, from its size and the length of its first rows: the worker does not know the
 * total until it has read the file, so the bar is drawn against this and says "about".
 */
export function estimateRows(file: UploadedLeadFile): number | null {
  const rows = file.sample;
  if (rows.length === 0 || file.import.sizeBytes <= 0) return null;
  const bytes = (cells: string[]) => new TextEncoder().encode(cells.join(file.delimiter)).length + 1;
  const perRow = rows.reduce((sum, r) => sum + bytes(r), 0) / rows.length;
  const body = file.import.sizeBytes - bytes(file.import.headers);
  return Math.max(rows.length, Math.round(body / perRow));
}
