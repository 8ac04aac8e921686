// A deployment upgraded from a release that sealed provider tokens without binding them to their row: the server
// re-seals them as v2 when it starts, and webhooks keep verifying with the same token.
import { Company, WhatsappProvider } from '@switchboard/domain';
import { openTestServices, sealedAsV1, type TestServices } from '@switchboard/domain/testing';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadServerEnv } from '../src/config/server-env.ts';
import { startServer } from '../src/runtime.ts';

const KEY = Buffer.alloc(32, 7);
let s: TestServices;
beforeAll(async () => {
  s = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:at-start`,
  });
});
afterAll(() => s.close());

it('server start re-seals a v1 provider token as v2 bound to its row', async () => {
  const em = s.orm.em.fork();
  const company = em.create(Company, { name: 'Upgraded', timezone: 'UTC' });
  const row = em.create(WhatsappProvider, {
    company: company.id,
    kind: 'twilio',
    sender: 'whatsapp:+14155238886',
    authTokenEncrypted: sealedAsV1(KEY, 'kept-token'),
  });
  await em.flush();

  const server = await startServer(
    loadServerEnv({
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `${inject('redisPrefix')}:at-start`,
      SECRET_KEY: KEY.toString('base64'),
      PORT: '0',
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    const sealed = (await s.orm.em.fork().findOneOrFail(WhatsappProvider, { id: row.id }, { populate: ['authTokenEncrypted'] }))
      .authTokenEncrypted as string;
    expect(sealed).toMatch(/^v2:/);
    expect(s.secrets.open(sealed, row.id)).toBe('kept-token');
  } finally {
    await server.close();
  }
});
