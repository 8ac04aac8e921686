// Sends queued WhatsApp messages, one job per message (job id = message id). Jobs the queue hands out together
// are delivered as one batch (one statement per step, see deliverOutboundMessages). A send over its sender's
// rate waits, as a delayed job, for the slot reserved for it; provider hiccups retry with backoff; the last
// failure is recorded on the message.

import {
  type DeliverDeps,
  type DeliverOutcome,
  type DeliveryRequest,
  deliverOutboundMessages,
  giveUpOnMessage,
  MicroBatcher,
  sendJobSchema,
} from '@switchboard/domain';
import { DelayedError, type Job } from 'bullmq';

/** At most this many messages share a batch; more jobs than this in flight make several batches at once. */
const MAX_BATCH = 100;

export function sendProcessor(deps: DeliverDeps) {
  const batcher = new MicroBatcher<DeliveryRequest, DeliverOutcome>((requests) => deliverOutboundMessages(deps, requests), MAX_BATCH);
  return async (job: Job, token?: string): Promise<string> => {
    const data = sendJobSchema.parse(job.data);
    const outcome = await batcher.add({ messageId: data.messageId, hasSlot: data.slotForAttempt === job.attemptsMade });
    if (outcome.kind === 'error') throw outcome.error;
    if (outcome.kind === 'wait') {
      // Not a failure: come back when the reserved slot is due, without spending an attempt.
      await job.updateData({ ...data, slotForAttempt: job.attemptsMade });
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    if (outcome.kind !== 'retry') return outcome.kind;
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await giveUpOnMessage(deps, data.messageId, outcome.reason);
      return 'failed';
    }
    throw new Error(outcome.reason);
  };
}
