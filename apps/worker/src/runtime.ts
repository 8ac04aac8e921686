// Opens the worker's connections and BullMQ workers; close() lets each finish the job in hand first.
import {
  bullPrefix,
  type Clock,
  connectRedis,
  createLogger,
  EventStream,
  JobQueues,
  type Logger,
  openOrm,
  providerAdapters,
  QUEUE_NAMES,
  resolveSecretKey,
  SecretBox,
  SendRateLimiter,
  type SimulatorOptions,
  systemClock,
} from '@switchboard/domain';
import { type Processor, Queue, Worker } from 'bullmq';
import type { WorkerEnv } from './config/worker-env.ts';
import { heartbeatProcessor } from './processors/heartbeat.processor.ts';
import { leadBulkProcessor } from './processors/lead-bulk.processor.ts';
import { leadImportProcessor } from './processors/lead-import.processor.ts';
import { sendProcessor } from './processors/send.processor.ts';
import { templateApprovalProcessor } from './processors/template-approval.processor.ts';
import { webhookEventProcessor } from './processors/webhook-event.processor.ts';

export interface RunningWorker {
  logger: Logger;
  shutdownTimeoutMs: number;
  close(): Promise<void>;
}

export interface WorkerOptions {
  /** Tests pin what the simulator does; the product plays its realistic default script. */
  simulatorScript?: SimulatorOptions['script'];
}

export async function startWorker(env: WorkerEnv, clock: Clock = systemClock, options: WorkerOptions = {}): Promise<RunningWorker> {
  const logger = createLogger('worker', env.LOG_LEVEL);
  const orm = await openOrm(env.DATABASE_URL);
  const redis = connectRedis({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const prefix = bullPrefix(env.REDIS_PREFIX);
  const events = new EventStream(redis, env.REDIS_PREFIX, {
    onPublishError: (err, companyIds) => logger.warn({ err, companyIds }, 'live event not published'),
  });
  const queues = new JobQueues(redis, env.REDIS_PREFIX);
  const secrets = new SecretBox(resolveSecretKey({ secretKey: env.SECRET_KEY, nodeEnv: env.NODE_ENV, devKeyFile: '.data/secret-key' }));
  const publicUrl = env.PUBLIC_URL;
  const providerFor = providerAdapters({
    secrets,
    twilioApiUrl: env.TWILIO_API_URL,
    publicUrl,
    clock,
    simulator: {
      onError: (err) => logger.warn({ err }, 'simulator callback failed'),
      ...(options.simulatorScript ? { script: options.simulatorScript } : {}),
    },
  });

  const heartbeatQueue = new Queue(QUEUE_NAMES.heartbeat, { connection: redis, prefix });
  // A job scheduler with a fixed id: every worker upserts the same one, so there is one heartbeat however many run.
  await heartbeatQueue.upsertJobScheduler(
    'worker-heartbeat',
    { every: env.HEARTBEAT_EVERY_SECONDS * 1000 },
    { name: 'heartbeat', data: { enqueuedAt: clock.now().toISOString() }, opts: { removeOnComplete: 10, removeOnFail: 100 } },
  );

  const worker = (name: string, processor: Processor, concurrency: number) =>
    new Worker(name, processor, {
      connection: redis,
      prefix,
      concurrency,
      lockDuration: env.JOB_LOCK_MS,
      stalledInterval: env.JOB_LOCK_MS,
    });
  const workers = [
    worker(QUEUE_NAMES.heartbeat, heartbeatProcessor({ redis, prefix: env.REDIS_PREFIX, clock, em: orm.em, queues }), 1),
    worker(QUEUE_NAMES.webhookEvents, webhookEventProcessor({ orm, events, clock }), 16),
    worker(
      QUEUE_NAMES.send,
      sendProcessor({
        em: orm.em,
        events,
        clock,
        limiter: new SendRateLimiter(redis, env.REDIS_PREFIX),
        publicUrl,
        providerFor,
      }),
      env.SEND_CONCURRENCY,
    ),
    worker(QUEUE_NAMES.templateApproval, templateApprovalProcessor({ em: orm.em, events, clock, providerFor }), 4),
    // One import or bulk operation at a time per worker: each is a long stream of batches that saturates a core.
    worker(QUEUE_NAMES.leadImport, leadImportProcessor({ em: orm.em, events, clock }), 1),
    worker(QUEUE_NAMES.leadBulk, leadBulkProcessor({ em: orm.em, events, clock, queues }), 1),
  ];
  for (const w of workers) {
    w.on('failed', (job, error) => logger.error({ queue: w.name, jobId: job?.id, err: error }, 'job failed'));
    w.on('error', (error) => logger.error({ queue: w.name, err: error }, 'worker error'));
  }
  logger.info({ queues: workers.map((w) => w.name) }, 'worker started');

  return {
    logger,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    async close() {
      // Worker.close() waits for active jobs to complete before resolving.
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([heartbeatQueue.close(), queues.close()]);
      // BullMQ never closes a connection it was given (TOOLCHAIN trap 7).
      redis.disconnect();
      await orm.close();
    },
  };
}
