// The inbox sweeper re-enqueues events never applied. Each sweep can add its job even when an earlier sweep job of
// the same first event finished (failed for good, or completed), and dead-lettered events are left alone.
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { bullPrefix, FixedClock, QUEUE_NAMES, requeueStaleWebhookEvents, WebhookEvent } from '../../src/index.ts';
import { openTestServices, type TestServices } from '../../src/testing/index.ts';
import { type InboxCompany, inboundParams, inboxCompany, nextPhone, recordEvent } from './inbox-fixtures.ts';

const clock = new FixedClock('2020-01-01T00:00:00Z');
let services: TestServices;
let company: InboxCompany;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:sweeper`,
    clock,
  });
  company = await inboxCompany(services, clock);
});
afterAll(() => services.close());
beforeEach(async () => {
  await services.queues.webhookEvents.obliterate({ force: true });
});

/** Event ids of the sweep's jobs waiting to run. */
async function waitingEventIds(): Promise<string[]> {
  const jobs = await services.queues.webhookEvents.getJobs(['waiting', 'prioritized', 'delayed']);
  return jobs.flatMap((j) => j.data.eventIds);
}

/** Takes the job out of the queue and fails it for good, as a job whose events failed all its attempts. */
async function failForGood(jobId: string): Promise<void> {
  const worker = new Worker(QUEUE_NAMES.webhookEvents, null, { connection: services.redis, prefix: bullPrefix(services.prefix) });
  const job = await worker.getNextJob('test-token');
  expect(job?.id).toBe(jobId);
  await job?.moveToFailed(new UnrecoverableError('poison'), 'test-token');
  await worker.close();
  expect(await services.queues.webhookEvents.getJobState(jobId)).toBe('failed');
}

// Events of this file are received in 2020, before most other tests' (the sweep reads the oldest first).
const at = (minute: number) => new Date(Date.UTC(2020, 0, 1, 0, minute));

it('a sweep after a failed sweep job of the same first event still enqueues the events lost since', async () => {
  const first = await recordEvent(services, company, 'twilio.inbound', inboundParams(nextPhone(), 'one'), at(1));
  expect(await requeueStaleWebhookEvents(services.orm.em, services.queues, at(30))).toBeGreaterThan(0);
  // Its id names the oldest event waiting (this one, or an older one another test left unapplied).
  const [job] = await services.queues.webhookEvents.getJobs(['waiting']);
  expect(job?.data.eventIds).toContain(first);
  await failForGood(job?.id as string);

  const lost = await recordEvent(services, company, 'twilio.inbound', inboundParams(nextPhone(), 'two'), at(2));
  await requeueStaleWebhookEvents(services.orm.em, services.queues, at(30));
  expect(await waitingEventIds()).toEqual(expect.arrayContaining([first, lost]));
  await services.orm.em.fork().nativeUpdate(WebhookEvent, { id: { $in: [first, lost] } }, { processedAt: at(31) });
});

it('a sweep while the same sweep job still waits adds nothing more', async () => {
  const event = await recordEvent(services, company, 'twilio.inbound', inboundParams(nextPhone(), 'three'), at(3));
  await requeueStaleWebhookEvents(services.orm.em, services.queues, at(30));
  await requeueStaleWebhookEvents(services.orm.em, services.queues, at(30));
  expect(await services.queues.webhookEvents.count()).toBe(1);
  expect(await waitingEventIds()).toContain(event);
  await services.orm.em.fork().nativeUpdate(WebhookEvent, { id: event }, { processedAt: at(31) });
});

it('dead-lettered events are not swept', async () => {
  const dead = await recordEvent(services, company, 'twilio.inbound', inboundParams(nextPhone(), 'four'), at(4));
  await services.orm.em.fork().nativeUpdate(WebhookEvent, { id: dead }, { deadLetteredAt: at(5), failures: 5 });
  await requeueStaleWebhookEvents(services.orm.em, services.queues, at(30));
  expect(await waitingEventIds()).not.toContain(dead);
});
