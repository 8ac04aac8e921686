// Heartbeat: a repeating job whose only work is to stamp "the worker is alive and processing" in Redis.

import { type Clock, heartbeatJobSchema, type Redis, recordHeartbeat } from '@switchboard/domain';
import type { Job } from 'bullmq';

export function heartbeatProcessor(deps: { redis: Redis; prefix: string; clock: Clock }) {
  return async (job: Job): Promise<{ processedAt: string }> => {
    heartbeatJobSchema.parse(job.data);
    const at = deps.clock.now();
    await recordHeartbeat(deps.redis, deps.prefix, at);
    return { processedAt: at.toISOString() };
  };
}
