// Sends queued WhatsApp messages, one job per message (job id = message id). Jobs the queue hands out together
// are delivered as one batch (one statement per step, see deliverOutboundMessages). Rate-limited sends wait for
// the sender's next second; provider hiccups retry with backoff; the last failure is recorded on the message.

import {
  type DeliverDeps,
  type DeliverOutcome,
  deliverOutboundMessages,
  giveUpOnMessage,
  MicroBatcher,
  sendJobSchema,
} from '@switchboard/domain';
import { DelayedError, type Job } from 'bullmq';

/** At most this many messages share a batch; more jobs than this in flight make several batches at once. */
const MAX_BATCH = 100;

export function sendProcessor(deps: DeliverDeps) {
  const batcher = new MicroBatcher<string, DeliverOutcome>((ids) => deliverOutboundMessages(deps, ids), MAX_BATCH);
  return async (job: Job, token?: string): Promise<string> => {
    const { messageId } = sendJobSchema.parse(job.data);
    const outcome = await batcher.add(messageId);
    if (outcome.kind === 'error') throw outcome.error;
    if (outcome.kind !== 'retry') return outcome.kind;
    if (outcome.delayMs > 0 && outcome.reason === 'sender rate limit') {
      // Not a failure: wait for the next second without spending an attempt.
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await giveUpOnMessage(deps, messageId, outcome.reason);
      return 'failed';
    }
    throw new Error(outcome.reason);
  };
}
