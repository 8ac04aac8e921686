import { z } from 'zod';

const leadId = z.uuid();
export const sendTextInput = z.object({
  leadId,
  text: z.string().trim().min(1, 'Write a message').max(1600, 'WhatsApp allows 1,600 characters'),
});
export const sendMediaInput = z.object({
  leadId,
  mediaUrl: z.url({ protocol: /^https?$/, error: 'A public http(s) URL of the file' }),
  caption: z.string().max(1024).optional(),
});
export const sendTemplateInput = z.object({
  leadId,
  templateId: z.uuid(),
  variables: z.record(z.string(), z.string().max(1024)).optional(),
});
export const leadIdInput = z.object({ leadId });
export const simulateInboundInput = z.object({
  phone: z.string().trim().min(1).max(32),
  body: z.string().trim().min(1, 'Write the lead’s message').max(1600),
});
/** A page of the conversation list: `after` is the `cursor` of the last conversation shown. */
export const conversationListInput = z
  .object({
    limit: z.number().int().min(1).max(200).optional(),
    after: z.string().max(200).optional(),
  })
  .optional();
