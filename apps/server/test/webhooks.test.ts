import { createHash } from 'node:crypto';
import { authTokenOf, ConsentEvent, Lead, Message, WebhookEvent, WhatsappProvider, WhatsappSession } from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';
import { drainWebhookEvents, postWebhook } from './webhook-helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'webhooks' });
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.services.queues.webhookEvents.obliterate({ force: true });
});

interface Setup {
  email: string;
  companyId: string;
  providerId: string;
  authToken: string;
  base: string;
}

async function setup(): Promise<Setup> {
  const email = uniqueEmail();
  const { token, user } = await server.client().auth.signUp.mutate({ companyName: 'Hooks', name: 'A', email, password: 'password-1234' });
  const provider = await server
    .client(token)
    .providers.upsertWhatsApp.mutate({ kind: 'twilio', accountSid: `AC${'2'.repeat(32)}`, authToken: 'hook-token', from: '+14155238886' });
  const row = await server.services.orm.em
    .fork()
    .findOneOrFail(WhatsappProvider, { id: provider.id }, { populate: ['authTokenEncrypted'] });
  return {
    email,
    companyId: user.companyId,
    providerId: provider.id,
    authToken: authTokenOf(row, server.services.secrets),
    base: `/webhooks/twilio/${provider.id}`,
  };
}

const em = () => server.services.orm.em.fork();
/** A Twilio-shaped message SID (SM + 32 hex digits) named after a label, so each test has its own. */
const twilioSid = (label: string) => `SM${createHash('md5').update(label).digest('hex')}`;
const eventsOf = (providerId: string) => em().count(WebhookEvent, { providerId });

async function outboundMessage(s: Setup, providerMessageId: string, status: Message['status'] = 'sending') {
  const fork = em();
  const lead = fork.create(Lead, {
    company: s.companyId,
    name: 'Lena',
    phone: `+1555${Math.floor(Math.random() * 1e7)}`,
    whatsappOptIn: true,
  });
  const message = fork.create(Message, {
    company: s.companyId,
    lead: lead.id,
    direction: 'outbound',
    kind: 'text',
    body: 'Hi Lena',
    status,
    providerMessageId,
  });
  await fork.flush();
  return { leadId: lead.id, messageId: message.id };
}

const statusParams = (sid: string, status: string, extra: Record<string, string> = {}) => ({
  MessageSid: sid,
  SmsSid: sid,
  MessageStatus: status,
  SmsStatus: status,
  AccountSid: `AC${'2'.repeat(32)}`,
  From: 'whatsapp:+14155238886',
  To: 'whatsapp:+15551234567',
  ApiVersion: '2010-04-01',
  ChannelPrefix: 'whatsapp',
  ...extra,
});

describe('signature checks', () => {
  it.each([
    { case: 'unsigned', sign: null },
    { case: 'forged with another token', sign: { authToken: 'not-the-token' } },
    { case: 'a garbage signature', sign: { signature: 'AAAA' } },
  ])('$case → 403 and nothing stored', async ({ sign }) => {
    const s = await setup();
    const res = await postWebhook(server.url, `${s.base}/status`, statusParams(twilioSid('SM1'), 'sent'), sign);
    expect(res.status).toBe(403);
    expect(await eventsOf(s.providerId)).toBe(0);
    expect(await server.services.queues.webhookEvents.count()).toBe(0);
  });

  it('a signature for other parameters fails (tampered body)', async () => {
    const s = await setup();
    const signed = statusParams(twilioSid('SM1'), 'sent');
    const { twilioSignature } = await import('@switchboard/domain');
    const signature = twilioSignature(s.authToken, `https://switchboard.test${s.base}/status`, signed);
    const res = await postWebhook(server.url, `${s.base}/status`, { ...signed, MessageStatus: 'read' }, { signature });
    expect(res.status).toBe(403);
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid'])('unknown provider %s → 404', async (id) => {
    const res = await postWebhook(server.url, `/webhooks/twilio/${id}/status`, statusParams(twilioSid('SM1'), 'sent'), { authToken: 'x' });
    expect(res.status).toBe(404);
  });
});

describe('status callbacks', () => {
  it('the same callback three times is stored and applied once', async () => {
    const s = await setup();
    const { messageId } = await outboundMessage(s, twilioSid('SMdup'));
    for (let i = 0; i < 3; i++) {
      const res = await postWebhook(server.url, `${s.base}/status?mid=${messageId}`, statusParams(twilioSid('SMdup'), 'delivered'), s);
      expect(res.status).toBe(200);
    }
    expect(await eventsOf(s.providerId)).toBe(1);
    expect(await drainWebhookEvents(server.services)).toBe(1);
    const message = await em().findOneOrFail(Message, { id: messageId });
    expect(message.status).toBe('delivered');
    expect(message.deliveredAt).toBeInstanceOf(Date);
  });

  const orders = [
    ['sent', 'delivered', 'read'],
    ['sent', 'read', 'delivered'],
    ['delivered', 'sent', 'read'],
    ['delivered', 'read', 'sent'],
    ['read', 'sent', 'delivered'],
    ['read', 'delivered', 'sent'],
  ];
  it.each(orders)('arriving %s, %s, %s ends on read with every timestamp', async (...order) => {
    const s = await setup();
    const sid = twilioSid(order.join(''));
    const { messageId } = await outboundMessage(s, sid);
    for (const status of order) await postWebhook(server.url, `${s.base}/status?mid=${messageId}`, statusParams(sid, status), s);
    await drainWebhookEvents(server.services);
    const message = await em().findOneOrFail(Message, { id: messageId });
    expect(message.status).toBe('read');
    expect([message.sentAt, message.deliveredAt, message.readAt].every((d) => d instanceof Date)).toBe(true);
  });

  it('a failure with a code is stored with a readable reason; a late failure after delivery is not', async () => {
    const s = await setup();
    const failed = await outboundMessage(s, twilioSid('SMfail'));
    await postWebhook(
      server.url,
      `${s.base}/status?mid=${failed.messageId}`,
      statusParams(twilioSid('SMfail'), 'undelivered', { ErrorCode: '63016' }),
      s,
    );
    const late = await outboundMessage(s, twilioSid('SMlate'), 'delivered');
    await postWebhook(
      server.url,
      `${s.base}/status?mid=${late.messageId}`,
      statusParams(twilioSid('SMlate'), 'failed', { ErrorCode: '63024' }),
      s,
    );
    await drainWebhookEvents(server.services);
    expect(await em().findOneOrFail(Message, { id: failed.messageId })).toMatchObject({
      status: 'undelivered',
      errorCode: 63016,
      errorMessage: 'Outside the 24-hour window: send an approved template instead',
    });
    expect((await em().findOneOrFail(Message, { id: late.messageId })).status).toBe('delivered');
  });

  it('a callback without our id still finds the message by its Twilio sid', async () => {
    const s = await setup();
    const { messageId } = await outboundMessage(s, twilioSid('SMnomid'));
    await postWebhook(server.url, `${s.base}/status`, statusParams(twilioSid('SMnomid'), 'sent'), s);
    await drainWebhookEvents(server.services);
    expect((await em().findOneOrFail(Message, { id: messageId })).status).toBe('sent');
  });

  it('publishes each applied change on the company’s event stream', async () => {
    const s = await setup();
    const { messageId } = await outboundMessage(s, twilioSid('SMlive'));
    const before = await server.services.events.latestId(s.companyId);
    await postWebhook(server.url, `${s.base}/status?mid=${messageId}`, statusParams(twilioSid('SMlive'), 'read'), s);
    await postWebhook(server.url, `${s.base}/status?mid=${messageId}`, statusParams(twilioSid('SMlive'), 'delivered'), s);
    await drainWebhookEvents(server.services);
    const published = await server.services.events.readAfter(s.companyId, before);
    // The backward move (delivered after read) publishes nothing.
    expect(published.map((e) => [e.type, (e.data.message as { status: string }).status])).toEqual([['message.status', 'read']]);
  });
});

const inbound = (from: string, extra: Record<string, string | undefined>) => ({
  MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
  AccountSid: `AC${'2'.repeat(32)}`,
  From: `whatsapp:${from}`,
  To: 'whatsapp:+14155238886',
  NumMedia: '0',
  ProfileName: 'Maria Lopez',
  WaId: from.slice(1),
  SmsStatus: 'received',
  ApiVersion: '2010-04-01',
  ...(Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Record<string, string>),
});

describe('inbound messages', () => {
  it('an unknown number becomes a lead with an open 24-hour window; the answer is empty TwiML', async () => {
    const s = await setup();
    const res = await postWebhook(server.url, `${s.base}/inbound`, inbound('+5215512345678', { Body: 'Hola, info please' }), s);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toContain('<Response></Response>');
    await drainWebhookEvents(server.services);
    const lead = await em().findOneOrFail(Lead, { company: s.companyId, phone: '+5215512345678' });
    expect(lead).toMatchObject({ name: 'Maria Lopez', preferredChannel: 'whatsapp', whatsappOptIn: false });
    const session = await em().findOneOrFail(WhatsappSession, { lead: lead.id });
    expect(session.windowEndsAt?.getTime()).toBe((session.lastInboundAt as Date).getTime() + 24 * 3600 * 1000);
    expect(session.unreadCount).toBe(1);
    const [message] = await em().find(Message, { lead: lead.id });
    expect(message).toMatchObject({ direction: 'inbound', kind: 'text', body: 'Hola, info please', status: 'received' });
  });

  it.each([
    {
      kind: 'media',
      extra: {
        NumMedia: '1',
        MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1',
        MediaContentType0: 'image/jpeg',
      },
      body: null,
    },
    { kind: 'location', extra: { Latitude: '19.4326', Longitude: '-99.1332', Label: 'Oficina' }, body: 'Oficina' },
    { kind: 'button_reply', extra: { Body: 'Yes, book me', ButtonText: 'Yes, book me', ButtonPayload: 'book_yes' }, body: 'Yes, book me' },
  ])('a $kind message is stored with its content', async ({ kind, extra, body }) => {
    const s = await setup();
    await postWebhook(server.url, `${s.base}/inbound`, inbound('+5215511112222', extra), s);
    await drainWebhookEvents(server.services);
    const [message] = await em().find(Message, { company: s.companyId });
    expect(message).toMatchObject({ kind, body });
    expect(message?.media?.length).toBe(1);
  });

  it('STOP opts the lead out at once and cancels its 100 queued messages; START opts back in', async () => {
    const s = await setup();
    const fork = em();
    const lead = fork.create(Lead, {
      company: s.companyId,
      name: 'Sam',
      phone: '+14155550100',
      whatsappOptIn: true,
      whatsappOptInAt: new Date(),
      whatsappOptInSource: 'form',
    });
    for (let i = 0; i < 100; i++)
      fork.create(Message, {
        company: s.companyId,
        lead: lead.id,
        direction: 'outbound',
        kind: 'text',
        body: `Offer ${i}`,
        status: 'queued',
      });
    await fork.flush();

    await postWebhook(server.url, `${s.base}/inbound`, inbound('+14155550100', { Body: ' Stop ' }), s);
    // The same STOP delivered again changes nothing more.
    await drainWebhookEvents(server.services);
    const after = await em().findOneOrFail(Lead, { id: lead.id });
    expect(after.whatsappOptIn).toBe(false);
    expect(after.whatsappOptedOutAt).toBeInstanceOf(Date);
    const statuses = await em().find(Message, { lead: lead.id, direction: 'outbound' });
    expect(statuses).toHaveLength(100);
    expect(statuses.every((m) => m.status === 'failed' && m.refusalReason === 'Cancelled: the lead opted out of WhatsApp')).toBe(true);
    expect(await em().find(ConsentEvent, { lead: lead.id }, { orderBy: { occurredAt: 'asc' } })).toMatchObject([
      { optIn: false, source: 'whatsapp_keyword', actor: 'lead:+14155550100' },
    ]);

    await postWebhook(server.url, `${s.base}/inbound`, inbound('+14155550100', { Body: 'START' }), s);
    await drainWebhookEvents(server.services);
    expect((await em().findOneOrFail(Lead, { id: lead.id })).whatsappOptIn).toBe(true);
    expect(await em().count(ConsentEvent, { lead: lead.id })).toBe(2);
  });
});

describe('bounds: every field is checked before anything is stored', () => {
  const refused: { case: string; extra: Record<string, string | string[]> }[] = [
    { case: 'NumMedia of a hundred million', extra: { NumMedia: '100000000' } },
    { case: 'NumMedia 11 (Twilio sends at most 10)', extra: { NumMedia: '11' } },
    { case: 'a sender longer than a phone number', extra: { From: `whatsapp:+1${'5'.repeat(30)}` } },
    { case: 'a sender that is not a WhatsApp number', extra: { From: 'whatsapp:ID.1234' } },
    { case: 'a SID not of Twilio’s shape', extra: { MessageSid: 'SM1' } },
    { case: 'a media URL that is not a URL', extra: { NumMedia: '1', MediaUrl0: 'javascript:alert(1)' } },
    { case: 'a body longer than any WhatsApp message', extra: { Body: 'x'.repeat(5000) } },
    { case: 'a repeated Body', extra: { Body: ['a', 'b'] } },
  ];
  it.each(refused)('an inbound message with $case → 400, nothing stored', async ({ extra }) => {
    const s = await setup();
    const params = { ...inbound('+5215512340000', { Body: 'hola' }), ...extra };
    const res = await postWebhook(server.url, `${s.base}/inbound`, params, s);
    expect(res.status).toBe(400);
    expect(await eventsOf(s.providerId)).toBe(0);
    expect(await server.services.queues.webhookEvents.count()).toBe(0);
  });

  it.each<{ case: string; query: string; params: Record<string, string> }>([
    { case: 'our message id that is not an id', query: '?mid=not-a-uuid', params: {} },
    { case: 'a 300-character status', query: '', params: { MessageStatus: 'x'.repeat(300) } },
    { case: 'an error code that is not a number', query: '', params: { ErrorCode: '63016; drop table' } },
  ])('a status callback with $case → 400, nothing stored', async ({ query, params }) => {
    const s = await setup();
    const res = await postWebhook(server.url, `${s.base}/status${query}`, { ...statusParams(twilioSid(query), 'sent'), ...params }, s);
    expect(res.status).toBe(400);
    expect(await eventsOf(s.providerId)).toBe(0);
  });

  it('a body over 64 KiB is refused before it is read (413)', async () => {
    const s = await setup();
    const res = await postWebhook(server.url, `${s.base}/inbound`, inbound('+5215512340001', { Body: 'x'.repeat(70_000) }), s);
    expect(res.status).toBe(413);
    expect(await eventsOf(s.providerId)).toBe(0);
  });

  it('a 250-character profile name is cut to the 200 a lead’s name holds, and the message kept', async () => {
    const s = await setup();
    const name = `Ana ${'n'.repeat(246)}`;
    const res = await postWebhook(server.url, `${s.base}/inbound`, inbound('+5215512340002', { Body: 'hola', ProfileName: name }), s);
    expect(res.status).toBe(200);
    const [event] = await em().find(WebhookEvent, { providerId: s.providerId });
    expect(event?.payload.ProfileName).toBe(name.slice(0, 200));
    await drainWebhookEvents(server.services);
    const lead = await em().findOneOrFail(Lead, { company: s.companyId, phone: '+5215512340002' });
    expect(lead.name).toBe(name.slice(0, 200));
  });

  it('ten media are stored as ten, with their URLs and types', async () => {
    const s = await setup();
    const media = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        [`MediaUrl${i}`, `https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME${i}`],
        [`MediaContentType${i}`, 'image/jpeg'],
      ]).flat(),
    ) as Record<string, string>;
    const res = await postWebhook(server.url, `${s.base}/inbound`, inbound('+5215512340003', { NumMedia: '10', ...media }), s);
    expect(res.status).toBe(200);
    await drainWebhookEvents(server.services);
    const [message] = await em().find(Message, { company: s.companyId });
    expect(message?.media).toHaveLength(10);
    expect(message?.media?.[9]).toEqual({ url: media.MediaUrl9, contentType: 'image/jpeg' });
  });
});

describe('a deactivated provider', () => {
  it('refuses inbound messages (410, nothing stored) but still takes status callbacks of messages sent before', async () => {
    const s = await setup();
    const { messageId } = await outboundMessage(s, twilioSid('deactivated'));
    const { token } = await server.client().auth.login.mutate({ email: s.email, password: 'password-1234' });
    await server.client(token).providers.deactivate.mutate({ id: s.providerId });

    const refused = await postWebhook(server.url, `${s.base}/inbound`, inbound('+5215512340004', { Body: 'hola' }), s);
    expect(refused.status).toBe(410);
    expect(await eventsOf(s.providerId)).toBe(0);

    const status = await postWebhook(
      server.url,
      `${s.base}/status?mid=${messageId}`,
      statusParams(twilioSid('deactivated'), 'delivered'),
      s,
    );
    expect(status.status).toBe(200);
    await drainWebhookEvents(server.services);
    expect((await em().findOneOrFail(Message, { id: messageId })).status).toBe('delivered');
  });
});
