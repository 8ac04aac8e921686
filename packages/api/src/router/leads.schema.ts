import {
  bulkActionSchema,
  bulkFilterSchema,
  bulkTargetSchema,
  type CountryCode,
  isCountryCode,
  LEAD_STATUSES,
  PREFERRED_CHANNELS,
  parsePhoneNumber,
} from '@switchboard/domain';
import { z } from 'zod';

/** Checked here too, so a bad number comes back as a field error with libphonenumber's reason. */
const phone = z
  .string()
  .trim()
  .min(1, 'Phone is required')
  .max(40)
  .superRefine((value, ctx) => {
    const parsed = parsePhoneNumber(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  });
const tags = z.array(z.string().trim().min(1).max(50)).max(20, 'At most 20 tags');
const customFields = z.record(
  z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'Field names: letters, digits and underscores'),
  z.string().max(1000),
);

const leadFields = {
  name: z.string().trim().min(1, 'Name is required').max(200),
  phone,
  email: z.email('Enter a valid email').max(320).nullish(),
  timezone: z.string().max(64).nullish(),
  preferredChannel: z.enum(PREFERRED_CHANNELS).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  tags: tags.optional(),
  customFields: customFields.optional(),
  ownerAgentId: z.uuid().nullish(),
};

export const createLeadInput = z.object({
  ...leadFields,
  whatsappOptIn: z.boolean().optional(),
  optInSource: z.string().trim().min(1).max(100).optional(),
});
export const updateLeadInput = z.object({ id: z.uuid(), ...z.object(leadFields).partial().shape });

export const leadIdInput = z.object({ id: z.uuid() });
/** The list's filters (`search` included, as before), a page size, and where the previous page ended. */
export const listLeadsInput = bulkFilterSchema
  .extend({ after: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).default(100) })
  .default({ limit: 100 });
export const countLeadsInput = bulkFilterSchema.default({});
export const setConsentInput = z.object({
  leadId: z.uuid(),
  channel: z.literal('whatsapp'),
  optIn: z.boolean(),
  source: z.string().trim().min(1, 'Say where the consent came from').max(100),
});
export const bulkInput = z.object({ target: bulkTargetSchema, action: bulkActionSchema });
export const operationIdInput = z.object({ id: z.uuid() });
export const startImportInput = z.object({
  importId: z.uuid(),
  /** Per column of the file, in order: a lead field, `custom:<key>`, or null to ignore it. */
  mapping: z.array(z.string().max(60).nullable()).max(500),
  defaultCountry: z
    .custom<CountryCode>(
      (v) => typeof v === 'string' && isCountryCode(v),
      'Choose a country from the list (a two-letter code such as US or GB)',
    )
    .nullish(),
  defaultChannel: z.enum(PREFERRED_CHANNELS).optional(),
  tags: tags.optional(),
  consentSource: z.string().trim().max(100).optional(),
  ownerAgentId: z.uuid().nullish(),
});
