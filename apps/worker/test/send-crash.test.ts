// The worker killed with SIGKILL in the middle of a batch of sends: after a restart every message has reached
// the (fake) provider exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  Lead,
  Message,
  queueOutboundMessage,
  signUp,
  systemClock,
  TenantScope,
  upsertWhatsappProvider,
  WhatsappSession,
} from '@switchboard/domain';
import { FakeTwilio, openTestServices, type TestServices, uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const prefix = `${inject('redisPrefix')}:crash`;
const TOTAL = 300;
let services: TestServices;
let fake: FakeTwilio;
const children: ChildProcess[] = [];

beforeAll(async () => {
  services = await openTestServices({ databaseUrl: inject('databaseUrl'), redisUrl: inject('redisUrl'), redisPrefix: prefix });
  fake = await new FakeTwilio().start();
  // Each send takes a moment at the provider, so the kill lands while some are in flight.
  fake.latencyMs = 15;
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await services.close();
  await fake.stop();
});

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: prefix,
      SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      TWILIO_API_URL: fake.url,
      PUBLIC_URL: services.publicUrl,
      LOG_LEVEL: 'silent',
      SEND_CONCURRENCY: '20',
      JOB_LOCK_MS: '1000',
      HEARTBEAT_EVERY_SECONDS: '3600',
    },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('every message reaches the provider exactly once across a SIGKILL and a restart', async () => {
  const { user } = await signUp(
    { em: services.orm.em, clock: systemClock, throttle: services.throttle },
    { companyName: 'Crash', name: 'C', email: uniqueEmail(), password: 'password-1234' },
  );
  const scope = new TenantScope(services.orm.em.fork(), user.companyId, systemClock);
  const provider = await upsertWhatsappProvider(scope, services, {
    kind: 'twilio',
    accountSid: `AC${'4'.repeat(32)}`,
    authToken: 'crash-token',
    from: '+14155238886',
    messagesPerSecond: 1000,
  });
  const lead = scope.create(Lead, { name: 'Kim', phone: '+14155550199', whatsappOptIn: true });
  scope.create(WhatsappSession, {
    lead: lead.id,
    provider: provider.id,
    lastInboundAt: new Date(),
    windowEndsAt: new Date(Date.now() + 20 * 3600_000),
  });
  await scope.em.flush();
  for (let i = 0; i < TOTAL; i++) await queueOutboundMessage(scope, services, { kind: 'text', leadId: lead.id, text: `message ${i}` });

  const first = startWorkerProcess();
  await until(async () => fake.messages.length >= TOTAL / 4, 'the first quarter to be sent');
  first.kill('SIGKILL');
  await once(first, 'exit');
  const atKill = fake.messages.length;
  expect(atKill).toBeLessThan(TOTAL);

  startWorkerProcess();
  const em = services.orm.em.fork();
  await until(
    async () => (await em.count(Message, { lead: lead.id, providerMessageId: { $ne: null } })) === TOTAL,
    'every message to have its provider id',
    90_000,
  );

  const counts = fake.countsByBody();
  expect(counts.size).toBe(TOTAL);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(fake.messages).toHaveLength(TOTAL);
}, 120_000);
