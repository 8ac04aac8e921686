// Sends queued WhatsApp messages, one job per message (job id = message id). Rate-limited sends wait for the
// sender's next second; provider hiccups retry with backoff; the last failure is recorded on the message.

import { type DeliverDeps, deliverOutboundMessage, giveUpOnMessage, sendJobSchema } from '@switchboard/domain';
import { DelayedError, type Job } from 'bullmq';

export function sendProcessor(deps: DeliverDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    const { messageId } = sendJobSchema.parse(job.data);
    const outcome = await deliverOutboundMessage(deps, messageId);
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
