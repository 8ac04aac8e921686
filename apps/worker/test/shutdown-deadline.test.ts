// The worker asked to stop while its job in hand cannot finish (it waits on a lock another transaction holds)
// exits at SHUTDOWN_TIMEOUT_SECONDS instead of waiting for ever; BullMQ retries that job once its lock lapses.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Lead, recordWebhook, signUp, systemClock, TenantScope, upsertWhatsappProvider } from '@switchboard/domain';
import { openTestServices, type TestServices, uniqueEmail } from '@switchboard/domain/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const prefix = `${inject('redisPrefix')}:shutdown`;
let services: TestServices;
let child: ChildProcess | undefined;
let sql: pg.Pool;
beforeAll(async () => {
  services = await openTestServices({ databaseUrl: inject('databaseUrl'), redisUrl: inject('redisUrl'), redisPrefix: prefix });
  sql = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await sql.end();
  await services.close();
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('SIGTERM with a job stuck in hand: the worker exits with code 1 after SHUTDOWN_TIMEOUT_SECONDS', async () => {
  const { user } = await signUp(
    { em: services.orm.em, clock: systemClock, throttle: services.throttle },
    { companyName: 'Shutdown', name: 'S', email: uniqueEmail(), password: 'password-1234' },
  );
  const scope = new TenantScope(services.orm.em.fork(), user.companyId, systemClock);
  const provider = await upsertWhatsappProvider(scope, services, { kind: 'simulator', from: '+14155238886' });
  const lead = scope.create(Lead, { name: 'Kim', phone: '+14155550177', whatsappOptIn: true });
  await scope.em.flush();

  // The lead's row is held, so applying a message from that lead waits for as long as this transaction lasts.
  const blocker = await sql.connect();
  await blocker.query('begin');
  await blocker.query('select 1 from leads where id = $1 for update', [lead.id]);
  const blockerPid = (await blocker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
  const sid = `SM${'e'.repeat(32)}`;
  const eventId = await recordWebhook(services.orm.em, {
    companyId: user.companyId,
    providerId: provider.id,
    kind: 'twilio.inbound',
    params: { MessageSid: sid, From: 'whatsapp:+14155550177', To: 'whatsapp:+14155238886', Body: 'hello', NumMedia: '0' },
    query: {},
    receivedAt: new Date(),
  });
  await services.queues.enqueueWebhookEvents([eventId as string]);

  child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: prefix,
      SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOG_LEVEL: 'silent',
      HEARTBEAT_EVERY_SECONDS: '3600',
      SHUTDOWN_TIMEOUT_SECONDS: '1',
    },
    stdio: 'ignore',
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  await until(async () => {
    const { rows } = await sql.query('select 1 from pg_stat_activity where $1::int = any(pg_blocking_pids(pid))', [blockerPid]);
    return rows.length > 0;
  }, 'the worker’s job to wait on the lead');

  const signalledAt = Date.now();
  child.kill('SIGTERM');
  const outcome = await Promise.race([
    exited,
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000).unref()),
  ]);
  await blocker.query('rollback');
  blocker.release();
  expect(outcome).toEqual([1, null]);
  expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(1000);
}, 60_000);
