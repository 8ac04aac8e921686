// A lead's new phone number starts without the old number's WhatsApp consent and 24-hour window: edited through the
// API, the lead is no longer opted in (with a "number changed" consent event), free text is refused, and messages
// queued for the old number never go out. A failure part-way through the edit changes nothing.
import { ConsentEvent, FixedClock, Lead, Message, WhatsappSession } from '@switchboard/domain';
import { FakeTwilio, uniqueEmail } from '@switchboard/domain/testing';
import type { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';
import { drainSends, drainWebhookEvents, postWebhook } from './webhook-helpers.ts';

const clock = new FixedClock('2026-06-01T10:00:00Z');
let server: TestServer;
let fake: FakeTwilio;
beforeAll(async () => {
  fake = await new FakeTwilio().start();
  server = await startTestServer({ prefix: 'phone-change', clock, twilioApiUrl: fake.url });
});
afterAll(async () => {
  await server.close();
  await fake.stop();
});
beforeEach(async () => {
  await server.services.queues.send.obliterate({ force: true });
  fake.messages.length = 0;
});

const em = () => server.services.orm.em.fork();
let phoneSeed = 4_100_000;
const nextPhone = () => `+1415${String(++phoneSeed).padStart(7, '0')}`;

async function company() {
  const { token, user } = await server
    .client()
    .auth.signUp.mutate({ companyName: 'Number Co', name: 'A', email: uniqueEmail(), password: 'password-1234' });
  const api = server.client(token);
  const provider = await api.providers.upsertWhatsApp.mutate({
    kind: 'twilio',
    accountSid: `AC${'5'.repeat(32)}`,
    authToken: 'number-token',
    from: '+14155238886',
  });
  return { api, user, provider };
}

/** An opted-in lead who has just written to us: the 24-hour window is open. */
async function talkingLead(c: Awaited<ReturnType<typeof company>>) {
  const lead = await c.api.leads.create.mutate({ name: 'Nina Volk', phone: nextPhone(), whatsappOptIn: true, optInSource: 'web form' });
  await postWebhook(
    server.url,
    `/webhooks/twilio/${c.provider.id}/inbound`,
    {
      MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
      From: `whatsapp:${lead.phone}`,
      To: 'whatsapp:+14155238886',
      Body: 'Hi, call me back?',
      NumMedia: '0',
    },
    { authToken: 'number-token' },
  );
  await drainWebhookEvents(server.services);
  clock.advance(1000);
  return lead;
}

describe('changing a lead’s phone number', () => {
  it('resets WhatsApp consent with a "number changed" event, closes the window, and cancels what was queued for the old number', async () => {
    const c = await company();
    const lead = await talkingLead(c);
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'Sure, when suits you?' });

    const before = await server.services.events.latestId(c.user.companyId);
    const newPhone = nextPhone();
    const edited = await c.api.leads.update.mutate({ id: lead.id, phone: newPhone });
    expect(edited).toMatchObject({ phone: newPhone, consent: 'none', whatsappOptIn: false, whatsappOptedOutAt: null });

    const detail = await c.api.leads.get.query({ id: lead.id });
    expect(detail.consentHistory[0]).toMatchObject({
      channel: 'whatsapp',
      optIn: false,
      source: 'number changed',
      actor: `user:${c.user.id}`,
      at: clock.now().toISOString(),
    });
    const session = await em().findOneOrFail(WhatsappSession, { lead: lead.id });
    expect(session.windowEndsAt?.toISOString()).toBe(clock.now().toISOString());

    expect((await outcome(c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'Still there?' }))).code).toBe(
      'PRECONDITION_FAILED',
    );
    // The message queued for the old number is cancelled with its reason, and the send worker sends nothing.
    expect(await em().findOneOrFail(Message, { id: messageId })).toMatchObject({
      status: 'failed',
      refusalReason: 'Cancelled: the lead’s phone number changed',
    });
    await drainSends(server.services, { twilioApiUrl: fake.url });
    expect(fake.messages).toEqual([]);

    // The consoles heard of it after the commit: the edit, the consent change and the cancelled message.
    const published = await server.services.events.readAfter(c.user.companyId, before);
    expect(published.map((e) => e.type)).toEqual(['lead.updated', 'lead.consent', 'message.status']);
    expect(published[1]?.data).toMatchObject({ leadId: lead.id, optIn: false, source: 'number changed', cancelledMessageIds: [messageId] });
    expect(published[2]?.data).toMatchObject({ message: { id: messageId, status: 'failed' } });
  });

  it('the same number written differently changes nothing; an opt-out stays an opt-out on the new number', async () => {
    const c = await company();
    const lead = await talkingLead(c);
    const spaced = lead.phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 ($1) $2-$3');
    expect(await c.api.leads.update.mutate({ id: lead.id, phone: spaced })).toMatchObject({ phone: lead.phone, consent: 'opted_in' });
    expect((await c.api.leads.get.query({ id: lead.id })).consentHistory).toHaveLength(1);

    await c.api.leads.setConsent.mutate({ leadId: lead.id, channel: 'whatsapp', optIn: false, source: 'asked by phone' });
    const moved = await c.api.leads.update.mutate({ id: lead.id, phone: nextPhone() });
    expect(moved.consent).toBe('opted_out');
  });

  it('a failure part-way through the edit leaves the old number, its consent, its window and its queue as they were', async () => {
    const c = await company();
    const lead = await talkingLead(c);
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'One moment' });
    const windowBefore = (await em().findOneOrFail(WhatsappSession, { lead: lead.id })).windowEndsAt;
    // PostgreSQL refuses the cancellation of this lead's messages: the last step of the edit's transaction.
    const pool = (await server.services.orm.em.getConnection().getNativeClient()) as Pool;
    const trigger = `fail_cancel_${lead.id.replaceAll('-', '_')}`;
    await pool.query(
      `create function ${trigger}() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`,
    );
    await pool.query(
      `create trigger ${trigger} before update on messages for each row when (new.lead_id = '${lead.id}') execute function ${trigger}()`,
    );
    try {
      expect((await outcome(c.api.leads.update.mutate({ id: lead.id, phone: nextPhone() }))).code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await pool.query(`drop trigger ${trigger} on messages`);
      await pool.query(`drop function ${trigger}()`);
    }
    expect(await em().findOneOrFail(Lead, { id: lead.id })).toMatchObject({ phone: lead.phone, whatsappOptIn: true });
    expect(await em().count(ConsentEvent, { lead: lead.id })).toBe(1);
    expect((await em().findOneOrFail(WhatsappSession, { lead: lead.id })).windowEndsAt).toEqual(windowBefore);
    expect((await em().findOneOrFail(Message, { id: messageId })).status).toBe('queued');
  });
});
