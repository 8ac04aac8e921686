// Processed webhook events are kept for the dedupe window only (7 days: Twilio repeats a callback within hours),
// dead letters for 30 days so that staff can see them; the upkeep deletes the rest in bounded batches.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  DEAD_LETTER_RETENTION_DAYS,
  FixedClock,
  PROCESSED_EVENT_RETENTION_DAYS,
  pruneWebhookEvents,
  WebhookEvent,
} from '../../src/index.ts';
import { openTestServices, type TestServices } from '../../src/testing/index.ts';
import { type InboxCompany, inboundParams, inboxCompany, nextPhone, recordEvent } from './inbox-fixtures.ts';

// Events of this file are from 2019, older than any other test's, so a prune here deletes nothing of theirs.
const now = new Date('2019-06-01T00:00:00Z');
const clock = new FixedClock(now);
const daysAgo = (days: number, minutes = 0) => new Date(now.getTime() - days * 86_400_000 - minutes * 60_000);
let services: TestServices;
let company: InboxCompany;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:retention`,
    clock,
  });
  company = await inboxCompany(services, clock);
});
afterAll(() => services.close());

async function event(receivedAt: Date, set: Partial<Pick<WebhookEvent, 'processedAt' | 'deadLetteredAt'>>): Promise<string> {
  const id = await recordEvent(services, company, 'twilio.inbound', inboundParams(nextPhone(), 'hi'), receivedAt);
  await services.orm.em.fork().nativeUpdate(WebhookEvent, { id }, set);
  return id;
}
const remaining = async (ids: string[]) => (await services.orm.em.fork().find(WebhookEvent, { id: { $in: ids } })).map((e) => e.id).sort();

it('deletes processed events past 7 days and dead letters past 30; keeps the rest', async () => {
  expect([PROCESSED_EVENT_RETENTION_DAYS, DEAD_LETTER_RETENTION_DAYS]).toEqual([7, 30]);
  const oldProcessed = await event(daysAgo(8), { processedAt: daysAgo(8) });
  const recentProcessed = await event(daysAgo(6), { processedAt: daysAgo(6) });
  const neverApplied = await event(daysAgo(60), {});
  const oldDead = await event(daysAgo(31), { deadLetteredAt: daysAgo(31) });
  const recentDead = await event(daysAgo(40), { deadLetteredAt: daysAgo(29) });

  expect(await pruneWebhookEvents(services.orm.em, now)).toBe(2);
  expect(await remaining([oldProcessed, recentProcessed, neverApplied, oldDead, recentDead])).toEqual(
    [recentProcessed, neverApplied, recentDead].sort(),
  );
  // Left unapplied, it would be swept by other tests' sweeps of this database.
  await services.orm.em.fork().nativeDelete(WebhookEvent, { id: neverApplied });
});

it('a backlog goes in bounded batches: at most batchSize × maxBatches a run, the rest on the next', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 25; i++) ids.push(await event(daysAgo(100, i), { processedAt: daysAgo(100, i) }));
  expect(await pruneWebhookEvents(services.orm.em, now, { batchSize: 10, maxBatches: 2 })).toBe(20);
  expect(await remaining(ids)).toHaveLength(5);
  expect(await pruneWebhookEvents(services.orm.em, now, { batchSize: 10, maxBatches: 2 })).toBe(5);
  expect(await remaining(ids)).toEqual([]);
});
