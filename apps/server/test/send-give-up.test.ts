// Giving up on a message after its last attempt: it ends `failed` with a reason a person can read, its
// interaction attempt closed and the change published, unless it turns out to have reached Twilio after all.
import { deliverOutboundMessage, describeSendError, giveUpOnMessage, InteractionAttempt, Message } from '@switchboard/domain';
import { FakeTwilio, openTestServices, sendingCompany, type TestServices } from '@switchboard/domain/testing';
import { afterAll, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { deliverDeps } from './webhook-helpers.ts';

let services: TestServices;
let fake: FakeTwilio;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:send-give-up`,
  });
  fake = await new FakeTwilio().start();
});
afterAll(async () => {
  await services.close();
  await fake.stop();
});
beforeEach(() => {
  fake.failNextList.length = 0;
});

const deps = () => deliverDeps(services, { twilioApiUrl: fake.url });
const message = (id: string) => services.orm.em.fork().findOneOrFail(Message, { id });
/** As a worker that claimed the message and then lost track of its send (died, or lost the database). */
const interrupt = (id: string) =>
  services.orm.em
    .getConnection()
    .execute(`update messages set status = 'sending', send_started_at = now(), provider_message_id = null where id = ?`, [id]);

it('a queued message given up on ends failed with a readable reason, its attempt closed and the change published', async () => {
  const company = await sendingCompany(services, 'Give Up Co');
  const id = await company.send('given up while the database was away');
  const databaseDown = Object.assign(new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:5432')], ''), {
    code: 'ECONNREFUSED',
  });

  expect(await giveUpOnMessage(deps(), id, describeSendError(databaseDown))).toEqual({
    kind: 'failed',
    reason: 'Could not send: connect ECONNREFUSED 127.0.0.1:5432',
  });
  expect(await message(id)).toMatchObject({ status: 'failed', errorMessage: 'Could not send: connect ECONNREFUSED 127.0.0.1:5432' });
  const attempt = await services.orm.em.fork().findOneOrFail(InteractionAttempt, { message: id });
  expect(attempt.outcome).toBe('failed');
  expect(attempt.endedAt).toBeInstanceOf(Date);
  const events = await services.events.readAfter(company.companyId, '0-0');
  expect(events.at(-1)).toMatchObject({
    type: 'message.status',
    data: { message: { id, status: 'failed', reason: 'Could not send: connect ECONNREFUSED 127.0.0.1:5432' } },
  });
  expect(fake.messages.filter((m) => m.body === 'given up while the database was away')).toHaveLength(0);
});

it('a message interrupted mid-send that Twilio did receive is recorded as sent, not failed', async () => {
  const company = await sendingCompany(services, 'Reached Twilio Co');
  const id = await company.send('it did reach Twilio');
  const [sent] = await sendOnce(id);
  expect(sent).toBeDefined();
  await interrupt(id);

  expect(await giveUpOnMessage(deps(), id, 'the database was away')).toEqual({ kind: 'sent', providerMessageId: sent?.sid });
  expect(await message(id)).toMatchObject({ status: 'sending', providerMessageId: sent?.sid, errorMessage: null });
  expect(fake.messages.filter((m) => m.body === 'it did reach Twilio')).toHaveLength(1);
});

it('a message interrupted mid-send that Twilio never received ends failed with the reason', async () => {
  const company = await sendingCompany(services, 'Never Reached Co');
  const id = await company.send('never reached Twilio');
  await interrupt(id);

  expect(await giveUpOnMessage(deps(), id, 'the database was away')).toEqual({
    kind: 'failed',
    reason: 'Could not send: the database was away',
  });
  expect(await message(id)).toMatchObject({ status: 'failed', errorMessage: 'Could not send: the database was away' });
  expect(fake.messages.filter((m) => m.body === 'never reached Twilio')).toHaveLength(0);
});

it('a message interrupted mid-send ends failed saying its fate is unknown when Twilio cannot be asked', async () => {
  const company = await sendingCompany(services, 'Unknown Fate Co');
  const id = await company.send('fate unknown');
  await interrupt(id);
  fake.failNextList.push({ status: 503, code: 20503, message: 'Service unavailable' });

  const outcome = await giveUpOnMessage(deps(), id, 'Twilio was unavailable');
  expect(outcome).toEqual({
    kind: 'failed',
    reason: 'Could not send: Twilio was unavailable. Whether it reached WhatsApp is unknown; a delivery report will still update it.',
  });
  expect(await message(id)).toMatchObject({ status: 'failed', errorMessage: outcome.kind === 'failed' ? outcome.reason : '' });
  expect(fake.messages.filter((m) => m.body === 'fate unknown')).toHaveLength(0);
});

/** Sends the message once through the worker's delivery, returning what the fake Twilio received for it. */
async function sendOnce(id: string) {
  expect((await deliverOutboundMessage(deps(), id)).kind).toBe('sent');
  const stored = await message(id);
  return fake.messages.filter((m) => m.body === stored.body);
}
