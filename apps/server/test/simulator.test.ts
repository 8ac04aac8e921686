// The built-in simulator end to end: sends are accepted, then the simulator calls the server's real webhook
// routes, signed, with status progressions and lead replies.

import {
  deliverOutboundMessage,
  Lead,
  Message,
  messagingProviderFor,
  type Schedule,
  SendRateLimiter,
  type Simulation,
  SimulatorProvider,
  simulationFor,
} from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';
import { drainWebhookEvents } from './webhook-helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'simulator', reachablePublicUrl: true });
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.services.queues.send.obliterate({ force: true });
  await server.services.queues.webhookEvents.obliterate({ force: true });
});

const em = () => server.services.orm.em.fork();

/** The simulator's timers, run on demand in the order they were due. */
function manualSchedule() {
  const tasks: { at: number; run: () => Promise<void> }[] = [];
  const schedule: Schedule = (afterMs, run) => void tasks.push({ at: afterMs, run });
  return {
    schedule,
    async runAll() {
      for (const task of tasks.sort((a, b) => a.at - b.at).splice(0)) await task.run();
    },
  };
}

async function simulatorCompany() {
  const { token } = await server
    .client()
    .auth.signUp.mutate({ companyName: 'Sim', name: 'S', email: uniqueEmail(), password: 'password-1234' });
  const api = server.client(token);
  await api.providers.upsertWhatsApp.mutate({ kind: 'simulator', from: '+15550009999' });
  return api;
}

async function sendThroughSimulator(messageId: string, script?: (id: string, body: string | null) => Simulation) {
  const timers = manualSchedule();
  const s = server.services;
  const result = await deliverOutboundMessage(
    {
      em: s.orm.em,
      events: s.events,
      clock: s.clock,
      limiter: new SendRateLimiter(s.redis, `${s.prefix}:sim`),
      publicUrl: s.publicUrl,
      providerFor: (row) =>
        messagingProviderFor(row, {
          secrets: s.secrets,
          simulator: (r, token) =>
            new SimulatorProvider(r, token, { publicUrl: s.publicUrl, schedule: timers.schedule, ...(script ? { script } : {}) }),
        }),
    },
    messageId,
  );
  // Callbacks and the scripted reply, in the order they were due, then applied as the worker would.
  await timers.runAll();
  await drainWebhookEvents(s);
  return result;
}

describe('simulator', () => {
  it('a simulated lead message arrives through the signed inbound webhook and opens the window', async () => {
    const api = await simulatorCompany();
    await api.conversations.simulateInbound.mutate({ phone: '+1 415 555 0130', body: 'Hi, I saw your listing' });
    await drainWebhookEvents(server.services);
    const [conversation] = await api.conversations.list.query();
    expect(conversation).toMatchObject({
      phone: '+14155550130',
      windowOpen: true,
      unreadCount: 1,
      lastMessage: { body: 'Hi, I saw your listing' },
    });
  });

  it.each([
    { case: 'in order', callbacks: ['sent', 'delivered', 'read'], final: 'read' },
    { case: 'out of order and repeated', callbacks: ['sent', 'read', 'delivered', 'read'], final: 'read' },
    { case: 'failing with 63024', callbacks: ['sent', 'failed'], final: 'failed' },
  ])('a send plays out $case and ends $final', async ({ callbacks, final }) => {
    const api = await simulatorCompany();
    await api.conversations.simulateInbound.mutate({ phone: '+14155550131', body: 'hello' });
    await drainWebhookEvents(server.services);
    const [conversation] = await api.conversations.list.query();
    const { messageId } = await api.conversations.sendText.mutate({
      leadId: conversation?.leadId as string,
      text: 'Hi! When can we talk?',
    });
    const script = (): Simulation => ({
      callbacks: callbacks.map((status, i) => ({
        afterMs: i * 100,
        status: status as 'sent',
        ...(status === 'failed' ? { errorCode: 63024 } : {}),
      })),
      reply: null,
    });
    expect((await sendThroughSimulator(messageId, script)).kind).toBe('sent');
    const message = await em().findOneOrFail(Message, { id: messageId });
    expect(message.status).toBe(final);
    expect(message.priceMicros).toBe(5000);
    if (final === 'failed') expect(message.errorMessage).toMatch(/Invalid recipient/);
  });

  it('“simulate stop” makes the lead answer STOP, which opts them out', async () => {
    const api = await simulatorCompany();
    await api.conversations.simulateInbound.mutate({ phone: '+14155550132', body: 'hello' });
    await drainWebhookEvents(server.services);
    const leadId = (await api.conversations.list.query())[0]?.leadId as string;
    const { messageId } = await api.conversations.sendText.mutate({ leadId, text: 'Last offer (simulate stop)' });
    await sendThroughSimulator(messageId);
    const lead = await em().findOneOrFail(Lead, { id: leadId });
    expect(lead.whatsappOptedOutAt).toBeInstanceOf(Date);
    expect((await api.conversations.timeline.query({ leadId })).messages.map((m) => m.body)).toEqual([
      'hello',
      'Last offer (simulate stop)',
      'STOP',
    ]);
  });

  it('the script plays every message out the same way, and covers failures, out-of-order callbacks and replies', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const plans = ids.map((id) => simulationFor(id, 'hello'));
    expect(simulationFor(ids[0] as string, 'hello')).toEqual(plans[0]);
    expect(plans.some((p) => p.callbacks.some((c) => c.status === 'undelivered' || c.status === 'failed'))).toBe(true);
    expect(plans.some((p) => p.callbacks.map((c) => c.status).join() === 'sent,read,delivered,read')).toBe(true);
    expect(plans.some((p) => p.reply !== null)).toBe(true);
  });

  it('simulating needs the simulator provider', async () => {
    const { token } = await server
      .client()
      .auth.signUp.mutate({ companyName: 'Real', name: 'R', email: uniqueEmail(), password: 'password-1234' });
    const api = server.client(token);
    await api.providers.upsertWhatsApp.mutate({ kind: 'twilio', accountSid: `AC${'5'.repeat(32)}`, authToken: 't', from: '+14155238886' });
    expect((await outcome(api.conversations.simulateInbound.mutate({ phone: '+14155550133', body: 'x' }))).code).toBe(
      'PRECONDITION_FAILED',
    );
  });
});
