// The worker's approval polling against the real Twilio SDK and a fake Twilio: while WhatsApp reviews, the job
// waits (delayed, with its poll count and a longer delay each time); when WhatsApp decides, the template moves.
import {
  bullPrefix,
  connectRedis,
  createTemplate,
  EventStream,
  FixedClock,
  JobQueues,
  LoginThrottle,
  openOrm,
  providerAdapters,
  QUEUE_NAMES,
  SecretBox,
  signUp,
  submitTemplateForApproval,
  Template,
  TenantScope,
  upsertWhatsappProvider,
} from '@switchboard/domain';
import { FakeTwilio, uniqueEmail } from '@switchboard/domain/testing';
import { type Job, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadWorkerEnv } from '../src/config/worker-env.ts';
import { type RunningWorker, startWorker } from '../src/runtime.ts';

const prefix = `${inject('redisPrefix')}:approval`;
const clock = new FixedClock('2026-07-01T08:00:00Z');
const secretKey = Buffer.alloc(32, 5);
let fake: FakeTwilio;
let worker: RunningWorker;
let orm: Awaited<ReturnType<typeof openOrm>>;
const redis = connectRedis({ url: inject('redisUrl'), prefix });
const queues = new JobQueues(redis, prefix);
const events = new EventStream(redis, prefix);

beforeAll(async () => {
  fake = await new FakeTwilio().start();
  orm = await openOrm(inject('databaseUrl'));
  const env = loadWorkerEnv({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    SECRET_KEY: secretKey.toString('base64'),
    TWILIO_API_URL: fake.url,
    HEARTBEAT_EVERY_SECONDS: '3600',
  });
  worker = await startWorker(env, clock);
});
afterAll(async () => {
  await worker.close();
  await queues.close();
  redis.disconnect();
  await orm.close();
  await fake.stop();
});

async function submittedTemplate() {
  const { user } = await signUp(
    { em: orm.em, clock, throttle: new LoginThrottle(redis, prefix) },
    { companyName: 'Poll Co', name: 'P', email: uniqueEmail(), password: 'password-1234' },
  );
  const scope = new TenantScope(orm.em.fork(), user.companyId, clock, { userId: user.id, role: 'admin' });
  const secrets = new SecretBox(secretKey);
  await upsertWhatsappProvider(
    scope,
    { secrets, publicUrl: 'https://switchboard.test' },
    {
      kind: 'twilio',
      accountSid: `AC${'5'.repeat(32)}`,
      authToken: 'poll-token',
      from: '+14155238886',
    },
  );
  const draft = await createTemplate(
    scope,
    { events },
    {
      name: 'poll_me',
      language: 'en',
      category: 'utility',
      body: 'Hi {{first_name}}, your order is ready for pickup today.',
      variables: [{ name: 'first_name', example: 'Ana' }],
    },
  );
  const providerFor = providerAdapters({ secrets, twilioApiUrl: fake.url, publicUrl: 'https://switchboard.test', clock });
  return submitTemplateForApproval(scope, { events, queues, providerFor }, draft.id);
}

it('polls with growing delays while the review lasts, and applies WhatsApp’s decision', async () => {
  const queueEvents = new QueueEvents(QUEUE_NAMES.templateApproval, { connection: redis.duplicate(), prefix: bullPrefix(prefix) });
  await queueEvents.waitUntilReady();
  const t = await submittedTemplate();
  const jobId = `approval-${t.id}`;
  const job = (await queues.templateApproval.getJob(jobId)) as Job;
  expect(await job.getState()).toBe('delayed');

  // Still under review: the job comes back delayed, one poll further, with the next (longer) delay.
  const delayed = new Promise<void>((resolve) => queueEvents.on('delayed', ({ jobId: id }) => id === jobId && resolve()));
  await job.promote();
  await delayed;
  const again = (await queues.templateApproval.getJob(jobId)) as Job;
  expect(again.data).toEqual({ templateId: t.id, poll: 1 });
  expect(await again.getState()).toBe('delayed');

  fake.setApproval(t.contentSid as string, 'approved');
  const completed = new Promise<string>((resolve) =>
    queueEvents.on('completed', ({ jobId: id, returnvalue }) => id === jobId && resolve(String(returnvalue))),
  );
  await again.promote();
  expect(await completed).toBe('approved');
  const stored = await orm.em.fork().findOneOrFail(Template, { id: t.id });
  expect(stored).toMatchObject({ status: 'approved', statusChangedAt: clock.now() });
  // Done: the job is gone, so a later heartbeat could start polling another review of this template.
  expect(await queues.templateApproval.getJob(jobId)).toBeUndefined();
  await queueEvents.close();
});
