// The webhook routes' provider cache: bounded (least recently used out first), entries expire after the TTL on the
// injected clock, and a miss is not remembered (a provider created a moment later is found at once).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { FixedClock, ProviderDirectory, WhatsappProvider } from '../../src/index.ts';
import { openTestServices, type TestServices } from '../../src/testing/index.ts';
import { inboxCompany } from './inbox-fixtures.ts';

const clock = new FixedClock('2026-12-04T12:00:00Z');
let services: TestServices;
beforeAll(async () => {
  services = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:directory`,
    clock,
  });
});
afterAll(() => services.close());

const directory = (opts: { max?: number; ttlMs?: number } = {}) =>
  new ProviderDirectory({ em: services.orm.em, secrets: services.secrets, clock }, opts);
const setActive = (id: string, active: boolean) => services.orm.em.fork().nativeUpdate(WhatsappProvider, { id }, { active });

it('a miss is not remembered: a provider that exists a moment later is found', async () => {
  const company = await inboxCompany(services, clock);
  const providers = new ProviderDirectory({ em: services.orm.em, secrets: services.secrets, clock });
  const id = randomUUID();
  expect(await providers.find(id)).toBeNull();
  const fork = services.orm.em.fork();
  fork.create(WhatsappProvider, {
    id,
    company: company.companyId,
    kind: 'simulator',
    sender: 'whatsapp:+14155238886',
    authTokenEncrypted: services.secrets.seal('late-token', id),
  });
  await fork.flush();
  expect(await providers.find(id)).toMatchObject({ id, companyId: company.companyId, authToken: 'late-token', active: true });
});

it('holds at most `max` providers, the least recently used leaving first', async () => {
  const [a, b, c] = await Promise.all([inboxCompany(services, clock), inboxCompany(services, clock), inboxCompany(services, clock)]);
  const providers = directory({ max: 2 });
  await providers.find(a?.providerId as string);
  await providers.find(b?.providerId as string);
  await providers.find(a?.providerId as string);
  await providers.find(c?.providerId as string);
  expect(providers.size).toBe(2);
  // Deactivated in the database: a cached entry still says active, an evicted one is read again.
  for (const p of [a, b, c]) await setActive(p?.providerId as string, false);
  expect((await providers.find(a?.providerId as string))?.active).toBe(true);
  expect((await providers.find(b?.providerId as string))?.active).toBe(false);
});

it('unknown providers fill nothing: 200 random UUIDs and 10,000 ids that are not UUIDs leave the cache empty', async () => {
  const providers = directory();
  for (let i = 0; i < 200; i++) await providers.find(randomUUID());
  for (let i = 0; i < 10_000; i++) await providers.find(`not-a-uuid-${i}`);
  expect(providers.size).toBe(0);
});

it('an entry is read again once its TTL has passed on the clock (a deactivation applies within it)', async () => {
  const company = await inboxCompany(services, clock);
  const providers = directory({ ttlMs: 30_000 });
  expect((await providers.find(company.providerId))?.active).toBe(true);
  await setActive(company.providerId, false);
  clock.advance(29_000);
  expect((await providers.find(company.providerId))?.active).toBe(true);
  clock.advance(2_000);
  expect((await providers.find(company.providerId))?.active).toBe(false);
});
