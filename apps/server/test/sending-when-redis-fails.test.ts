// A send is committed to PostgreSQL before anything touches Redis: when the live event cannot be published, or the
// queue does not answer, the mutation still answers with the stored message (a client told "error" would send again).
import { type AddressInfo, createServer, type Server } from 'node:net';
import { connectRedis, deliverOutboundMessages, EventStream, JobQueues, Message, type Redis, Template } from '@switchboard/domain';
import { FakeTwilio, SENDING_COMPANY_PASSWORD, type SendingCompany, sendingCompany } from '@switchboard/domain/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';
import { deliverDeps, drainSends } from './webhook-helpers.ts';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await new FakeTwilio().start();
});
afterAll(async () => {
  await fake.stop();
});

async function signedIn(server: TestServer, name: string): Promise<SendingCompany & { api: ReturnType<TestServer['client']> }> {
  const company = await sendingCompany(server.services, name);
  const { token } = await server.client().auth.login.mutate({ email: company.email, password: SENDING_COMPANY_PASSWORD });
  return { ...company, api: server.client(token) };
}

/** Settles with the call's result, or rejects when it has not answered within the limit. */
function withinLimit<T>(call: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    call.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

describe('the live event cannot be published (Redis refuses it)', () => {
  let server: TestServer;
  let events: EventStream;
  beforeAll(async () => {
    const broken = connectRedis({ url: inject('redisUrl'), prefix: 'unused' });
    broken.disconnect();
    events = new EventStream(broken, `${inject('redisPrefix')}:sending-publish-fails`);
    server = await startTestServer({ prefix: 'sending-publish-fails', twilioApiUrl: fake.url, deps: { events } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a text, a media message and a template send each answer { messageId }; each message is queued and then sent', async () => {
    const company = await signedIn(server, 'Publish Fails Co');
    const fork = server.services.orm.em.fork();
    const template = fork.create(Template, {
      company: company.companyId,
      name: 'publish_fails',
      language: 'en',
      category: 'utility',
      body: 'Your visit is confirmed.',
      status: 'approved',
      contentSid: `HX${'f'.repeat(32)}`,
    });
    await fork.flush();

    const sends = [
      await company.api.conversations.sendText.mutate({ leadId: company.leadId, text: 'publish fails: text' }),
      await company.api.conversations.sendMedia.mutate({
        leadId: company.leadId,
        mediaUrl: 'https://example.test/a.jpg',
        caption: 'publish fails: media',
      }),
      await company.api.conversations.sendTemplate.mutate({ leadId: company.leadId, templateId: template.id }),
    ];
    const ids = sends.map((s) => s.messageId);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    const stored = await server.services.orm.em.fork().find(Message, { id: { $in: ids } });
    expect(stored.map((m) => m.status)).toEqual(['queued', 'queued', 'queued']);

    expect(await drainSends(server.services, { twilioApiUrl: fake.url })).toEqual(['sent', 'sent', 'sent']);
    const sent = await server.services.orm.em.fork().find(Message, { id: { $in: ids } });
    expect(sent.every((m) => m.providerMessageId !== null)).toBe(true);
  });

  it('an opt-out that cancels queued sends answers, and the sends stay cancelled', async () => {
    const company = await signedIn(server, 'Publish Fails Opt-out Co');
    const { messageId } = await company.api.conversations.sendText.mutate({ leadId: company.leadId, text: 'cancelled by an opt-out' });
    const answered = await outcome(
      company.api.leads.setConsent.mutate({ leadId: company.leadId, channel: 'whatsapp', optIn: false, source: 'phone call' }),
    );
    expect(answered.code).toBe('OK');
    expect(await server.services.orm.em.fork().findOneOrFail(Message, { id: messageId })).toMatchObject({ status: 'failed' });
    expect(await drainSends(server.services, { twilioApiUrl: fake.url })).toEqual(['skipped']);
  });

  it('the worker’s send is recorded as sent when its status event cannot be published', async () => {
    const company = await sendingCompany(server.services, 'Publish Fails Worker Co');
    const messageId = await company.send('recorded, not announced');
    const deps = { ...deliverDeps(server.services, { twilioApiUrl: fake.url }), events };
    expect(await deliverOutboundMessages(deps, [{ messageId }])).toEqual([{ kind: 'sent', providerMessageId: expect.any(String) }]);
    expect(await server.services.orm.em.fork().findOneOrFail(Message, { id: messageId })).toMatchObject({
      providerMessageId: fake.messages.find((m) => m.body === 'recorded, not announced')?.sid,
    });
  });
});

describe('the queue does not answer (a Redis that accepts connections and never replies)', () => {
  let server: TestServer;
  let mute: Server;
  let silent: Redis;
  beforeAll(async () => {
    mute = createServer(() => {});
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    silent = connectRedis({ url: `redis://127.0.0.1:${(mute.address() as AddressInfo).port}`, prefix: 'silent' });
    server = await startTestServer({
      prefix: 'sending-queue-mute',
      twilioApiUrl: fake.url,
      deps: { queues: new JobQueues(silent, 'silent', { enqueueWaitMs: 200 }) },
    });
  });
  afterAll(async () => {
    await server.close();
    silent.disconnect();
    mute.close();
  });

  it('a send answers { messageId } after the queue’s wait, with the message stored as queued for the upkeep', async () => {
    const company = await signedIn(server, 'Mute Queue Co');
    const { messageId } = await withinLimit(
      company.api.conversations.sendText.mutate({ leadId: company.leadId, text: 'queued while Redis is mute' }),
      10_000,
      'the send',
    );
    expect(await server.services.orm.em.fork().findOneOrFail(Message, { id: messageId })).toMatchObject({
      status: 'queued',
      providerMessageId: null,
      errorMessage: null,
    });
  }, 20_000);
});
