import { deliverOutboundMessages, FixedClock, InteractionAttempt, Lead, Message, Template } from '@switchboard/domain';
import { FakeTwilio, uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';
import { deliverDeps, drainSends, drainWebhookEvents, postWebhook } from './webhook-helpers.ts';

const clock = new FixedClock('2026-06-01T10:00:00Z');
let server: TestServer;
let fake: FakeTwilio;
beforeAll(async () => {
  fake = await new FakeTwilio().start();
  server = await startTestServer({ prefix: 'sending', clock, twilioApiUrl: fake.url });
});
afterAll(async () => {
  await server.close();
  await fake.stop();
});
beforeEach(async () => {
  await server.services.queues.send.obliterate({ force: true });
  await server.services.queues.webhookEvents.obliterate({ force: true });
  fake.messages.length = 0;
  fake.failNext.length = 0;
  fake.dropAnswerOfNext = 0;
});

const em = () => server.services.orm.em.fork();
const drain = () => drainSends(server.services, { twilioApiUrl: fake.url });

async function company(opts: { messagesPerSecond?: number } = {}) {
  const { token, user } = await server
    .client()
    .auth.signUp.mutate({ companyName: 'Send Co', name: 'A', email: uniqueEmail(), password: 'password-1234' });
  const api = server.client(token);
  const provider = await api.providers.upsertWhatsApp.mutate({
    kind: 'twilio',
    accountSid: `AC${'3'.repeat(32)}`,
    authToken: 'send-token',
    from: '+14155238886',
    ...opts,
  });
  return { api, companyId: user.companyId, provider, token };
}

async function leadWith(api: Awaited<ReturnType<typeof company>>['api'], opts: { optIn: boolean; phone?: string }) {
  return api.leads.create.mutate({
    name: 'Lena Park',
    phone: opts.phone ?? `+1415${Math.floor(2e6 + Math.random() * 7e6)}`,
    whatsappOptIn: opts.optIn,
    optInSource: 'web form',
  });
}

async function inboundFrom(c: Awaited<ReturnType<typeof company>>, phone: string, body: string) {
  await postWebhook(
    server.url,
    `/webhooks/twilio/${c.provider.id}/inbound`,
    {
      MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
      From: `whatsapp:${phone}`,
      To: 'whatsapp:+14155238886',
      Body: body,
      NumMedia: '0',
    },
    { authToken: 'send-token' },
  );
  await drainWebhookEvents(server.services);
  // Messages a second apart, as in life: the timeline orders by time.
  clock.advance(1000);
}

describe('the 24-hour window', () => {
  it('outside the window a free-form send is PRECONDITION_FAILED and stores nothing; after an inbound it goes out', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    const refused = await outcome(c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'Hi Lena!' }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(await em().count(Message, { lead: lead.id })).toBe(0);

    await inboundFrom(c, lead.phone, 'Hello, is the house still available?');
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'Yes! Want to visit Saturday?' });
    expect((await em().findOneOrFail(Message, { id: messageId })).status).toBe('queued');
    expect(await drain()).toEqual(['sent']);

    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]?.form).toMatchObject({
      To: `whatsapp:${lead.phone}`,
      From: 'whatsapp:+14155238886',
      Body: 'Yes! Want to visit Saturday?',
      StatusCallback: `https://switchboard.test/webhooks/twilio/${c.provider.id}/status?mid=${messageId}`,
    });
    const stored = await em().findOneOrFail(Message, { id: messageId });
    expect(stored).toMatchObject({ status: 'sending', providerMessageId: fake.messages[0]?.sid });
    const attempt = await em().findOneOrFail(InteractionAttempt, { message: messageId });
    expect(attempt).toMatchObject({ channel: 'whatsapp', outcome: 'pending' });
    expect(attempt.session?.id).toBe(stored.session?.id);

    // Twilio's callbacks then move it forward.
    for (const status of ['sent', 'delivered']) {
      await postWebhook(
        server.url,
        `/webhooks/twilio/${c.provider.id}/status?mid=${messageId}`,
        { MessageSid: stored.providerMessageId as string, MessageStatus: status },
        { authToken: 'send-token' },
      );
    }
    await drainWebhookEvents(server.services);
    expect((await em().findOneOrFail(Message, { id: messageId })).status).toBe('delivered');
  });

  it('the window closes 24 h after the lead’s last message', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    clock.advance(24 * 3600 * 1000);
    expect((await outcome(c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'late' }))).code).toBe('PRECONDITION_FAILED');
  });

  it('a message queued inside the window but sent after it closed is refused by the worker with its reason', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    clock.advance(23 * 3600 * 1000);
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'just in time?' });
    clock.advance(3600 * 1000);
    expect(await drain()).toEqual(['refused']);
    expect(fake.messages).toHaveLength(0);
    expect(await em().findOneOrFail(Message, { id: messageId })).toMatchObject({
      status: 'failed',
      refusalReason: 'Outside the 24-hour window: only an approved template can be sent',
    });
  });
});

describe('consent', () => {
  it('a lead who never opted in cannot be sent a template; one who wrote to us can be answered in the window', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: false });
    const fork = em();
    const template = fork.create(Template, {
      company: c.companyId,
      name: 'visit_reminder',
      language: 'en',
      category: 'utility',
      body: 'Hi {{first_name}}, see you at {{time}} today.',
      variables: [
        { name: 'first_name', example: 'Ana', binding: { source: 'lead', field: 'firstName' } },
        { name: 'time', example: '9am' },
      ],
      status: 'approved',
      contentSid: `HX${'d'.repeat(32)}`,
    });
    await fork.flush();
    const refused = await c.api.conversations.sendTemplate
      .mutate({ leadId: lead.id, templateId: template.id, variables: { time: '10am' } })
      .catch((e: Error) => e.message);
    expect(refused).toBe('The lead has not opted in to WhatsApp messages');
    await inboundFrom(c, lead.phone, 'Question about pricing');
    expect((await outcome(c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'Happy to help' }))).code).toBe('OK');
  });

  it('an inbound STOP while 100 messages to that lead are queued: none goes out', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    for (let i = 0; i < 100; i++) await c.api.conversations.sendText.mutate({ leadId: lead.id, text: `Follow-up ${i}` });
    expect(await server.services.queues.send.count()).toBe(100);
    await inboundFrom(c, lead.phone, 'STOP');
    const outcomes = await drain();
    expect(outcomes).toHaveLength(100);
    expect(outcomes.every((o) => o === 'skipped')).toBe(true);
    expect(fake.messages).toHaveLength(0);
    const messages = await em().find(Message, { lead: lead.id, direction: 'outbound' });
    expect(messages.every((m) => m.status === 'failed' && m.refusalReason?.includes('opted out'))).toBe(true);
    expect((await outcome(c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'one more?' }))).code).toBe('PRECONDITION_FAILED');
  });
});

describe('templates', () => {
  it('an approved template is rendered for the lead and sent with its ContentSid and variables; unapproved is PRECONDITION_FAILED', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    const fork = em();
    const approved = fork.create(Template, {
      company: c.companyId,
      name: 'visit',
      language: 'en',
      category: 'utility',
      body: 'Hi {{first_name}}, your visit is at {{time}} today.',
      footer: 'Reply STOP to opt out',
      buttons: [{ type: 'quick_reply', text: 'Confirm' }],
      variables: [
        { name: 'first_name', example: 'Ana', binding: { source: 'lead', field: 'firstName' } },
        { name: 'time', example: '9:00' },
      ],
      status: 'approved',
      contentSid: `HX${'e'.repeat(32)}`,
    });
    const pending = fork.create(Template, {
      company: c.companyId,
      name: 'promo',
      language: 'en',
      category: 'marketing',
      body: 'Deal for {{first_name}}',
      status: 'pending',
    });
    await fork.flush();
    expect((await outcome(c.api.conversations.sendTemplate.mutate({ leadId: lead.id, templateId: pending.id }))).code).toBe(
      'PRECONDITION_FAILED',
    );
    const missing = await c.api.conversations.sendTemplate
      .mutate({ leadId: lead.id, templateId: approved.id })
      .catch((e: Error) => e.message);
    expect(missing).toBe('Missing template values: time');
    const { messageId } = await c.api.conversations.sendTemplate.mutate({
      leadId: lead.id,
      templateId: approved.id,
      variables: { time: '10:30' },
    });
    expect(await drain()).toEqual(['sent']);
    expect(fake.messages[0]?.form).toMatchObject({
      ContentSid: `HX${'e'.repeat(32)}`,
    });
    // Twilio gets the numbered placeholders WhatsApp knows; the timeline keeps what the lead read.
    expect(JSON.parse(fake.messages[0]?.form.ContentVariables as string)).toEqual({ 1: 'Lena', 2: '10:30' });
    expect(await em().findOneOrFail(Message, { id: messageId })).toMatchObject({
      body: 'Hi Lena, your visit is at 10:30 today.',
      templateParts: {
        name: 'visit',
        footer: 'Reply STOP to opt out',
        buttons: [{ type: 'quick_reply', text: 'Confirm', payload: 'confirm' }],
      },
    });
  });
});

describe('the worker and the provider', () => {
  it('respects the sender’s messages per second: a quarter second’s worth at once, then one slot every 1/rate', async () => {
    const c = await company({ messagesPerSecond: 4 });
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await c.api.conversations.sendText.mutate({ leadId: lead.id, text: `m${i}` })).messageId);
    const deps = deliverDeps(server.services, { twilioApiUrl: fake.url });
    // The clock stands still: two go at once; the others are given slots a quarter second apart.
    expect(
      await deliverOutboundMessages(
        deps,
        ids.map((messageId) => ({ messageId })),
      ),
    ).toEqual([
      { kind: 'sent', providerMessageId: expect.any(String) },
      { kind: 'sent', providerMessageId: expect.any(String) },
      { kind: 'wait', delayMs: 250 },
      { kind: 'wait', delayMs: 500 },
      { kind: 'wait', delayMs: 750 },
    ]);
    expect(fake.messages).toHaveLength(2);
    const waiting = await em().find(Message, { id: { $in: ids.slice(2) } });
    expect(waiting.map((m) => m.status)).toEqual(['queued', 'queued', 'queued']);
    // A message that waited holds its slot: it goes without asking again, ahead of newcomers.
    clock.advance(250);
    const [third] = await deliverOutboundMessages(deps, [{ messageId: ids[2] as string, hasSlot: true }]);
    expect(third?.kind).toBe('sent');
    const { messageId: newcomer } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'newcomer' });
    expect(await deliverOutboundMessages(deps, [{ messageId: newcomer }])).toEqual([{ kind: 'wait', delayMs: 750 }]);
    expect(fake.messages).toHaveLength(3);
  });

  it('a permanent Twilio error fails the message with a readable reason', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'x' });
    fake.failNext.push({ status: 400, code: 63024, message: 'Invalid message recipient' });
    expect(await drain()).toEqual(['failed']);
    expect(await em().findOneOrFail(Message, { id: messageId })).toMatchObject({
      status: 'failed',
      errorCode: 63024,
      errorMessage: expect.stringMatching(/Invalid recipient/),
    });
  });

  it('a retryable error puts the message back in the queue untouched', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'x' });
    fake.failNext.push({ status: 503, code: 20500, message: 'Service unavailable' });
    expect(await drain()).toEqual(['retry']);
    expect(await em().findOneOrFail(Message, { id: messageId })).toMatchObject({ status: 'queued', sendStartedAt: null });
  });

  it('a retry after a crash mid-send finds the message at the provider instead of sending it again', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'only once please' });
    expect(await drain()).toEqual(['sent']);
    // Simulate the crash: the provider got it, but its id never reached our database.
    await em().getConnection().execute(`update messages set provider_message_id = null, status = 'sending' where id = ?`, [messageId]);
    await server.services.queues.enqueueSend(messageId);
    expect(await drain()).toEqual(['sent']);
    expect(fake.messages).toHaveLength(1);
    expect((await em().findOneOrFail(Message, { id: messageId })).providerMessageId).toBe(fake.messages[0]?.sid);
  });

  it('a send whose answer is lost (the connection drops after Twilio took it) is not sent again: its retry finds it', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true });
    await inboundFrom(c, lead.phone, 'hi');
    const { messageId } = await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'took it, answer lost' });
    fake.dropAnswerOfNext = 1;
    const deps = deliverDeps(server.services, { twilioApiUrl: fake.url });
    expect((await deliverOutboundMessages(deps, [{ messageId }]))[0]).toMatchObject({ kind: 'retry' });
    expect(fake.messages).toHaveLength(1);
    // It may have gone out, so it stays `sending` for the retry to ask Twilio first.
    expect(await em().findOneOrFail(Message, { id: messageId })).toMatchObject({ status: 'sending', providerMessageId: null });
    expect(await deliverOutboundMessages(deps, [{ messageId }])).toEqual([{ kind: 'sent', providerMessageId: fake.messages[0]?.sid }]);
    expect(fake.messages).toHaveLength(1);
  });

  it('another company’s lead is NOT_FOUND; an empty text is BAD_REQUEST', async () => {
    const a = await company();
    const b = await company();
    const lead = await leadWith(a.api, { optIn: true });
    expect((await outcome(b.api.conversations.sendText.mutate({ leadId: lead.id, text: 'hi' }))).code).toBe('NOT_FOUND');
    expect((await outcome(b.api.conversations.timeline.query({ leadId: lead.id }))).code).toBe('NOT_FOUND');
    expect((await outcome(a.api.conversations.sendText.mutate({ leadId: lead.id, text: '   ' }))).code).toBe('BAD_REQUEST');
  });
});

describe('reading conversations', () => {
  it('the list shows the last message, unread count and window; the timeline is oldest first', async () => {
    const c = await company();
    const lead = await leadWith(c.api, { optIn: true, phone: '+14155559876' });
    await inboundFrom(c, lead.phone, 'First question');
    await inboundFrom(c, lead.phone, 'Second question');
    await c.api.conversations.sendText.mutate({ leadId: lead.id, text: 'Answer' });
    const [conversation] = await c.api.conversations.list.query();
    expect(conversation).toMatchObject({
      leadId: lead.id,
      leadName: 'Lena Park',
      unreadCount: 2,
      windowOpen: true,
      lastMessage: { body: 'Answer', direction: 'outbound', status: 'queued' },
    });
    const timeline = await c.api.conversations.timeline.query({ leadId: lead.id });
    expect(timeline.messages.map((m) => m.body)).toEqual(['First question', 'Second question', 'Answer']);
    expect(timeline.window.open).toBe(true);
    await c.api.conversations.markRead.mutate({ leadId: lead.id });
    expect((await c.api.conversations.list.query())[0]?.unreadCount).toBe(0);
    expect(await em().count(Lead, { company: c.companyId })).toBe(1);
  });
});
