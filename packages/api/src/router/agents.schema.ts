import { agentSettingsPatchSchema, CHANNELS, INDUSTRY_IDS } from '@switchboard/domain';
import { z } from 'zod';

const channels = z.array(z.enum(CHANNELS)).min(1, 'Pick at least one channel');

export const createAgentInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200),
  channels,
  industry: z.string().trim().max(100).nullish(),
  prompt: z.string().max(20_000).nullish(),
  /** Only what differs from the defaults: hours, attempts, sender, default template, prompt variables. */
  settings: agentSettingsPatchSchema.optional(),
});

export const updateAgentInput = createAgentInput.partial().extend({ id: z.uuid() });
export const agentIdInput = z.object({ id: z.uuid() });
export const fromLibraryInput = z.object({ industry: z.enum(INDUSTRY_IDS), name: z.string().trim().max(200).optional() });
export const agentPreviewInput = z.object({ agentId: z.uuid(), leadId: z.uuid() });
