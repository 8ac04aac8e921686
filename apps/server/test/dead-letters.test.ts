// Dead-lettered webhook events are visible: their count on /metrics (read at each scrape) and, for a company's
// admins, the list in the console (webhooks.deadLetters).
import { recordWebhook, User, WebhookEvent } from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'dead-letters' });
});
afterAll(() => server.close());

async function company() {
  const email = uniqueEmail();
  const { token, user } = await server.client().auth.signUp.mutate({ companyName: 'Letters', name: 'L', email, password: 'password-1234' });
  const provider = await server.client(token).providers.upsertWhatsApp.mutate({ kind: 'simulator', from: '+14155238886' });
  return { token, user, providerId: provider.id };
}

let sids = 0;
async function deadLetter(c: Awaited<ReturnType<typeof company>>, at: string, error: string): Promise<string> {
  const sid = `SM${String(++sids).padStart(32, '0')}`;
  const id = (await recordWebhook(server.services.orm.em, {
    companyId: c.user.companyId,
    providerId: c.providerId,
    kind: 'twilio.inbound',
    params: { MessageSid: sid, From: 'whatsapp:+1' },
    query: {},
    receivedAt: new Date(at),
  })) as string;
  await server.services.orm.em.fork().nativeUpdate(WebhookEvent, { id }, { failures: 5, lastError: error, deadLetteredAt: new Date(at) });
  return id;
}

const gauge = async () => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^webhook_events_dead_lettered (\d+)$/m.exec(text)?.[1]);
};

it('/metrics counts the dead-lettered webhook events at each scrape', async () => {
  const c = await company();
  const before = await gauge();
  expect(before).toBeGreaterThanOrEqual(0);
  await deadLetter(c, '2026-12-01T10:00:00Z', 'DomainError: Inbound message not applicable');
  expect(await gauge()).toBe(before + 1);
});

it('an admin lists the company’s dead letters newest first, with the error; others’ are not there', async () => {
  const c = await company();
  const other = await company();
  const older = await deadLetter(c, '2026-12-01T10:00:00Z', 'first error');
  const newer = await deadLetter(c, '2026-12-02T10:00:00Z', 'second error');
  await deadLetter(other, '2026-12-03T10:00:00Z', 'not yours');
  const list = await server.client(c.token).webhooks.deadLetters.query();
  expect(list).toMatchObject([
    { id: newer, kind: 'twilio.inbound', failures: 5, lastError: 'second error', messageSid: expect.stringMatching(/^SM/) },
    { id: older, lastError: 'first error' },
  ]);
});

it('only admins see dead letters (FORBIDDEN for a manager)', async () => {
  const c = await company();
  await server.services.orm.em.fork().nativeUpdate(User, { id: c.user.id }, { role: 'manager' });
  expect((await outcome(server.client(c.token).webhooks.deadLetters.query())).code).toBe('FORBIDDEN');
});
