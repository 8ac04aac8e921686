// The events every console of a company receives live. The type names are part of what the console relies on.
import { z } from 'zod';

export const liveEventSchema = z.object({
  type: z.string().min(1),
  at: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
export interface TrackedLiveEvent extends LiveEvent {
  id: string;
}
