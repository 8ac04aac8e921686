import { z } from 'zod';

export const upsertWhatsAppInput = z.object({
  kind: z.enum(['twilio', 'simulator']),
  accountSid: z.string().trim().max(64).optional(),
  authToken: z.string().trim().min(1).max(256).optional(),
  from: z.string().trim().min(1, 'The WhatsApp sender is required').max(64),
  messagesPerSecond: z.number().int().min(1).max(1000).optional(),
});

export const providerIdInput = z.object({ id: z.uuid() });
