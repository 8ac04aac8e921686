// Runs a bulk operation on leads page by page. A retry continues after the last page done; after the last retry
// the operation ends failed, keeping (and counting) what it had already changed.

import { type BulkRunDeps, failBulkOperation, leadBulkJobSchema, runBulkOperation, userFacingFailure } from '@switchboard/domain';
import type { Job } from 'bullmq';

export function leadBulkProcessor(deps: BulkRunDeps) {
  return async (job: Job): Promise<void> => {
    const { operationId } = leadBulkJobSchema.parse(job.data);
    try {
      await runBulkOperation(deps, operationId);
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failBulkOperation(deps, operationId, userFacingFailure(error, job.id));
      throw error;
    }
  };
}
