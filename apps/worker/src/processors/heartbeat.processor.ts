// Heartbeat: a repeating job that stamps "the worker is alive and processing" in Redis, and does the
// periodic upkeep that must not depend on any one request: re-enqueueing webhook events never applied and
// messages whose send job was lost, polls of templates still under review whose job was lost; the stored files of
// lead imports that will never be read again; and deleting webhook events past their retention (bounded per run).
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type Clock,
  heartbeatJobSchema,
  type JobQueues,
  pruneWebhookEvents,
  type Redis,
  recordHeartbeat,
  requeueStaleSends,
  requeueStaleWebhookEvents,
  resumeApprovalPolls,
  sweepStaleLeadImports,
} from '@switchboard/domain';
import type { Job } from 'bullmq';

/** An event not applied a minute after it arrived was lost on its way to the queue. */
const STALE_AFTER_MS = 60_000;

export function heartbeatProcessor(deps: { redis: Redis; prefix: string; clock: Clock; em: EntityManager; queues: JobQueues }) {
  return async (job: Job): Promise<{ processedAt: string; requeued: number }> => {
    heartbeatJobSchema.parse(job.data);
    const at = deps.clock.now();
    await recordHeartbeat(deps.redis, deps.prefix, at);
    const staleBefore = new Date(at.getTime() - STALE_AFTER_MS);
    const requeued =
      (await requeueStaleWebhookEvents(deps.em, deps.queues, staleBefore)) +
      (await requeueStaleSends(deps.em, deps.queues, staleBefore)) +
      (await resumeApprovalPolls(deps.em, deps.queues));
    await sweepStaleLeadImports(deps.em, at);
    await pruneWebhookEvents(deps.em, at);
    return { processedAt: at.toISOString(), requeued };
  };
}
