import { CHANNELS } from '@switchboard/domain';
import { z } from 'zod';

const channels = z.array(z.enum(CHANNELS)).min(1, 'Pick at least one channel');

export const createAgentInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200),
  channels,
  industry: z.string().trim().max(100).nullish(),
  prompt: z.string().max(20_000).nullish(),
});

export const updateAgentInput = createAgentInput.partial().extend({ id: z.uuid() });
export const agentIdInput = z.object({ id: z.uuid() });
