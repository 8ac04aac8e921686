// Opens the worker's connections and BullMQ workers; close() lets each finish the job in hand first.

import { bullPrefix, type Clock, connectRedis, createLogger, type Logger, QUEUE_NAMES, systemClock } from '@switchboard/domain';
import { Queue, Worker } from 'bullmq';
import type { WorkerEnv } from './config/worker-env.ts';
import { heartbeatProcessor } from './processors/heartbeat.processor.ts';

export interface RunningWorker {
  logger: Logger;
  close(): Promise<void>;
}

export async function startWorker(env: WorkerEnv, clock: Clock = systemClock): Promise<RunningWorker> {
  const logger = createLogger('worker', env.LOG_LEVEL);
  const redis = connectRedis({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const prefix = bullPrefix(env.REDIS_PREFIX);

  const heartbeatQueue = new Queue(QUEUE_NAMES.heartbeat, { connection: redis, prefix });
  // A job scheduler with a fixed id: every worker upserts the same one, so there is one heartbeat however many run.
  await heartbeatQueue.upsertJobScheduler(
    'worker-heartbeat',
    { every: env.HEARTBEAT_EVERY_SECONDS * 1000 },
    { name: 'heartbeat', data: { enqueuedAt: clock.now().toISOString() }, opts: { removeOnComplete: 10, removeOnFail: 100 } },
  );

  const workers = [
    new Worker(QUEUE_NAMES.heartbeat, heartbeatProcessor({ redis, prefix: env.REDIS_PREFIX, clock }), {
      connection: redis,
      prefix,
      concurrency: 1,
    }),
  ];
  for (const worker of workers) {
    worker.on('failed', (job, error) => logger.error({ queue: worker.name, jobId: job?.id, err: error }, 'job failed'));
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'));
  }
  logger.info({ queues: workers.map((w) => w.name) }, 'worker started');

  return {
    logger,
    async close() {
      // Worker.close() waits for active jobs to complete before resolving.
      await Promise.all(workers.map((w) => w.close()));
      await heartbeatQueue.close();
      // BullMQ never closes a connection it was given (TOOLCHAIN trap 7).
      redis.disconnect();
    },
  };
}
