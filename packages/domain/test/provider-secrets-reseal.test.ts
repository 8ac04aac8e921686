// Rows sealed by releases before v2 (not bound to their row) are re-sealed as v2 at server start: once, by one of
// several servers starting together, and a ciphertext copied to another row then no longer opens there.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Company, resealProviderSecrets, WhatsappProvider } from '../src/index.ts';
import { openTestServices, sealedAsV1, type TestServices } from '../src/testing/index.ts';

const KEY = Buffer.alloc(32, 7); // openTestServices' SecretBox key
let s: TestServices;
beforeAll(async () => {
  s = await openTestServices({
    databaseUrl: inject('databaseUrl'),
    redisUrl: inject('redisUrl'),
    redisPrefix: `${inject('redisPrefix')}:reseal`,
  });
});
afterAll(() => s.close());

async function providersSealedAsV1(tokens: string[]): Promise<WhatsappProvider[]> {
  const em = s.orm.em.fork();
  const company = em.create(Company, { name: 'Legacy', timezone: 'UTC' });
  const rows = tokens.map((token, i) =>
    em.create(WhatsappProvider, {
      company: company.id,
      kind: 'twilio',
      sender: `whatsapp:+1415523000${i}`,
      authTokenEncrypted: sealedAsV1(KEY, token),
    }),
  );
  await em.flush();
  return rows;
}

const stored = async (id: string) =>
  (await s.orm.em.fork().findOneOrFail(WhatsappProvider, { id }, { populate: ['authTokenEncrypted'] })).authTokenEncrypted as string;

describe('re-sealing v1 provider secrets', () => {
  it('re-seals every v1 row as v2 bound to its row, each once, even with two servers starting at once', async () => {
    const rows = await providersSealedAsV1(['token-a', 'token-b', 'token-c']);
    const ids = rows.map((r) => r.id);
    const before = await Promise.all(ids.map(stored));
    const runs = await Promise.all([
      resealProviderSecrets({ em: s.orm.em, secrets: s.secrets }),
      resealProviderSecrets({ em: s.orm.em, secrets: s.secrets }),
    ]);
    // Other test files may start servers (which re-seal too) meanwhile: each of our rows was re-sealed at most once.
    const resealedOurs = runs.flatMap((r) => r.resealed).filter((id) => ids.includes(id));
    expect(new Set(resealedOurs).size).toBe(resealedOurs.length);
    for (const [i, id] of ids.entries()) {
      const now = await stored(id);
      expect(now).toMatch(/^v2:/);
      expect(now).not.toBe(before[i]);
      expect(s.secrets.open(now, id)).toBe(['token-a', 'token-b', 'token-c'][i]);
    }
    // Idempotent: nothing left to do.
    const again = await resealProviderSecrets({ em: s.orm.em, secrets: s.secrets });
    expect(again.resealed.filter((id) => ids.includes(id))).toEqual([]);
  });

  it('after re-sealing, a ciphertext copied into another provider’s row does not open there', async () => {
    const [a, b] = await providersSealedAsV1(['token-a', 'token-b']);
    await resealProviderSecrets({ em: s.orm.em, secrets: s.secrets });
    const copied = await stored(a?.id as string);
    await s.orm.em.fork().nativeUpdate(WhatsappProvider, { id: b?.id as string }, { authTokenEncrypted: copied });
    expect(() => s.secrets.open(copied, b?.id as string)).toThrow();
    expect(s.secrets.open(copied, a?.id as string)).toBe('token-a');
  });

  it('leaves a v1 row this key cannot open as it is, and reports it', async () => {
    const em = s.orm.em.fork();
    const company = em.create(Company, { name: 'Other key', timezone: 'UTC' });
    const foreign = em.create(WhatsappProvider, {
      company: company.id,
      kind: 'twilio',
      sender: 'whatsapp:+14155239999',
      authTokenEncrypted: sealedAsV1(Buffer.alloc(32, 9), 'not ours'),
    });
    await em.flush();
    const sealed = await stored(foreign.id);
    const outcome = await resealProviderSecrets({ em: s.orm.em, secrets: s.secrets });
    expect(outcome.unreadable).toContain(foreign.id);
    expect(await stored(foreign.id)).toBe(sealed);
  });
});
