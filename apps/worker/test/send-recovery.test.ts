// Sends that fail for good, with the real worker, BullMQ and Redis: after its last attempt a message ends `failed`
// with a readable reason; when even that cannot be written, the upkeep re-drives it later (its finished job still
// kept by BullMQ), and it reaches Twilio exactly once.
import {
  connectRedis,
  EventStream,
  InteractionAttempt,
  JobQueues,
  Message,
  queueOutboundMessage,
  requeueStaleSends,
  systemClock,
} from '@switchboard/domain';
import {
  breakStoredToken,
  createTestDatabase,
  FakeTwilio,
  openTestServices,
  refuseProviderIdOf,
  sendingCompany,
  type TestDatabase,
  type TestServices,
} from '@switchboard/domain/testing';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { loadWorkerEnv } from '../src/config/worker-env.ts';
import { type RunningWorker, startWorker } from '../src/runtime.ts';

// A database of its own: the upkeep re-drives every stale message it finds, so no other file's may be there.
let db: TestDatabase;
let services: TestServices;
let fake: FakeTwilio;
let worker: RunningWorker | null = null;
const prefix = `${inject('redisPrefix')}:send-recovery`;

beforeAll(async () => {
  db = await createTestDatabase();
  services = await openTestServices({ databaseUrl: db.url, redisUrl: inject('redisUrl'), redisPrefix: prefix });
  fake = await new FakeTwilio().start();
}, 60_000);
afterEach(async () => {
  await worker?.close();
  worker = null;
});
afterAll(async () => {
  await services.close();
  await fake.stop();
  await db.drop();
});

const start = async () => {
  worker = await startWorker(
    loadWorkerEnv({
      DATABASE_URL: db.url,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: prefix,
      SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      TWILIO_API_URL: fake.url,
      PUBLIC_URL: services.publicUrl,
      LOG_LEVEL: 'silent',
      HEARTBEAT_EVERY_SECONDS: '3600',
    }),
    systemClock,
  );
};

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The message's send job, with two attempts a moment apart instead of eight over four minutes. */
async function twoQuickAttempts(messageId: string): Promise<void> {
  await (await services.queues.send.getJob(messageId))?.remove();
  await services.queues.send.add('send', { messageId }, { jobId: messageId, attempts: 2, backoff: { type: 'fixed', delay: 10 } });
}
const jobState = async (messageId: string) => (await services.queues.send.getJob(messageId))?.getState();
const message = (id: string) => services.orm.em.fork().findOneOrFail(Message, { id });

it('after the last attempt of an error outcome (a token that no longer decrypts) the message is failed with a readable reason', async () => {
  const company = await sendingCompany(services, 'Undecryptable Co');
  const id = await company.send('to a sender whose token no longer decrypts');
  await breakStoredToken(services, company.providerId);
  await twoQuickAttempts(id);

  await start();
  await until(async () => ['failed', 'completed'].includes((await jobState(id)) ?? ''), 'the job to finish');

  const stored = await message(id);
  expect(stored.status).toBe('failed');
  expect(stored.errorMessage).toMatch(/^Could not send: the WhatsApp sender’s stored credentials could not be decrypted/);
  const attempt = await services.orm.em.fork().findOneOrFail(InteractionAttempt, { message: id });
  expect(attempt).toMatchObject({ outcome: 'failed', endedAt: expect.any(Date) });
  const events = await services.events.readAfter(company.companyId, '0-0');
  expect(events.some((e) => e.type === 'message.status' && JSON.stringify(e.data).includes('"status":"failed"'))).toBe(true);
  expect(fake.messages).toHaveLength(0);
});

it('a message whose job failed for good, unmarked because the database refused, is re-driven by the upkeep and sent exactly once', async () => {
  const company = await sendingCompany(services, 'Re-driven Co');
  const body = 'sent once across a failed job and a re-drive';
  const id = await company.send(body);
  await twoQuickAttempts(id);
  // Twilio takes the message, but PostgreSQL refuses its provider id on every attempt, and when giving up.
  const lift = await refuseProviderIdOf(services, id);
  try {
    await start();
    await until(async () => (await jobState(id)) === 'failed', 'the job to fail for good');
    await worker?.close();
    worker = null;
  } finally {
    await lift();
  }
  expect(fake.messages.filter((m) => m.body === body)).toHaveLength(1);
  expect(await message(id)).toMatchObject({ status: 'sending', providerMessageId: null, errorMessage: null });

  // The upkeep finds the unsent message; its failed job is still kept, so a plain add would be ignored.
  const later = new Date(Date.now() + 60_000);
  await requeueStaleSends(services.orm.em, services.queues, later);
  const redriven = await services.queues.send.getJob(id);
  expect(await redriven?.getState()).toBe('waiting');
  expect(redriven?.attemptsMade).toBe(0);
  // A second upkeep leaves the live job alone.
  await requeueStaleSends(services.orm.em, services.queues, later);
  const again = await services.queues.send.getJob(id);
  expect(await again?.getState()).toBe('waiting');
  expect(again?.timestamp).toBe(redriven?.timestamp);

  await start();
  await until(async () => (await message(id)).providerMessageId !== null, 'the re-driven message to be recorded');
  expect(fake.messages.filter((m) => m.body === body)).toHaveLength(1);
  expect((await message(id)).providerMessageId).toBe(fake.messages.find((m) => m.body === body)?.sid);
});

it('a send while Redis is away stores the message, and the upkeep enqueues it once Redis is back', async () => {
  const company = await sendingCompany(services, 'Redis Away Co');
  const away = connectRedis({ url: inject('redisUrl'), prefix });
  away.disconnect();
  const offline = { queues: new JobQueues(away, prefix), events: new EventStream(away, prefix) };
  const { messageId } = await queueOutboundMessage(company.scope, offline, {
    kind: 'text',
    leadId: company.leadId,
    text: 'sent after Redis came back',
  });
  expect(await services.queues.send.getJob(messageId)).toBeUndefined();

  await requeueStaleSends(services.orm.em, services.queues, new Date(Date.now() + 60_000));
  expect(await (await services.queues.send.getJob(messageId))?.getState()).toBe('waiting');
  await start();
  await until(async () => (await message(messageId)).providerMessageId !== null, 'the message to be sent');
  expect(fake.messages.filter((m) => m.body === 'sent after Redis came back')).toHaveLength(1);
});

it('the upkeep leaves a message’s live job alone (delayed for its slot in the sender’s rate)', async () => {
  const company = await sendingCompany(services, 'Live Job Co');
  const id = await company.send('waiting for its slot');
  await (await services.queues.send.getJob(id))?.remove();
  await services.queues.send.add('send', { messageId: id, slotForAttempt: 0 }, { jobId: id, delay: 3_600_000, attempts: 8 });
  const before = await services.queues.send.getJob(id);

  await requeueStaleSends(services.orm.em, services.queues, new Date(Date.now() + 60_000));
  const after = await services.queues.send.getJob(id);
  expect(await after?.getState()).toBe('delayed');
  expect({ timestamp: after?.timestamp, delay: after?.delay, data: after?.data }).toEqual({
    timestamp: before?.timestamp,
    delay: before?.delay,
    data: { messageId: id, slotForAttempt: 0 },
  });
  await after?.remove();
});
