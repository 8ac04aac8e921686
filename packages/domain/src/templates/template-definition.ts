// The shape of a WhatsApp template as the editor writes it and as the template row stores it (header, buttons
// and variables are the JSON columns). Structure and defaults only: WhatsApp's rules live in template-validation.ts.
import { z } from 'zod';
import { TEMPLATE_CATEGORIES } from '../entities/template.ts';

// The schemas accept drafts that break WhatsApp's rules (an empty body, 30 buttons, a name in capitals) so that
// validateTemplate can explain every problem in words a user understands, instead of zod's first complaint.

export const templateCategorySchema = z.enum(TEMPLATE_CATEGORIES);
export type TemplateCategory = z.infer<typeof templateCategorySchema>;

export const templateHeaderSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), url: z.string() }),
  // The filename is for the console's preview only: WhatsApp sets no filename on template documents (TWILIO.md §2.4).
  z.object({ type: z.literal('document'), url: z.string(), filename: z.string().optional() }),
]);
export type TemplateHeader = z.infer<typeof templateHeaderSchema>;

export const quickReplyButtonSchema = z.object({
  type: z.literal('quick_reply'),
  text: z.string(),
  /** Comes back on the lead's reply as Twilio's `ButtonPayload`; defaults to a slug of the text. */
  payload: z.string().optional(),
});
/** The reply code a quick reply sends back: its payload, or else its text as a slug ("Yes, call me" → yes_call_me). */
export function quickReplyPayload(button: QuickReplyButton, index: number): string {
  if (button.payload !== undefined && button.payload.trim() !== '') return button.payload.trim();
  const slug = button.text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug || `button_${index + 1}`;
}

export const urlButtonSchema = z.object({ type: z.literal('url'), text: z.string(), url: z.string() });
export const phoneButtonSchema = z.object({ type: z.literal('phone'), text: z.string(), phone: z.string() });

export const templateButtonSchema = z.discriminatedUnion('type', [quickReplyButtonSchema, urlButtonSchema, phoneButtonSchema]);
export type TemplateButton = z.infer<typeof templateButtonSchema>;
export type QuickReplyButton = z.infer<typeof quickReplyButtonSchema>;
export type UrlButton = z.infer<typeof urlButtonSchema>;
export type PhoneButton = z.infer<typeof phoneButtonSchema>;
export const templateButtonsSchema = z.array(templateButtonSchema);

/** Lead fields a variable can be filled from. `firstName` is the first word of the lead's name, `lastName` the rest. */
export const LEAD_BINDING_FIELDS = ['name', 'firstName', 'lastName', 'phone', 'email'] as const;
export type LeadBindingField = (typeof LEAD_BINDING_FIELDS)[number];

export const variableBindingSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('lead'), field: z.enum(LEAD_BINDING_FIELDS) }),
  z.object({ source: z.literal('agent'), field: z.literal('name') }),
  z.object({ source: z.literal('company'), field: z.literal('name') }),
  /** One of the lead's custom fields, by key (as imported from the CSV or set in the console). */
  z.object({ source: z.literal('custom'), key: z.string() }),
]);
export type VariableBinding = z.infer<typeof variableBindingSchema>;

export const templateVariableSchema = z.object({
  name: z.string(),
  /** Shown in the preview and sent to WhatsApp as the sample its reviewers judge the template by. */
  example: z.string(),
  /** Where the value comes from at send time; without one the sender types it in. */
  binding: variableBindingSchema.optional(),
});
export type TemplateVariable = z.infer<typeof templateVariableSchema>;
export const templateVariablesSchema = z.array(templateVariableSchema);

export const templateDefinitionSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: templateCategorySchema,
  body: z.string(),
  header: templateHeaderSchema.nullable().default(null),
  footer: z.string().nullable().default(null),
  buttons: templateButtonsSchema.default([]),
  variables: templateVariablesSchema.default([]),
});
/** A parsed definition: every field present. */
export type TemplateDefinition = z.output<typeof templateDefinitionSchema>;
/** What a caller may write: header, footer, buttons and variables may be left out. */
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
