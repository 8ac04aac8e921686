// Template inputs. These bound the shape and size of what may be stored; WhatsApp's own rules (lengths, button
// counts, variable placement) come back as the template's `issues`, worded for the editor.
import { INDUSTRY_IDS, TEMPLATE_CATEGORIES, TEMPLATE_LIMITS, TEMPLATE_STATUSES } from '@switchboard/domain';
import { z } from 'zod';

const header = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().max(200) }),
  z.object({ type: z.literal('image'), url: z.string().max(2000) }),
  z.object({ type: z.literal('document'), url: z.string().max(2000), filename: z.string().max(200).optional() }),
]);
const button = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quick_reply'), text: z.string().max(100), payload: z.string().max(256).optional() }),
  z.object({ type: z.literal('url'), text: z.string().max(100), url: z.string().max(2000) }),
  z.object({ type: z.literal('phone'), text: z.string().max(100), phone: z.string().max(32) }),
]);
const binding = z.discriminatedUnion('source', [
  z.object({ source: z.literal('lead'), field: z.enum(['name', 'firstName', 'lastName', 'phone', 'email']) }),
  z.object({ source: z.literal('agent'), field: z.literal('name') }),
  z.object({ source: z.literal('company'), field: z.literal('name') }),
  z.object({ source: z.literal('custom'), key: z.string().min(1).max(100) }),
]);
const variable = z.object({ name: z.string().min(1).max(64), example: z.string().max(1024), binding: binding.optional() });

const definitionFields = {
  name: z.string().trim().min(1, 'Give the template a name').max(512),
  language: z.string().trim().min(2, 'Choose a language').max(16),
  category: z.enum(TEMPLATE_CATEGORIES),
  body: z.string().max(4096),
  header: header.nullable().optional(),
  // The column holds WhatsApp's own limit; the preview below still takes more, to explain it while the user types.
  footer: z
    .string()
    .max(TEMPLATE_LIMITS.footerLength, `The footer can be at most ${TEMPLATE_LIMITS.footerLength} characters (WhatsApp’s limit)`)
    .nullable()
    .optional(),
  buttons: z.array(button).max(20).optional(),
  variables: z.array(variable).max(100).optional(),
};

export const templateDefinitionInput = z.object(definitionFields);
export const updateTemplateInput = z.object({ id: z.uuid(), ...z.object(definitionFields).partial().shape });
export const templateIdInput = z.object({ id: z.uuid() });
export const submitForApprovalInput = z.object({ templateId: z.uuid() });
export const listTemplatesInput = z
  .object({
    status: z.enum(TEMPLATE_STATUSES).optional(),
    category: z.enum(TEMPLATE_CATEGORIES).optional(),
    language: z.string().max(16).optional(),
    search: z.string().trim().max(100).optional(),
    sendable: z.boolean().optional(),
  })
  .default({});
export const previewInput = z.union([
  // A draft being written may have no name yet: the preview reports it among the issues instead of refusing.
  z.object({
    definition: templateDefinitionInput.extend({ name: z.string().trim().max(512), footer: z.string().max(200).nullable().optional() }),
  }),
  z.object({ templateId: z.uuid(), leadId: z.uuid().optional(), variables: z.record(z.string(), z.string().max(1024)).optional() }),
]);
export const libraryInput = z.object({ industry: z.enum(INDUSTRY_IDS).optional() }).default({});
export const copyFromLibraryInput = z.object({ key: z.string().min(1).max(100) });
