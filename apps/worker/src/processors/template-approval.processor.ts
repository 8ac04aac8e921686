// Polls WhatsApp's review of a submitted template until it is approved or rejected: one job per template, which
// waits (as a delayed job, without spending an attempt) a little longer after each "still pending".

import { approvalPollDelayMs, type PollDeps, pollTemplateApproval, templateApprovalJobSchema } from '@switchboard/domain';
import { DelayedError, type Job } from 'bullmq';

export function templateApprovalProcessor(deps: PollDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    const { templateId, poll } = templateApprovalJobSchema.parse(job.data);
    const status = await pollTemplateApproval(deps, templateId);
    if (status !== 'pending') return status;
    await job.updateData({ templateId, poll: poll + 1 });
    await job.moveToDelayed(Date.now() + approvalPollDelayMs(poll + 1), token);
    throw new DelayedError();
  };
}
