import { FixedClock, SESSION_LIFETIME_MS, User } from '@switchboard/domain';
import { uniqueEmail } from '@switchboard/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, startTestServer, type TestServer } from './test-server.ts';

const clock = new FixedClock('2026-05-01T12:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock, prefix: 'auth' });
});
afterAll(() => server.close());

const codeOf = async (p: Promise<unknown>) => (await outcome(p)).code;

async function signUp(companyName = 'Acme') {
  return server.client().auth.signUp.mutate({ companyName, name: 'Owner', email: uniqueEmail(), password: 'password-1234' });
}

describe('auth over tRPC', () => {
  it('sign-up, me, logout', async () => {
    const { token, user } = await signUp('Sunny Solar');
    const me = await server.client(token).auth.me.query();
    expect(me).toEqual(user);
    expect(me.companyName).toBe('Sunny Solar');
    await server.client(token).auth.logout.mutate();
    expect(await codeOf(server.client(token).auth.me.query())).toBe('UNAUTHORIZED');
  });

  it('wrong password is UNAUTHORIZED; repeated failures become TOO_MANY_REQUESTS', async () => {
    const { user } = await signUp();
    const anon = server.client();
    expect(await codeOf(anon.auth.login.mutate({ email: user.email, password: 'not-the-password' }))).toBe('UNAUTHORIZED');
    for (let i = 0; i < 4; i++) await codeOf(anon.auth.login.mutate({ email: user.email, password: 'not-the-password' }));
    expect(await codeOf(anon.auth.login.mutate({ email: user.email, password: 'password-1234' }))).toBe('TOO_MANY_REQUESTS');
  });

  it('an expired token is UNAUTHORIZED', async () => {
    const { token } = await signUp();
    expect(await codeOf(server.client(token).agents.list.query())).toBe('OK');
    clock.advance(SESSION_LIFETIME_MS + 1);
    expect(await codeOf(server.client(token).agents.list.query())).toBe('UNAUTHORIZED');
  });

  it('no token is UNAUTHORIZED', async () => {
    expect(await codeOf(server.client().agents.list.query())).toBe('UNAUTHORIZED');
  });

  it('bad sign-up input is BAD_REQUEST with the zod issues per field', async () => {
    const data = await outcome(
      server.client().auth.signUp.mutate({ companyName: '', name: 'X', email: 'not-an-email', password: 'short' }),
    );
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.zodIssues?.map((i) => i.path.join('.')).sort()).toEqual(['companyName', 'email', 'password']);
  });
});

describe('agents are scoped to the caller’s company', () => {
  it('create and list; another company neither lists nor reads nor updates it', async () => {
    const a = await signUp('Company A');
    const b = await signUp('Company B');
    const created = await server.client(a.token).agents.create.mutate({ name: '  Ava  ', channels: ['whatsapp', 'voice', 'whatsapp'] });
    expect(created).toMatchObject({ name: 'Ava', channels: ['voice', 'whatsapp'] });
    expect((await server.client(a.token).agents.list.query()).map((x) => x.id)).toEqual([created.id]);
    expect(await server.client(b.token).agents.list.query()).toEqual([]);
    expect(await codeOf(server.client(b.token).agents.get.query({ id: created.id }))).toBe('NOT_FOUND');
    expect(await codeOf(server.client(b.token).agents.update.mutate({ id: created.id, name: 'Stolen' }))).toBe('NOT_FOUND');
    expect((await server.client(a.token).agents.get.query({ id: created.id })).name).toBe('Ava');
  });

  it.each([
    { input: { name: '', channels: ['voice'] }, field: 'name' },
    { input: { name: 'X', channels: [] }, field: 'channels' },
    { input: { name: 'X', channels: ['sms'] }, field: 'channels.0' },
  ])('refuses $input with BAD_REQUEST on $field and stores nothing', async ({ input, field }) => {
    const { token } = await signUp();
    const data = await outcome(server.client(token).agents.create.mutate(input as never));
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.zodIssues?.map((i) => i.path.join('.'))).toContain(field);
    expect(await server.client(token).agents.list.query()).toEqual([]);
  });

  it('an operator may list agents but not create them (FORBIDDEN)', async () => {
    const { token, user } = await signUp();
    const em = server.services.orm.em.fork();
    await em.nativeUpdate(User, { id: user.id }, { role: 'operator' });
    expect(await codeOf(server.client(token).agents.list.query())).toBe('OK');
    expect(await codeOf(server.client(token).agents.create.mutate({ name: 'X', channels: ['voice'] }))).toBe('FORBIDDEN');
  });
});
