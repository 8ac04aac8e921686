// Runs a lead import: streams the stored CSV through the mapping into leads, batch by batch. A retry continues
// after the last committed batch; after the last retry the import ends failed with the reason.

import { failLeadImport, type ImportRunDeps, leadImportJobSchema, runLeadImport, userFacingFailure } from '@switchboard/domain';
import type { Job } from 'bullmq';

export function leadImportProcessor(deps: ImportRunDeps) {
  return async (job: Job): Promise<{ maxBufferedRows: number }> => {
    const { importId } = leadImportJobSchema.parse(job.data);
    try {
      return await runLeadImport(deps, importId);
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failLeadImport(deps, importId, userFacingFailure(error, job.id));
      throw error;
    }
  };
}
