// An event that cannot be applied no longer blocks its batch for ever: each failure is counted, and at the limit
// (or at once, when nothing could ever apply it) the event is set aside with its error and time.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  type ApplyDeps,
  applyWebhookEvents,
  DEAD_LETTER_AFTER_FAILURES,
  FixedClock,
  Lead,
  Message,
  parseInbound,
  WebhookEvent,
} from '../../src/index.ts';
import { openTestServices, type TestServices } from '../../src/testing/index.ts';
import { type InboxCompany, inboundParams, inboxCompany, messageSid, nextPhone, optedInLead, recordEvent } from './inbox-fixtures.ts';

const clock = new FixedClock('2026-12-04T11:00:00Z');
let services: TestServices;
let company: InboxCompany;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:dead-letters`,
    clock,
  });
  company = await inboxCompany(services, clock);
});
afterAll(() => services.close());

const deps = (): ApplyDeps => ({ em: services.orm.em, events: services.events, clock });
const em = () => services.orm.em.fork();

it('an event that keeps failing is dead-lettered at the fifth failure, with its error; its batch then succeeds', async () => {
  const lead = await optedInLead(services, company);
  const fork = em();
  const sid = messageSid();
  const message = fork.create(Message, {
    company: company.companyId,
    lead: lead.id,
    direction: 'outbound',
    kind: 'text',
    body: 'Hi',
    status: 'sent',
    providerMessageId: sid,
  });
  await fork.flush();
  // Stored before the route checked `mid`: every apply fails in PostgreSQL.
  const poison = await recordEvent(services, company, 'twilio.status', { MessageSid: sid, MessageStatus: 'read' }, clock.now(), {
    mid: 'not-a-uuid',
  });
  const good = await recordEvent(services, company, 'twilio.status', { MessageSid: sid, MessageStatus: 'delivered' }, clock.now(), {
    mid: message.id,
  });

  expect(DEAD_LETTER_AFTER_FAILURES).toBe(5);
  for (let attempt = 1; attempt < 5; attempt++) {
    await expect(applyWebhookEvents(deps(), [poison, good])).rejects.toThrow(/uuid/);
    clock.advance(1000);
  }
  expect((await em().findOneOrFail(Message, { id: message.id })).status).toBe('delivered');
  expect(await em().findOneOrFail(WebhookEvent, { id: poison })).toMatchObject({ failures: 4, deadLetteredAt: null });

  expect(await applyWebhookEvents(deps(), [poison, good])).toMatchObject({ applied: 0, already: 1, deadLettered: 1 });
  const setAside = await em().findOneOrFail(WebhookEvent, { id: poison });
  expect(setAside).toMatchObject({ failures: 5, processedAt: null, deadLetteredAt: clock.now() });
  expect(setAside.lastError).toMatch(/uuid/);
  // A later job naming it (the sweeper's, a repeat) neither applies nor fails it.
  expect(await applyWebhookEvents(deps(), [poison])).toMatchObject({ applied: 0, deadLettered: 0, already: 1 });
});

it('an inbound message whose sender is not a WhatsApp number is dead-lettered at once: no retry could apply it', async () => {
  const from = `+1${'5'.repeat(30)}`;
  const params = inboundParams(from, 'hello');
  const id = await recordEvent(services, company, 'twilio.inbound', params, clock.now());
  expect(await applyWebhookEvents(deps(), [id])).toMatchObject({ applied: 0, deadLettered: 1 });
  const event = await em().findOneOrFail(WebhookEvent, { id });
  expect(event).toMatchObject({ failures: 1, deadLetteredAt: clock.now() });
  expect(event.lastError).toContain('From');
  expect(await em().count(Message, { providerMessageId: params.MessageSid })).toBe(0);
});

it('a 250-character WhatsApp profile name is cut to the 200 a lead’s name holds; the message is kept', async () => {
  const phone = nextPhone();
  const name = `Ana ${'ñ'.repeat(240)} 😀😀😀😀😀😀`;
  const id = await recordEvent(services, company, 'twilio.inbound', inboundParams(phone, 'hola', { ProfileName: name }), clock.now());
  expect(await applyWebhookEvents(deps(), [id])).toMatchObject({ applied: 1 });
  const lead = await em().findOneOrFail(Lead, { company: company.companyId, phone });
  expect([...lead.name]).toHaveLength(200);
  expect(name.startsWith(lead.name)).toBe(true);
  expect(await em().count(Message, { lead: lead.id })).toBe(1);
});

it.each([
  { numMedia: '2', media: 2 },
  { numMedia: '11', media: 10 },
  { numMedia: '100000000', media: 10 },
  { numMedia: '-3', media: 0 },
  { numMedia: 'lots', media: 0 },
])('NumMedia $numMedia reads as $media media (Twilio sends at most 10)', ({ numMedia, media }) => {
  const parsed = parseInbound({ NumMedia: numMedia, MediaUrl0: 'https://api.twilio.com/m/0', MediaContentType0: 'image/jpeg' });
  expect(parsed.media?.length ?? 0).toBe(media);
});
