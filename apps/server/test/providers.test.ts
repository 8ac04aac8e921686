import { User, WhatsappProvider } from '@switchboard/domain';
import { FakeTwilio, TEST_PUBLIC_URL, uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';

let server: TestServer;
let fake: FakeTwilio;
beforeAll(async () => {
  fake = await new FakeTwilio().start();
  server = await startTestServer({ prefix: 'providers', twilioApiUrl: fake.url });
});
afterAll(async () => {
  await server.close();
  await fake.stop();
});

const accountSid = `AC${'1'.repeat(32)}`;
async function admin(companyName = 'Acme') {
  return server.client().auth.signUp.mutate({ companyName, name: 'Admin', email: uniqueEmail(), password: 'password-1234' });
}

describe('WhatsApp provider settings', () => {
  it('saves Twilio credentials, seals the token, and returns the webhook URLs but never the token', async () => {
    const { token } = await admin();
    const api = server.client(token);
    const saved = await api.providers.upsertWhatsApp.mutate({
      kind: 'twilio',
      accountSid,
      authToken: 'good-token',
      from: '+1 415 523 8886',
    });
    expect(saved).toMatchObject({
      kind: 'twilio',
      accountSid,
      sender: 'whatsapp:+14155238886',
      hasAuthToken: true,
      active: true,
      messagesPerSecond: 80,
    });
    expect(saved.webhookUrls).toEqual({
      inbound: `${TEST_PUBLIC_URL}/webhooks/twilio/${saved.id}/inbound`,
      status: `${TEST_PUBLIC_URL}/webhooks/twilio/${saved.id}/status`,
    });
    expect(JSON.stringify(saved)).not.toContain('good-token');
    expect(JSON.stringify(await api.providers.list.query())).not.toContain('good-token');
    const row = await server.services.orm.em.fork().findOneOrFail(WhatsappProvider, { id: saved.id }, { populate: ['authTokenEncrypted'] });
    expect(row.authTokenEncrypted).not.toContain('good-token');
    expect(server.services.secrets.open(row.authTokenEncrypted as string, row.id)).toBe('good-token');
  });

  it('updating without a token keeps the stored one; one active provider per company', async () => {
    const { token } = await admin();
    const api = server.client(token);
    const first = await api.providers.upsertWhatsApp.mutate({ kind: 'twilio', accountSid, authToken: 'good-token', from: '+14155238886' });
    const second = await api.providers.upsertWhatsApp.mutate({ kind: 'twilio', accountSid, from: '+14155230000', messagesPerSecond: 20 });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ sender: 'whatsapp:+14155230000', hasAuthToken: true, messagesPerSecond: 20 });
    expect(await api.providers.list.query()).toHaveLength(1);
  });

  it('tests the connection against Twilio (the fake) and reports a wrong token as a result', async () => {
    fake.acceptAnyToken = false;
    const { token } = await admin();
    const api = server.client(token);
    const good = await api.providers.upsertWhatsApp.mutate({ kind: 'twilio', accountSid, authToken: 'good-token', from: '+14155238886' });
    expect(await api.providers.testConnection.mutate({ id: good.id })).toEqual({
      ok: true,
      message: 'Connected to Twilio account “Fake Twilio account”',
    });
    await api.providers.upsertWhatsApp.mutate({ kind: 'twilio', accountSid, authToken: 'bad-token', from: '+14155238886' });
    const bad = await api.providers.testConnection.mutate({ id: good.id });
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/credentials/);
    fake.acceptAnyToken = true;
  });

  it('the simulator needs no credentials', async () => {
    const { token } = await admin();
    const api = server.client(token);
    const sim = await api.providers.upsertWhatsApp.mutate({ kind: 'simulator', from: '+15550001111' });
    expect(sim).toMatchObject({ kind: 'simulator', accountSid: null, sender: 'whatsapp:+15550001111' });
    expect(await api.providers.testConnection.mutate({ id: sim.id })).toEqual({ ok: true, message: 'The built-in simulator is ready' });
  });

  it.each([
    { input: { kind: 'twilio', accountSid: 'nope', authToken: 't', from: '+14155238886' }, code: 'BAD_REQUEST', says: /Account SID/ },
    { input: { kind: 'twilio', accountSid, from: '+14155238886' }, code: 'BAD_REQUEST', says: /Auth Token is required/ },
    { input: { kind: 'twilio', accountSid, authToken: 't', from: '4155238886' }, code: 'BAD_REQUEST', says: /E\.164/ },
    { input: { kind: 'fax', from: '+14155238886' }, code: 'BAD_REQUEST', says: /expected one of "twilio"\|"simulator"/ },
  ])('refuses $input.kind with $says and stores nothing', async ({ input, code, says }) => {
    const { token } = await admin();
    const api = server.client(token);
    const result = await api.providers.upsertWhatsApp.mutate(input as never).then(
      () => null,
      (e: Error) => e,
    );
    expect(result?.message).toMatch(says);
    expect((await outcome(api.providers.upsertWhatsApp.mutate(input as never))).code).toBe(code);
    expect(await api.providers.list.query()).toEqual([]);
  });

  it('another company cannot see, test or deactivate it; an operator cannot change it', async () => {
    const a = await admin('A');
    const b = await admin('B');
    const saved = await server.client(a.token).providers.upsertWhatsApp.mutate({ kind: 'simulator', from: '+15550002222' });
    expect(await server.client(b.token).providers.list.query()).toEqual([]);
    expect((await outcome(server.client(b.token).providers.testConnection.mutate({ id: saved.id }))).code).toBe('NOT_FOUND');
    expect((await outcome(server.client(b.token).providers.deactivate.mutate({ id: saved.id }))).code).toBe('NOT_FOUND');
    await server.services.orm.em.fork().nativeUpdate(User, { id: a.user.id }, { role: 'operator' });
    expect((await outcome(server.client(a.token).providers.upsertWhatsApp.mutate({ kind: 'simulator', from: '+15550002222' }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('deactivate keeps the row but marks it inactive', async () => {
    const { token } = await admin();
    const api = server.client(token);
    const saved = await api.providers.upsertWhatsApp.mutate({ kind: 'simulator', from: '+15550003333' });
    expect((await api.providers.deactivate.mutate({ id: saved.id })).active).toBe(false);
    expect((await api.providers.list.query())[0]?.active).toBe(false);
  });
});
