// The lead fields a CSV column can feed, and the column mapping a user confirms before an import runs: which
// column is the phone, the name, the consent, and which columns are ignored.
import { z } from 'zod';

export const LEAD_IMPORT_FIELDS = [
  'name',
  'first_name',
  'last_name',
  'phone',
  'email',
  'timezone',
  'preferred_channel',
  'whatsapp_opt_in',
  'opt_in_date',
  'status',
  'tags',
] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

/** A column kept as a custom field of the lead: `custom:plan` stores the cell under customFields.plan. */
export type CustomFieldTarget = `custom:${string}`;
export type LeadColumnTarget = LeadImportField | CustomFieldTarget;

/** Custom field keys: ASCII letters, digits and underscores, so that they stay valid JSON keys, column names and CSV headers. */
export const CUSTOM_FIELD_KEY = /^[A-Za-z0-9_]{1,40}$/;
const CUSTOM_PREFIX = 'custom:';

/** The widest file the mapping accepts, and how many of its columns may become custom fields. */
export const MAX_IMPORT_COLUMNS = 500;
export const MAX_CUSTOM_FIELD_COLUMNS = 50;

/** How the console and the messages name each field. */
export const LEAD_IMPORT_FIELD_LABELS: Readonly<Record<LeadImportField, string>> = {
  name: 'Full name',
  first_name: 'First name',
  last_name: 'Last name',
  phone: 'Phone number',
  email: 'Email',
  timezone: 'Time zone',
  preferred_channel: 'Preferred channel',
  whatsapp_opt_in: 'WhatsApp consent',
  opt_in_date: 'WhatsApp opt-in date',
  status: 'Status',
  tags: 'Tags',
};

const FIELD_SET: ReadonlySet<string> = new Set(LEAD_IMPORT_FIELDS);

export const isCustomFieldTarget = (target: string): target is CustomFieldTarget =>
  target.startsWith(CUSTOM_PREFIX) && CUSTOM_FIELD_KEY.test(target.slice(CUSTOM_PREFIX.length));

export const isLeadColumnTarget = (target: string): target is LeadColumnTarget => FIELD_SET.has(target) || isCustomFieldTarget(target);

/** "plan" for `custom:plan`. */
export const customFieldKey = (target: CustomFieldTarget): string => target.slice(CUSTOM_PREFIX.length);

/** "Phone number", or `custom field "plan"`. */
export function leadColumnLabel(target: LeadColumnTarget): string {
  return isCustomFieldTarget(target) ? `custom field "${customFieldKey(target)}"` : LEAD_IMPORT_FIELD_LABELS[target];
}

function targetProblem(value: unknown): string {
  if (typeof value !== 'string') return 'Each column is either a lead field or ignored';
  if (value.startsWith(CUSTOM_PREFIX))
    return `"${value.slice(CUSTOM_PREFIX.length)}" cannot name a custom field: use letters, digits and underscores only, up to 40 characters`;
  return `"${value}" is not a lead field`;
}

export const leadColumnTargetSchema = z.custom<LeadColumnTarget>((value) => typeof value === 'string' && isLeadColumnTarget(value), {
  error: (issue) => targetProblem(issue.input),
});

/** Columns 2 and 5, or columns 2, 5 and 7 (1-based, as a user counts them in a spreadsheet). */
function columnList(indexes: readonly number[]): string {
  const numbers = indexes.map((index) => String(index + 1));
  const last = numbers.pop();
  return `columns ${numbers.join(', ')} and ${last}`;
}

/**
 * A column mapping: `columns[i]` is what the file's column i (in header order) feeds, null when it is ignored.
 *
 * A name can come from a full-name column, from first/last name columns, or from both (the full name wins where a
 * row has one, and first + last fill in where it is blank); a first or last name column alone is accepted too.
 * The opt-in date needs the consent column: consent is only ever imported from a column that says it.
 */
export const columnMappingSchema = z
  .object({
    columns: z
      .array(leadColumnTargetSchema.nullable())
      .min(1, 'The file has no columns')
      .max(MAX_IMPORT_COLUMNS, `A file can have at most ${MAX_IMPORT_COLUMNS} columns`),
  })
  .superRefine(({ columns }, ctx) => {
    if (columns.length === 0) return;
    const where = new Map<string, number[]>();
    let customCount = 0;
    columns.forEach((target, index) => {
      if (target === null) return;
      // Custom keys that differ only by case would read as one field in the console, so they count as the same.
      const key = isCustomFieldTarget(target) ? target.toLowerCase() : target;
      if (isCustomFieldTarget(target)) customCount++;
      const list = where.get(key);
      if (list) list.push(index);
      else where.set(key, [index]);
    });

    for (const indexes of where.values()) {
      if (indexes.length < 2) continue;
      const target = columns[indexes[0]!]!;
      const fix = isCustomFieldTarget(target) ? 'give each its own name' : 'keep one and ignore the others';
      const both = indexes.length === 2 ? 'both' : 'all';
      ctx.addIssue({
        code: 'custom',
        path: ['columns', indexes[1]!],
        message: `${capitalize(columnList(indexes))} are ${both} set to ${leadColumnLabel(target)}: ${fix}`,
      });
    }
    if (!where.has('phone'))
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'Choose the column with the phone number: every lead needs one' });
    if (!where.has('name') && !where.has('first_name') && !where.has('last_name'))
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'Choose the column with the lead’s name, or the columns with the first and last name',
      });
    if (where.has('opt_in_date') && !where.has('whatsapp_opt_in'))
      ctx.addIssue({
        code: 'custom',
        path: ['columns', where.get('opt_in_date')![0]!],
        message: 'The WhatsApp opt-in date needs the WhatsApp consent column too: consent is only imported from a column that says it',
      });
    if (customCount > MAX_CUSTOM_FIELD_COLUMNS)
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: `At most ${MAX_CUSTOM_FIELD_COLUMNS} columns can become custom fields: this mapping has ${customCount}`,
      });
  });

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
