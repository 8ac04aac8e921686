// Applies recorded webhook events (status callbacks, inbound messages) to the domain, once each.

import { applyWebhookEvent, type Clock, type EventStream, type Orm, webhookEventJobSchema } from '@switchboard/domain';
import type { Job } from 'bullmq';

export function webhookEventProcessor(deps: { orm: Orm; events: EventStream; clock: Clock }) {
  return async (job: Job): Promise<string> => {
    const { eventId } = webhookEventJobSchema.parse(job.data);
    return applyWebhookEvent({ em: deps.orm.em, events: deps.events, clock: deps.clock }, eventId);
  };
}
