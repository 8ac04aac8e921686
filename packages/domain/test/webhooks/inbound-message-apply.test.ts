// Applying an inbound message is all or nothing, and once: its consent change (a STOP) commits with the message,
// a job stopped right after the commit leaves nothing half-done for its retry, and two jobs applying the same
// event at once (the sweeper's copy and the original) store it once.
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  type ApplyDeps,
  applyWebhookEvents,
  ConsentEvent,
  FixedClock,
  Lead,
  Message,
  OPTED_OUT_REASON,
  WebhookEvent,
  WhatsappSession,
} from '../../src/index.ts';
import { openTestServices, type TestServices } from '../../src/testing/index.ts';
import { type InboxCompany, inboundParams, inboxCompany, optedInLead, recordEvent, StreamFailingOnce } from './inbox-fixtures.ts';

const clock = new FixedClock('2026-12-04T10:00:00Z');
let services: TestServices;
let company: InboxCompany;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:inbound-apply`,
    clock,
  });
  company = await inboxCompany(services, clock);
});
afterAll(() => services.close());

const deps = (events = services.events): ApplyDeps => ({ em: services.orm.em, events, clock });
const em = () => services.orm.em.fork();

async function expectOptedOutOnce(leadId: string, sid: string) {
  const lead = await em().findOneOrFail(Lead, { id: leadId });
  expect(lead.whatsappOptIn).toBe(false);
  expect(lead.whatsappOptedOutAt).toBeInstanceOf(Date);
  expect(await em().find(ConsentEvent, { lead: leadId })).toMatchObject([{ optIn: false, source: 'whatsapp_keyword' }]);
  const outbound = await em().find(Message, { lead: leadId, direction: 'outbound' });
  expect(outbound.every((m) => m.status === 'failed' && m.refusalReason === OPTED_OUT_REASON)).toBe(true);
  expect(await em().count(Message, { providerMessageId: sid })).toBe(1);
}

it('a STOP whose first apply stops right after the commit opts the lead out on the retry, once', async () => {
  const lead = await optedInLead(services, company, 3);
  const params = inboundParams(lead.phone, 'STOP');
  const eventId = await recordEvent(services, company, 'twilio.inbound', params, clock.now());

  const dying = new StreamFailingOnce(services.redis, services.prefix);
  await applyWebhookEvents(deps(dying), [eventId]).catch(() => null);
  // The job is retried (BullMQ, or the sweeper's copy).
  await applyWebhookEvents(deps(), [eventId]);

  await expectOptedOutOnce(lead.id, params.MessageSid as string);
  expect((await em().findOneOrFail(WebhookEvent, { id: eventId })).processedAt).toBeInstanceOf(Date);
});

it('leads.setConsent’s path (changeWhatsappConsent) still records the change and cancels queued messages', async () => {
  const { changeWhatsappConsent } = await import('../../src/index.ts');
  const lead = await optedInLead(services, company, 2);
  const before = await services.events.latestId(company.companyId);
  const cancelled = await changeWhatsappConsent(services.orm.em, services.events, {
    companyId: company.companyId,
    leadId: lead.id,
    optIn: false,
    source: 'console',
    actor: 'user:test',
    at: clock.now(),
  });
  expect(cancelled).toHaveLength(2);
  expect(await em().count(ConsentEvent, { lead: lead.id })).toBe(1);
  const published = await services.events.readAfter(company.companyId, before);
  expect(published).toMatchObject([{ type: 'lead.consent', data: { leadId: lead.id, optIn: false, cancelledMessageIds: cancelled } }]);
});

/** Backends of this database waiting, directly or through another waiter, on a lock `blocker` holds. */
async function waitersBehind(sql: pg.Pool, blocker: number): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `with recursive waiting(pid) as (
       select pid from pg_stat_activity where $1::int = any(pg_blocking_pids(pid))
       union
       select a.pid from pg_stat_activity a join waiting w on w.pid = any(pg_blocking_pids(a.pid))
     ) select count(*) as n from waiting`,
    [blocker],
  );
  return Number(rows[0]?.n ?? 0);
}

it('two jobs applying the same STOP at once store the message once, with one consent event, and both succeed', async () => {
  const lead = await optedInLead(services, company, 2);
  const params = inboundParams(lead.phone, 'stop');
  const eventId = await recordEvent(services, company, 'twilio.inbound', params, clock.now());
  const before = await services.events.latestId(company.companyId);

  // Hold the lead's row so that both jobs are in flight together before either can commit.
  const sql = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
  const blocker = await sql.connect();
  await blocker.query('begin');
  await blocker.query('select 1 from leads where id = $1 for update', [lead.id]);
  const pid = (await blocker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number;
  const jobs = [applyWebhookEvents(deps(), [eventId]), applyWebhookEvents(deps(), [eventId])];
  const deadline = Date.now() + 20_000;
  while ((await waitersBehind(sql, pid)) < 2) {
    if (Date.now() > deadline) throw new Error('the two jobs never both waited on the lead');
    await new Promise((r) => setTimeout(r, 20));
  }
  await blocker.query('commit');
  blocker.release();
  await sql.end();

  const outcomes = await Promise.allSettled(jobs);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
  await expectOptedOutOnce(lead.id, params.MessageSid as string);
  expect((await em().findOneOrFail(WhatsappSession, { lead: lead.id })).unreadCount).toBe(1);
  const published = await services.events.readAfter(company.companyId, before);
  expect(published.map((e) => e.type)).toEqual(['message.received', 'lead.consent']);
});

it('two jobs applying the same status callbacks at once move the message once and announce it once', async () => {
  const lead = await optedInLead(services, company);
  const fork = em();
  const message = fork.create(Message, {
    company: company.companyId,
    lead: lead.id,
    direction: 'outbound',
    kind: 'text',
    body: 'Hi',
    status: 'sent',
    providerMessageId: `SM${'c'.repeat(32)}`,
  });
  await fork.flush();
  const ids = [];
  for (const status of ['delivered', 'read'])
    ids.push(
      await recordEvent(
        services,
        company,
        'twilio.status',
        { MessageSid: message.providerMessageId as string, MessageStatus: status },
        clock.now(),
        { mid: message.id },
      ),
    );
  const before = await services.events.latestId(company.companyId);
  await Promise.all([applyWebhookEvents(deps(), ids), applyWebhookEvents(deps(), ids)]);
  expect((await em().findOneOrFail(Message, { id: message.id })).status).toBe('read');
  // Forward-only, conditional updates: a repeat changes nothing and announces nothing, so no status is announced
  // twice (`delivered` may never be, when `read` came first).
  const statuses = (await services.events.readAfter(company.companyId, before)).map((e) => (e.data.message as { status: string }).status);
  expect(statuses).toContain('read');
  expect(new Set(statuses).size).toBe(statuses.length);
});
