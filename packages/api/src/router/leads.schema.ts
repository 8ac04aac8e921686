import { PREFERRED_CHANNELS } from '@switchboard/domain';
import { z } from 'zod';

export const createLeadInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200),
  phone: z.string().trim().min(1, 'Phone is required').max(32),
  email: z.email().max(320).nullish(),
  timezone: z.string().max(64).nullish(),
  preferredChannel: z.enum(PREFERRED_CHANNELS).optional(),
  whatsappOptIn: z.boolean().optional(),
  optInSource: z.string().trim().min(1).max(100).optional(),
});

export const leadIdInput = z.object({ id: z.uuid() });
export const listLeadsInput = z
  .object({ search: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(500).default(100) })
  .default({ limit: 100 });
export const setConsentInput = z.object({
  leadId: z.uuid(),
  channel: z.literal('whatsapp'),
  optIn: z.boolean(),
  source: z.string().trim().min(1, 'Say where the consent came from').max(100),
});
