import { bullPrefix, connectRedis, FixedClock, lastHeartbeat, QUEUE_NAMES } from '@switchboard/domain';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { expect, inject, it } from 'vitest';
import { loadWorkerEnv } from '../src/config/worker-env.ts';
import { startWorker } from '../src/runtime.ts';

const prefix = `${inject('redisPrefix')}:worker`;
const env = () =>
  loadWorkerEnv({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    // No SECRET_KEY: only an explicit test (or development) run may generate one.
    NODE_ENV: 'test',
    HEARTBEAT_EVERY_SECONDS: '1',
  });

it('processes the heartbeat job and records when it ran', async () => {
  const clock = new FixedClock('2026-07-01T08:00:00Z');
  const redis = connectRedis({ url: inject('redisUrl'), prefix });
  const events = new QueueEvents(QUEUE_NAMES.heartbeat, { connection: redis.duplicate(), prefix: bullPrefix(prefix) });
  await events.waitUntilReady();
  const completed = new Promise<unknown>((resolve) => events.once('completed', ({ returnvalue }) => resolve(returnvalue)));
  const worker = await startWorker(env(), clock);
  expect(await completed).toEqual({ processedAt: '2026-07-01T08:00:00.000Z', requeued: 0 });
  expect(await lastHeartbeat(redis, prefix)).toEqual(new Date('2026-07-01T08:00:00Z'));
  await worker.close();
  await events.close();
  redis.disconnect();
});

it('a bad payload fails the job instead of being half-processed', async () => {
  const redis = connectRedis({ url: inject('redisUrl'), prefix: `${prefix}-bad` });
  const queue = new Queue(QUEUE_NAMES.heartbeat, { connection: redis, prefix: bullPrefix(`${prefix}-bad`) });
  const events = new QueueEvents(QUEUE_NAMES.heartbeat, { connection: redis.duplicate(), prefix: bullPrefix(`${prefix}-bad`) });
  await events.waitUntilReady();
  const worker = await startWorker({ ...env(), REDIS_PREFIX: `${prefix}-bad`, HEARTBEAT_EVERY_SECONDS: 3600 });
  const failed = new Promise<string>((resolve) =>
    events.on('failed', ({ jobId, failedReason }) => jobId === 'bad' && resolve(failedReason)),
  );
  await queue.add('heartbeat', { enqueuedAt: 'yesterday' }, { jobId: 'bad' });
  expect(await failed).toMatch(/enqueuedAt/);
  await worker.close();
  await Promise.all([queue.close(), events.close()]);
  redis.disconnect();
});

it('shutting down finishes the job in hand before closing (BullMQ close semantics the runtime relies on)', async () => {
  const redis = connectRedis({ url: inject('redisUrl'), prefix });
  const name = 'shutdown-probe';
  const queue = new Queue(name, { connection: redis, prefix: bullPrefix(prefix) });
  const release = Promise.withResolvers<void>();
  const started = Promise.withResolvers<void>();
  let finished = false;
  const worker = new Worker(
    name,
    async () => {
      started.resolve();
      await release.promise;
      finished = true;
    },
    { connection: redis, prefix: bullPrefix(prefix) },
  );
  await queue.add('job', {});
  await started.promise;
  const closing = worker.close();
  let closed = false;
  void closing.then(() => {
    closed = true;
  });
  await new Promise((r) => setImmediate(r));
  expect(closed).toBe(false);
  release.resolve();
  await closing;
  expect(finished).toBe(true);
  expect(await queue.getCompletedCount()).toBe(1);
  await queue.close();
  redis.disconnect();
});
