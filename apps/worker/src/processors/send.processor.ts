// Sends queued WhatsApp messages, one job per message (job id = message id). Jobs the queue hands out together
// are delivered as one batch (one statement per step, see deliverOutboundMessages). A send over its sender's
// rate waits, as a delayed job, for the slot reserved for it; provider hiccups and broken dependencies retry with
// backoff. After the last attempt, whatever went wrong, the message ends `failed` with the reason (or, found at
// the provider after all, sent); if even that cannot be written, the job fails and the upkeep re-drives it.

import {
  type DeliverDeps,
  type DeliverOutcome,
  type DeliveryRequest,
  deliverOutboundMessages,
  describeSendError,
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
    const outcome = await batcher
      .add({ messageId: data.messageId, hasSlot: data.slotForAttempt === job.attemptsMade })
      .catch((error: unknown): DeliverOutcome => ({ kind: 'error', error }));
    if (outcome.kind === 'wait') {
      // Not a failure: come back when the reserved slot is due, without spending an attempt.
      await job.updateData({ ...data, slotForAttempt: job.attemptsMade });
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    if (outcome.kind !== 'retry' && outcome.kind !== 'error') return outcome.kind;
    const failure = outcome.kind === 'error' ? outcome.error : new Error(outcome.reason);
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw failure;
    const why = outcome.kind === 'error' ? describeSendError(outcome.error) : outcome.reason;
    try {
      return (await giveUpOnMessage(deps, data.messageId, why)).kind;
    } catch (markingError) {
      // The message stays unsent and the job fails for good: the upkeep re-drives it (requeueStaleSends).
      throw new Error(`${describeSendError(failure)} (and the message could not be marked failed: ${describeSendError(markingError)})`, {
        cause: failure,
      });
    }
  };
}
