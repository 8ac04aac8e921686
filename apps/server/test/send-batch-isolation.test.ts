// One message's trouble stays that message's: a micro-batch of sends (any companies') delivers every other message
// once, and the troubled one errs alone, to be retried by its own job.
import { deliverOutboundMessages, Message } from '@switchboard/domain';
import {
  breakStoredToken,
  FakeTwilio,
  openTestServices,
  refuseProviderIdOf,
  sendingCompany,
  type TestServices,
} from '@switchboard/domain/testing';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';

import { deliverDeps } from './webhook-helpers.ts';

let services: TestServices;
let fake: FakeTwilio;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:send-isolation`,
  });
  fake = await new FakeTwilio().start();
});
afterAll(async () => {
  await services.close();
  await fake.stop();
});

const deliver = (ids: string[]) =>
  deliverOutboundMessages(
    deliverDeps(services, { twilioApiUrl: fake.url }),
    ids.map((messageId) => ({ messageId })),
  );
const bodiesSent = (texts: string[]) => texts.map((text) => fake.countsByBody().get(text) ?? 0);

it('a batch with two companies’ messages where one company’s token does not decrypt: the other company’s go out, exactly once', async () => {
  const good = await sendingCompany(services, 'Good Token Co');
  const broken = await sendingCompany(services, 'Broken Token Co');
  const texts = ['isolation good 1', 'isolation broken 1', 'isolation good 2', 'isolation broken 2'];
  const ids = [
    await good.send(texts[0] as string),
    await broken.send(texts[1] as string),
    await good.send(texts[2] as string),
    await broken.send(texts[3] as string),
  ];
  await breakStoredToken(services, broken.providerId);

  const outcomes = await deliver(ids);
  expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'error', 'sent', 'error']);
  expect(bodiesSent(texts)).toEqual([1, 0, 1, 0]);
  const stored = await services.orm.em.fork().find(Message, { id: { $in: ids } }, { orderBy: { createdAt: 'asc' } });
  expect(Object.fromEntries(stored.map((m) => [m.body, [m.status, m.providerMessageId !== null]]))).toEqual({
    'isolation good 1': ['sending', true],
    'isolation broken 1': ['queued', false],
    'isolation good 2': ['sending', true],
    'isolation broken 2': ['queued', false],
  });

  // The jobs retry the whole batch (as BullMQ would retry each job): nothing goes out twice.
  expect((await deliver(ids)).map((o) => o.kind)).toEqual(['skipped', 'error', 'skipped', 'error']);
  expect(bodiesSent(texts)).toEqual([1, 0, 1, 0]);
});

it('a batch statement PostgreSQL refuses for one message fails that message only; its retry finds it at the provider', async () => {
  const company = await sendingCompany(services, 'Refused Row Co');
  const texts = ['refused row a', 'refused row b', 'refused row c'];
  const ids: string[] = [];
  for (const text of texts) ids.push(await company.send(text));
  const lift = await refuseProviderIdOf(services, ids[1] as string);
  try {
    const outcomes = await deliver(ids);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'error', 'sent']);
  } finally {
    await lift();
  }
  expect(bodiesSent(texts)).toEqual([1, 1, 1]);
  const refused = await services.orm.em.fork().findOneOrFail(Message, { id: ids[1] as string });
  expect(refused).toMatchObject({ status: 'sending', providerMessageId: null });

  // Its retry asks Twilio before sending again, finds it, and records it.
  expect(await deliver([ids[1] as string])).toEqual([{ kind: 'sent', providerMessageId: expect.any(String) }]);
  expect(bodiesSent(texts)).toEqual([1, 1, 1]);
  const recorded = await services.orm.em.fork().findOneOrFail(Message, { id: ids[1] as string });
  expect(recorded.providerMessageId).toBe(fake.messages.find((m) => m.body === texts[1])?.sid);
});
