// Sends that fail for good, with the real worker, BullMQ and Redis: after its last attempt a message ends `failed`
// with a readable reason; when even that cannot be written, the upkeep re-drives it later (its finished job still
// kept by BullMQ), and it reaches Twilio exactly once.
import { InteractionAttempt, Message, systemClock } from '@switchboard/domain';
import {
  breakStoredToken,
  createTestDatabase,
  FakeTwilio,
  openTestServices,
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
