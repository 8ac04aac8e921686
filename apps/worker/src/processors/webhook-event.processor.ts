// Applies recorded webhook events (status callbacks, inbound messages) to the domain, once each; a job carries
// the events one inbox write stored together.

import { type AppliedBatch, applyWebhookEvents, type Clock, type EventStream, type Orm, webhookEventJobSchema } from '@switchboard/domain';
import type { Job } from 'bullmq';

export function webhookEventProcessor(deps: { orm: Orm; events: EventStream; clock: Clock }) {
  return async (job: Job): Promise<AppliedBatch> => {
    const { eventIds } = webhookEventJobSchema.parse(job.data);
    return applyWebhookEvents({ em: deps.orm.em, events: deps.events, clock: deps.clock }, eventIds);
  };
}
